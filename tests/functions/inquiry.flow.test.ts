import type { TestCloud } from '../support/cloud'
import { newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import {
  A,
  ADMIN,
  B,
  inquiryClient,
  jpeg,
  LEAD,
  pdf,
  png,
  saveProfile,
  STAFF,
  STAFF_SCJG,
  startInquiryCloud,
  SUPERVISOR,
} from '../support/inquiry'
import { dataOf } from '../support/calls'

let t: TestCloud
let c: ReturnType<typeof inquiryClient>

const setPolicy = (policy: Record<string, unknown>) => t.db.collection('settings').doc('inquiry_policy').set({ data: policy })

beforeAll(async () => {
  t = await startInquiryCloud()
  c = inquiryClient(t)
  await setPolicy({ maxOpenPerAsker: 50 })
  await saveProfile(t, A, '张伟')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

const outboxOf = async (inquiryId: string) =>
  (await t.db.collection('outbox').where({ subjectRoot: inquiryId }).limit(100).get()).data.sort((x, y) => x._id.localeCompare(y._id))

describe('asking, the conversation and the reply notification', () => {
  it('when a citizen asks about a matter, staff claim and reply twice, then the citizen sees both replies and one notification is queued per reply', async () => {
    const asked = await c.ask(A)
    expect(asked).toEqual({
      ok: true,
      data: {
        inquiryId: expect.stringMatching(/^iq-[0-9a-f]{20}$/),
        departmentId: 'dept-crj',
        departmentName: '县公安局出入境管理大队',
        state: 'open',
        dueDate: '2026-09-22',
      },
    })
    const id = dataOf(asked).inquiryId

    // 首问负责制: no reply before claiming.
    expect(await c.send(id, '请带身份证。', STAFF)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '请先认领该咨询再回复（首问负责制）' },
    })
    expect(await c.claim(id)).toEqual({
      ok: true,
      data: { inquiryId: id, state: 'claimed', departmentId: 'dept-crj', owner: { staffNo: 'ZW0001', name: '王芳' } },
    })

    const requestId = newRequestId()
    expect(await c.send(id, '不需要户口本，带身份证和旧护照即可。', STAFF, requestId)).toEqual({
      ok: true,
      data: { inquiryId: id, seq: 1, state: 'answered' },
    })
    // A retried reply (same request id) is the same reply: no second message, no second notification.
    expect(await c.send(id, '不需要户口本，带身份证和旧护照即可。', STAFF, requestId)).toEqual({
      ok: true,
      data: { inquiryId: id, seq: 1, state: 'answered' },
    })
    expect(await outboxOf(id)).toEqual([
      expect.objectContaining({
        _id: `inquiry.answered:${id}:1:${A}`,
        event: 'inquiry.answered',
        recipient: A,
        status: 'pending',
        data: { topic: '护照过期了，换发需要带户口本吗？', department: '县公安局出入境管理大队' },
        page: `packages/inquiry/detail/index?id=${id}`,
      }),
    ])

    // A follow-up waits for a reply again, due one working day later; the next reply is notified too.
    setBeijingNow('2026-09-23', '16:00')
    expect(await c.send(id, '旧护照丢了怎么办？', A)).toEqual({ ok: true, data: { inquiryId: id, seq: 2, state: 'claimed' } })
    expect((await c.doc(id)).dueDate).toBe('2026-09-24')
    expect(await c.send(id, '需先办理挂失，再申请补发。', STAFF)).toMatchObject({ ok: true, data: { seq: 3, state: 'answered' } })
    expect((await outboxOf(id)).map((n) => n._id)).toEqual([`inquiry.answered:${id}:1:${A}`, `inquiry.answered:${id}:3:${A}`])

    const view = dataOf(await c.get(id, A))
    expect(view).toMatchObject({
      inquiryId: id,
      question: '护照过期了，换发需要带户口本吗？',
      state: 'answered',
      owner: { staffNo: 'ZW0001', name: '王芳' },
      askerName: '张*',
      allowedActions: ['sendMessage', 'addImage', 'resolve', 'rate'],
      messages: [
        { seq: 1, from: 'staff', staff: { staffNo: 'ZW0001', name: '王芳' }, text: '不需要户口本，带身份证和旧护照即可。' },
        { seq: 2, from: 'asker', text: '旧护照丢了怎么办？' },
        { seq: 3, from: 'staff', text: '需先办理挂失，再申请补发。' },
      ],
    })
    expect(view.due).toBeUndefined()
    expect(dataOf(await c.call({ action: 'myInquiries' }, A)).items.map((x) => x.inquiryId)).toContain(id)

    // The citizen ends it; nobody writes any more.
    expect(await c.call({ action: 'resolve', inquiryId: id }, A)).toEqual({ ok: true, data: { inquiryId: id, state: 'closed' } })
    expect(await c.send(id, '还有一个问题', A)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该咨询已结束' } })
    expect(await c.send(id, '补充说明', STAFF)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await t.db.collection('inquiry_messages').where({ inquiryId: id }).count()).total).toBe(3)
  })

  it('when a question is about no particular matter, then it goes to the centre office', async () => {
    const r = await c.ask(A, { matterId: undefined, question: '大厅周六上午开门吗？' })
    expect(r).toMatchObject({ ok: true, data: { departmentId: 'dept-office', departmentName: '县政务服务中心办公室' } })
  })

  it.each([
    ['an unknown field (openid)', 'INVALID_INPUT', { openid: B }],
    ['a question of 3 characters', 'INVALID_INPUT', { question: '护照？' }],
    ['a malformed matter id', 'INVALID_INPUT', { matterId: 'M PASSPORT' }],
    ['a matter that does not exist', 'NOT_FOUND', { matterId: 'm-no-such-matter' }],
    ['no request id', 'INVALID_INPUT', { requestId: undefined }],
  ])('when a citizen asks with %s, then it is refused with %s and nothing is stored', async (_what, code, over) => {
    const before = (await t.db.collection('inquiries').count()).total
    expect(await c.askRaw(A, over)).toMatchObject({ ok: false, error: { code } })
    expect((await t.db.collection('inquiries').count()).total).toBe(before)
  })

  it('when an account has the most unfinished inquiries the policy allows, then the next question is refused until one ends', async () => {
    await setPolicy({ maxOpenPerAsker: 2 })
    try {
      const first = await c.askOk('o-busy-asker')
      await c.askOk('o-busy-asker')
      expect(await c.ask('o-busy-asker')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
      await c.ok(c.call({ action: 'resolve', inquiryId: first }, 'o-busy-asker'))
      expect(await c.ask('o-busy-asker')).toMatchObject({ ok: true })
    } finally {
      await setPolicy({ maxOpenPerAsker: 50 })
    }
  })
})

describe('the reply deadline', () => {
  it.each([
    ['a Monday morning', '2026-09-21', '09:00', '2026-09-22'],
    ['the eve of National Day', '2026-09-30', '15:00', '2026-10-08'],
    ['a National Day holiday', '2026-10-03', '10:00', '2026-10-08'],
    ['the Friday before the make-up Saturday', '2026-10-09', '16:30', '2026-10-10'],
    ['the day before Mid-Autumn', '2026-09-24', '11:00', '2026-09-28'],
  ])('when a question is asked on %s (%s %s), then the reply is due %s', async (_when, date, time, due) => {
    setBeijingNow(date, time)
    expect(await c.ask(A)).toMatchObject({ ok: true, data: { dueDate: due } })
  })

  it('when the settings give 3 working days, then the due date follows the setting', async () => {
    await setPolicy({ maxOpenPerAsker: 50, replyWorkingDays: 3 })
    try {
      expect(await c.ask(A)).toMatchObject({ ok: true, data: { dueDate: '2026-09-24' } })
    } finally {
      await setPolicy({ maxOpenPerAsker: 50 })
    }
  })

  it('when a question asked on the eve of National Day waits past its due date, then the lead and supervisors see it flagged, once per level', async () => {
    setBeijingNow('2026-09-30', '15:00')
    const id = await c.askOk(A)
    const overdueBox = async (openid: string) => c.call({ action: 'inbox', box: 'overdue' }, openid)
    const sweep = async () => dataOf(await t.trigger('inquiry', 'deadlineSweep'))

    setBeijingNow('2026-10-07', '09:00')
    expect(dataOf(await overdueBox(LEAD)).items.map((x) => x.inquiryId)).not.toContain(id)

    setBeijingNow('2026-10-08', '09:00')
    expect(dataOf(await overdueBox(LEAD)).items.find((x) => x.inquiryId === id)).toMatchObject({
      due: { dueDate: '2026-10-08', level: 'near' },
    })
    expect((await sweep()).flagged).toBeGreaterThanOrEqual(1)
    expect(await sweep()).toMatchObject({ flagged: 0, escalated: 0 })

    setBeijingNow('2026-10-09', '09:00')
    expect(dataOf(await overdueBox(SUPERVISOR)).items.find((x) => x.inquiryId === id)).toMatchObject({
      due: { level: 'overdue' },
      departmentId: 'dept-crj',
    })
    expect(await overdueBox(STAFF)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await sweep()).escalated).toBeGreaterThanOrEqual(1)
    expect(await sweep()).toMatchObject({ flagged: 0, escalated: 0 })
    expect((await c.doc(id)).flags.map((f: { level: string }) => f.level)).toEqual(['near', 'overdue'])
    expect((await t.db.collection('audit').where({ kind: 'inquiry_overdue', inquiryId: id }).count()).total).toBe(1)
    expect(dataOf(await c.get(id, LEAD)).flags).toHaveLength(2)
    expect(dataOf(await c.get(id, A)).flags).toBeUndefined()

    // Once answered it leaves the box.
    await c.ok(c.claim(id))
    await c.ok(c.send(id, '已电话联系您说明。', STAFF))
    expect(dataOf(await overdueBox(LEAD)).items.map((x) => x.inquiryId)).not.toContain(id)
  })

  it('when a reply was saved but its notification was not, then the sweep queues it once', async () => {
    const id = await c.answered(A)
    const msgId = `${id}:0001`
    await t.db.collection('outbox').doc(`inquiry.answered:${id}:1:${A}`).remove()
    await t.db
      .collection('inquiry_messages')
      .doc(msgId)
      .update({ data: { notified: false } })
    setBeijingNow('2026-09-21', '09:05')
    expect(dataOf(await t.trigger('inquiry', 'deadlineSweep')).requeued).toBe(1)
    expect(dataOf(await t.trigger('inquiry', 'deadlineSweep')).requeued).toBe(0)
    expect((await outboxOf(id)).map((n) => n._id)).toEqual([`inquiry.answered:${id}:1:${A}`])
  })
})

describe('rating', () => {
  it.each([
    ['another citizen', 'NOT_FOUND', B, { score: 5 }],
    ['the staff member who answered', 'FORBIDDEN', STAFF, { score: 5 }],
    ['the asker with 0', 'INVALID_INPUT', A, { score: 0 }],
    ['the asker with 6', 'INVALID_INPUT', A, { score: 6 }],
    ['the asker with 3.5', 'INVALID_INPUT', A, { score: 3.5 }],
    ['the asker with "5"', 'INVALID_INPUT', A, { score: '5' }],
  ])('when %s rates, then it is refused (%s)', async (_who, code, openid, input) => {
    const id = await c.answered(A)
    expect(await c.call.raw({ action: 'rate', inquiryId: id, ...input }, openid)).toMatchObject({ ok: false, error: { code } })
    expect((await c.doc(id)).rating).toBeUndefined()
  })

  it('when the asker rates before any reply, then it is refused; after the reply once, then a second rating is refused and the first kept', async () => {
    const id = await c.askOk(A)
    expect(await c.call({ action: 'rate', inquiryId: id, score: 5 }, A)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '工作人员回复后才能评价' },
    })
    await c.ok(c.claim(id))
    await c.ok(c.send(id, '请带身份证原件。', STAFF))
    const both = await Promise.all([
      c.call({ action: 'rate', inquiryId: id, score: 4, comment: '回复很快' }, A),
      c.call({ action: 'rate', inquiryId: id, score: 1 }, A),
    ])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.filter((r) => !r.ok)[0]).toMatchObject({ error: { code: 'CONFLICT', message: '您已评价过该咨询' } })
    const kept = dataOf(await c.get(id, A))
    expect(kept.rating!.score).toBe(both.find((r) => r.ok)!.data.score)
    expect(kept.rated).toBe(true)
    expect(kept.allowedActions).not.toContain('rate')
  })
})

