import { A, ADMIN, B, PASSPORT, STAFF, SUPERVISOR } from '../support/demo'
import { codeOf, dataOf, errorOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { cloudForFile } from '../support/for-file'
import { draftOf, noticeKit, requestId, startNoticeCloud } from '../support/notice'

const t = cloudForFile(startNoticeCloud)
const n = noticeKit(() => t)

beforeEach(() => setBeijingNow('2026-12-20', '09:00'))

const count = async (collection: string) => (await t.db.collection(collection).where({}).count()).total

describe('the announcement lifecycle', () => {
  it('when the office drafts, publishes and withdraws an announcement, then citizens see it only while published and every change is audited', async () => {
    const draft = await n.create({ title: '护照窗口12月28日暂停受理（生命周期）' })
    expect(draft).toMatchObject({ state: 'draft', version: 1 })
    expect(await n.titles(A)).not.toContain('护照窗口12月28日暂停受理（生命周期）')

    const pub = dataOf(await n.api()({ action: 'publish', noticeId: draft.noticeId, version: draft.version }, SUPERVISOR))
    expect(pub).toMatchObject({ state: 'published', version: 2 })
    expect(await n.titles(A)).toContain('护照窗口12月28日暂停受理（生命周期）')
    const onMatter = dataOf(await n.api()({ action: 'forMatter', matterId: PASSPORT })).items.map((i) => i.title)
    expect(onMatter).toContain('护照窗口12月28日暂停受理（生命周期）')

    const gone = dataOf(await n.api()({ action: 'withdraw', noticeId: draft.noticeId, version: pub.version, reason: '发布有误' }, ADMIN))
    expect(gone.state).toBe('withdrawn')
    expect(await n.titles(A)).not.toContain('护照窗口12月28日暂停受理（生命周期）')
    expect(dataOf(await n.api()({ action: 'forMatter', matterId: PASSPORT })).items.map((i) => i.title)).not.toContain(
      '护照窗口12月28日暂停受理（生命周期）',
    )
    expect(codeOf(await n.api()({ action: 'get', noticeId: draft.noticeId }, A))).toBe('NOT_FOUND')

    const view = dataOf(await n.api()({ action: 'get', noticeId: draft.noticeId }, SUPERVISOR))
    expect(view.staff?.history.map((h) => h.kind)).toEqual(['created', 'published', 'withdrawn'])
    expect(view.staff?.history[2]).toMatchObject({ reason: '发布有误', staffNo: expect.any(String) })
    const changes = (await t.db.collection('notice_changes').where({ noticeId: draft.noticeId }).get()).data
    expect(changes.map((c) => c._id).sort()).toEqual([`${draft.noticeId}:1`, `${draft.noticeId}:2`, `${draft.noticeId}:3`])
  })

  it('when an edit names an old version, then it is refused as a conflict and nothing is written', async () => {
    const d = await n.create({ title: '版本冲突测试公告' })
    dataOf(
      await n.api()(
        { action: 'save', noticeId: d.noticeId, version: 1, requestId: requestId(), draft: draftOf({ title: '版本冲突测试公告（改）' }) },
        SUPERVISOR,
      ),
    )
    const before = await count('notice_changes')
    const stale = await n.api()(
      { action: 'save', noticeId: d.noticeId, version: 1, requestId: requestId(), draft: draftOf({ title: '旧版本覆盖' }) },
      ADMIN,
    )
    expect(codeOf(stale)).toBe('CONFLICT')
    expect(await count('notice_changes')).toBe(before)
  })

  it('when the same create is sent twice, then one announcement is written', async () => {
    const id = requestId()
    const first = dataOf(await n.api()({ action: 'save', requestId: id, draft: draftOf({ title: '重复提交只建一次' }) }, SUPERVISOR))
    const again = dataOf(await n.api()({ action: 'save', requestId: id, draft: draftOf({ title: '重复提交只建一次' }) }, SUPERVISOR))
    expect(again.noticeId).toBe(first.noticeId)
    expect((await t.db.collection('notices').where({ title: '重复提交只建一次' }).count()).total).toBe(1)
  })

  it('when an announcement has a publish time and an expiry, then it shows only between them', async () => {
    await n.published({
      title: '定时发布的办事提醒',
      category: 'reminder',
      publishAt: '2026-12-21T08:00:00+08:00',
      expireAt: '2026-12-22T18:00:00+08:00',
    })
    expect(await n.titles(A)).not.toContain('定时发布的办事提醒')
    setBeijingNow('2026-12-21', '08:00')
    expect(await n.titles(A)).toContain('定时发布的办事提醒')
    setBeijingNow('2026-12-22', '18:00')
    expect(await n.titles(A)).not.toContain('定时发布的办事提醒')
  })

  it('when some are pinned, then they come first, then the newest', async () => {
    setBeijingNow('2026-12-23', '09:00')
    await n.published({ title: '排序：较早的置顶', pinned: true, matterId: undefined })
    setBeijingNow('2026-12-23', '10:00')
    await n.published({ title: '排序：最新的普通', matterId: undefined })
    setBeijingNow('2026-12-23', '11:00')
    await n.published({ title: '排序：最新的置顶', pinned: true, matterId: undefined })
    const titles = (await n.titles(B)).filter((x) => x.startsWith('排序'))
    expect(titles).toEqual(['排序：最新的置顶', '排序：较早的置顶', '排序：最新的普通'])
    const board = dataOf(await n.api()({ action: 'pinned' }))
    expect(board.items.map((i) => i.title).slice(0, 2)).toEqual(['排序：最新的置顶', '排序：较早的置顶'])
    // The board's rows hold only what the screen prints.
    for (const row of board.items) expect(Object.keys(row).sort()).toEqual(['category', 'categoryLabel', 'publishedAt', 'title'])
  })

  it('when a list is filtered by category or searched, then only the matching ones are answered', async () => {
    setBeijingNow('2026-12-24', '09:00')
    await n.published({
      title: '社保卡以旧换新政策解读',
      category: 'policy',
      blocks: [{ kind: 'p', text: '第三代社保卡可在人社窗口免费换领。' }],
    })
    expect(await n.titles(A, { category: 'policy' })).toEqual(['社保卡以旧换新政策解读'])
    expect(await n.titles(A, { q: '第三代 免费' })).toEqual(['社保卡以旧换新政策解读'])
    expect(await n.titles(A, { q: '不存在的词' })).toEqual([])
  })

  it('when a citizen opens an announcement, then it is read for that account only', async () => {
    setBeijingNow('2026-12-25', '09:00')
    const p = await n.published({ title: '未读标记测试' })
    const unreadA = dataOf(await n.api()({ action: 'list' }, A))
    expect(unreadA.items.find((i) => i.noticeId === p.noticeId)?.read).toBe(false)
    dataOf(await n.api()({ action: 'get', noticeId: p.noticeId }, A))
    const afterA = dataOf(await n.api()({ action: 'list' }, A))
    expect(afterA.items.find((i) => i.noticeId === p.noticeId)?.read).toBe(true)
    expect(afterA.unread).toBe(unreadA.unread - 1)
    expect(dataOf(await n.api()({ action: 'list' }, B)).items.find((i) => i.noticeId === p.noticeId)?.read).toBe(false)
  })
})

describe('the audience', () => {
  it("when an announcement is for a matter's followers, then only citizens with a booking or case of that matter see it in lists, and everyone on the matter page", async () => {
    setBeijingNow('2026-12-26', '09:00')
    await t.db
      .collection('bookings')
      .add({ data: { openid: A, matterId: PASSPORT, createdAt: new Date('2026-12-01T02:00:00Z'), status: 'booked' } })
    await n.published({ title: '办护照的群众请注意', audience: 'matter' })
    expect(await n.titles(A)).toContain('办护照的群众请注意')
    expect(await n.titles(B)).not.toContain('办护照的群众请注意')
    expect(await n.titles()).not.toContain('办护照的群众请注意')
    expect(await n.titles(STAFF)).toContain('办护照的群众请注意')
    expect(dataOf(await n.api()({ action: 'forMatter', matterId: PASSPORT }, B)).items.map((i) => i.title)).toContain('办护照的群众请注意')
    expect(dataOf(await n.api()({ action: 'pinned' })).items.map((i) => i.title)).not.toContain('办护照的群众请注意')
  })
})

describe('access and bad input', () => {
  it('when a citizen or window staff try to publish, then they are refused and nothing is written', async () => {
    const before = await count('notices')
    for (const who of [A, STAFF]) {
      expect(codeOf(await n.api()({ action: 'save', requestId: requestId(), draft: draftOf() }, who))).toBe('FORBIDDEN')
      expect(codeOf(await n.api()({ action: 'adminList' }, who))).toBe('FORBIDDEN')
    }
    expect(codeOf(await n.api()({ action: 'save', requestId: requestId(), draft: draftOf() }))).toBe('UNAUTHENTICATED')
    expect(await count('notices')).toBe(before)
  })

  it('when a stranger asks for a draft, then it is not found, and the office can read it', async () => {
    const d = await n.create({ title: '尚未发布的草稿' })
    for (const who of [A, STAFF, undefined]) expect(codeOf(await n.api()({ action: 'get', noticeId: d.noticeId }, who))).toBe('NOT_FOUND')
    expect(dataOf(await n.api()({ action: 'get', noticeId: d.noticeId }, ADMIN)).staff?.state).toBe('draft')
  })

  it('when the input is bad, then the errors name the fields and nothing is written', async () => {
    const before = [await count('notices'), await count('notice_changes')]
    const cases: unknown[] = [
      { action: 'save', requestId: requestId(), draft: { ...draftOf(), title: '短' } },
      { action: 'save', requestId: requestId(), draft: { ...draftOf(), blocks: [] } },
      { action: 'save', requestId: requestId(), draft: { ...draftOf(), blocks: [{ kind: 'html', html: '<script>alert(1)</script>' }] } },
      {
        action: 'save',
        requestId: requestId(),
        draft: { ...draftOf(), publishAt: '2026-12-22T08:00:00+08:00', expireAt: '2026-12-21T08:00:00+08:00' },
      },
      { action: 'save', requestId: requestId(), draft: { ...draftOf(), audience: 'matter', matterId: undefined } },
      { action: 'save', requestId: requestId(), draft: { ...draftOf(), video: { kind: 'channel', feedId: 'x', finderUserName: 'abc' } } },
      { action: 'save', requestId: requestId(), draft: draftOf(), openid: A },
    ]
    for (const event of cases) {
      const r = await n.api().raw(event, SUPERVISOR)
      expect(errorOf(r)).toMatchObject({ code: 'INVALID_INPUT', issues: expect.any(Array) })
    }
    const foreign = await n.api()(
      {
        action: 'save',
        requestId: requestId(),
        draft: draftOf({
          blocks: [
            { kind: 'p', text: '正文' },
            { kind: 'img', fileId: 'cloud://local-env.bucket/materials/abc/x.jpg' },
          ],
        }),
      },
      SUPERVISOR,
    )
    expect(errorOf(foreign)).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'draft.blocks.1.fileId' }] })
    expect(codeOf(await n.api()({ action: 'save', requestId: requestId(), draft: draftOf({ matterId: 'm-nope' }) }, SUPERVISOR))).toBe(
      'INVALID_INPUT',
    )
    expect([await count('notices'), await count('notice_changes')]).toEqual(before)
  })

  it('when an image is uploaded, then it is checked by its bytes and may be used in a body', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
      'hex',
    )
    const up = dataOf(await n.api()({ action: 'addImage', contentType: 'image/png', dataBase64: png.toString('base64') }, SUPERVISOR))
    expect(up.fileId).toMatch(/^cloud:\/\/.+\/notices\/[0-9a-f]{24}\.png$/)
    const liar = await n.api()({ action: 'addImage', contentType: 'image/jpeg', dataBase64: png.toString('base64') }, SUPERVISOR)
    expect(codeOf(liar)).toBe('INVALID_INPUT')
    setBeijingNow('2026-12-27', '09:00')
    const p = await n.published({
      title: '带图片的公告',
      blocks: [
        { kind: 'p', text: '见下图。' },
        { kind: 'img', fileId: up.fileId },
      ],
    })
    const view = dataOf(await n.api()({ action: 'get', noticeId: p.noticeId }, A))
    expect(view.blocks[1]).toMatchObject({ kind: 'img', url: expect.stringMatching(/^http/) })
    expect(view.staff).toBeUndefined()
  })
})