describe('images', () => {
  it('when the asker adds photos, then up to 3 are stored privately and shown through short-lived links to the asker and the department only', async () => {
    const id = await c.askOk(A)
    const add = (bytes: Buffer, contentType: 'image/jpeg' | 'image/png' = 'image/jpeg', openid = A) =>
      c.call({ action: 'addImage', inquiryId: id, contentType, dataBase64: bytes.toString('base64') }, openid)
    expect(await add(jpeg(64, 1))).toMatchObject({ ok: true, data: { contentType: 'image/jpeg', size: 64, count: 1 } })
    expect(await add(jpeg(64, 1))).toMatchObject({ ok: true, data: { count: 1 } })
    expect(await add(png(128), 'image/png')).toMatchObject({ ok: true, data: { contentType: 'image/png', count: 2 } })
    expect(await add(jpeg(200, 3))).toMatchObject({ ok: true, data: { count: 3 } })
    expect(await add(jpeg(200, 4))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '最多添加3张图片' } })
    expect(await add(jpeg(200, 5), 'image/jpeg', B)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await add(jpeg(200, 5), 'image/jpeg', STAFF)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const mine = dataOf(await c.get(id, A)).images
    expect(mine).toHaveLength(3)
    for (const img of mine) {
      const expires = Number(new URL(img.url!).searchParams.get('expires'))
      expect(expires - Date.now()).toBeLessThanOrEqual(600_000)
    }
    expect(dataOf(await c.get(id, STAFF)).images.every((i) => i.url)).toBe(true)
    expect(dataOf(await c.get(id, SUPERVISOR)).images.some((i) => i.url)).toBe(false)
    expect((await c.doc(id)).images[0].fileId).not.toContain(A)
  })

  it.each([
    ['a PDF declared as a PDF', 'contentType', pdf(), 'application/pdf'],
    ['a PDF declared as a JPEG', 'dataBase64', pdf(), 'image/jpeg'],
    ['a PNG declared as a JPEG', 'contentType', png(), 'image/jpeg'],
    ['text that is not an image', 'dataBase64', Buffer.from('GIF89a not an accepted image'), 'image/jpeg'],
    ['a JPEG of 2 MB and 1 byte', 'dataBase64', jpeg(2 * 1024 * 1024 + 1), 'image/jpeg'],
  ])('when the asker sends %s, then it is refused on %s and nothing is stored', async (_what, path, bytes, contentType) => {
    const id = await c.askOk(A)
    const r = await c.call.raw({ action: 'addImage', inquiryId: id, contentType, dataBase64: bytes.toString('base64') }, A)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [expect.objectContaining({ path })] } })
    expect((await c.doc(id)).images).toEqual([])
  })
})

describe('who may call at all', () => {
  it.each([
    ['an anonymous caller asks', 'UNAUTHENTICATED', undefined, { action: 'ask', question: '大厅几点开门？', requestId: 'req-anon-0001' }],
    ['a citizen opens the inbox', 'FORBIDDEN', A, { action: 'inbox', box: 'unclaimed' }],
    ['an admin opens the inbox', 'FORBIDDEN', ADMIN, { action: 'inbox', box: 'unclaimed' }],
    ['a supervisor opens "mine"', 'FORBIDDEN', SUPERVISOR, { action: 'inbox', box: 'mine' }],
    [
      'window staff open another department inbox',
      'FORBIDDEN',
      STAFF_SCJG,
      { action: 'inbox', box: 'unclaimed', departmentId: 'dept-crj' },
    ],
    ['a citizen claims', 'FORBIDDEN', A, { action: 'claim', inquiryId: 'iq-00000000000000000000' }],
  ])('when %s, then it is refused with %s', async (_what, code, openid, event) => {
    expect(await c.call.raw(event, openid)).toMatchObject({ ok: false, error: { code } })
  })
})
