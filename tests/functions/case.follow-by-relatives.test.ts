import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { A, B, caseClient, PASSPORT_FEE, profile, STAFF, startCaseCloud } from '../support/case'
import { codeOf, dataOf } from '../support/calls'

/** 张建国, the father of demo-citizen-a (张伟), in the local personas. */
const FATHER = 'demo-relative'

let t: TestCloud
let c: ReturnType<typeof caseClient>

beforeAll(async () => {
  setBeijingNow('2026-09-21', '09:00')
  t = await startCaseCloud()
  c = caseClient(t)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

const invite = (target: { caseId: string } | { all: true }, owner = A) => c.call({ action: 'createFollowInvite', ...target }, owner)
const accept = (code: string, openid: string, nickname?: string) =>
  c.call({ action: 'acceptFollowInvite', code, ...(nickname ? { nickname } : {}) }, openid)
const followed = (caseId: string, openid = FATHER) => c.call({ action: 'followedCase', caseId }, openid)
const outboxFor = async (recipient: string, caseId: string) =>
  (await t.db.collection('outbox').where({ recipient }).limit(1000).get()).data.filter((n) => n.subjectId.startsWith(caseId))
const auditOf = async (where: object) => (await t.db.collection('audit').where(where).limit(100).get()).data
const notFound = { ok: false, error: { code: 'NOT_FOUND', message: '未找到该办件' } }

/** A case shared with the father: its id, the code and his binding. */
async function sharedCase(state: string, seq: number) {
  const caseId = await c.caseIn(state, A, seq)
  const inv = await c.ok(invite({ caseId }))
  const bound = await c.ok(accept(inv.code, FATHER, '爸爸'))
  return { caseId, code: inv.code as string, followerId: bound.followerId as string }
}

describe('the grant: a one-time invitation', () => {
  it('when the son shares his passport case, then the invitation carries a 24-hour code and a share card', async () => {
    const caseId = await c.caseIn('submitted', A, 101)
    const r = await invite({ caseId })
    expect(r).toMatchObject({
      ok: true,
      data: {
        code: expect.stringMatching(/^[A-HJKMNP-Z2-9]{8}$/),
        scope: 'case',
        caseId,
        expiresAt: '2026-09-22T01:00:00.000Z',
        share: { title: '请帮我关注办件进度：普通护照签发' },
      },
    })
    const { share, code } = dataOf(r)
    expect(share.path).toBe(`packages/case/follow/index?code=${code}`)
    // The store keeps only a hash of the code.
    expect(JSON.stringify((await t.db.collection('follow_invitations').limit(1000).get()).data)).not.toContain(code)
    expect(await auditOf({ kind: 'follow_invited', caseId })).toEqual([expect.objectContaining({ scope: 'case', ownerOpenid: A })])
  })

  it.each([
    ['neither a case nor all', {}],
    ['both a case and all', { caseId: 'cs-00000000000000000000', all: true }],
    ['an openid of someone else', { all: true, openid: B }],
  ])('when the invitation names %s, then it is refused as invalid input', async (_n, body) => {
    expect(await c.call.raw({ action: 'createFollowInvite', ...body }, A)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('when someone shares a case that is not theirs, or a draft, then it is refused', async () => {
    const draft = await c.readyDraft(A, 102)
    expect(await invite({ caseId: draft }, B)).toEqual(notFound)
    expect(await invite({ caseId: draft })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '申请提交后才能分享给家人' } })
  })

  it('when the father accepts, then he is bound once, the son sees him, and the audit has the acceptance', async () => {
    const caseId = await c.caseIn('submitted', A, 103)
    const { code } = await c.ok(invite({ caseId }))
    const r = await accept(code, FATHER, '爸爸')
    expect(r).toEqual({ ok: true, data: { followerId: expect.stringMatching(/^cf-/), scope: 'case', caseId, applicantName: '张*' } })
    // Opening his own accepted invitation again answers the same binding.
    expect(await accept(code, FATHER)).toEqual(r)
    const list = await c.call({ action: 'listFollowers', caseId }, A)
    expect(list).toEqual({
      ok: true,
      data: {
        followers: [
          {
            followerId: dataOf(r).followerId,
            scope: 'case',
            caseId,
            caseNo: expect.any(String),
            matterName: '普通护照签发',
            nickname: '爸爸',
            since: '2026-09-21T01:00:00.000Z',
          },
        ],
      },
    })
    expect(await auditOf({ kind: 'follow_accepted', caseId })).toEqual([
      expect.objectContaining({ followerOpenid: FATHER, followerId: dataOf(r).followerId, ownerOpenid: A }),
    ])
    // Nobody else sees the son's followers.
    expect(dataOf(await c.call({ action: 'listFollowers', caseId }, B)).followers).toEqual([])
  })

  it('when a used code is opened by someone else, then it is refused and binds nobody', async () => {
    const caseId = await c.caseIn('submitted', A, 104)
    const { code } = await c.ok(invite({ caseId }))
    await c.ok(accept(code, FATHER))
    expect(await accept(code, B)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该邀请已被使用，请让家人重新分享' } })
    expect(await followed(caseId, B)).toEqual(notFound)
  })

  it('when the code is older than 24 hours, then it is refused as expired', async () => {
    const caseId = await c.caseIn('submitted', A, 105)
    const { code } = await c.ok(invite({ caseId }))
    setBeijingNow('2026-09-22', '09:00')
    expect(await accept(code, FATHER)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '邀请已过期（24小时内有效），请让家人重新分享' },
    })
    expect(await followed(caseId)).toEqual(notFound)
  })

  it('when the applicant opens their own invitation, or a code does not exist, then nothing is bound', async () => {
    const caseId = await c.caseIn('submitted', A, 106)
    const { code } = await c.ok(invite({ caseId }))
    expect(await accept(code, A)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '这是您自己的办件，无需关注' } })
    expect(await accept('ABCD EFGH', FATHER)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '邀请码不正确或已失效，请让家人重新分享' },
    })
    // A code of another shape is refused before any lookup: 0 and O are never in a code.
    expect(codeOf(await accept('0000 0000', FATHER))).toBe('INVALID_INPUT')
    // The refused self-acceptance did not use the code up.
    expect(await accept(code, FATHER)).toMatchObject({ ok: true })
  })

  it('when a stranger guesses codes, then after 10 misses in an hour only the stranger is stopped, and the real relative, typing his code in lower case with a space, is bound', async () => {
    const caseId = await c.caseIn('submitted', A, 108)
    const { code } = await c.ok(invite({ caseId }))
    const guesses = []
    for (const ch of 'ABCDEFGHJKMNPQ') guesses.push(await accept(`GUES${ch}AAA`, 'o-guesser'))
    expect(guesses.filter((r) => codeOf(r) === 'NOT_FOUND')).toHaveLength(10)
    expect(guesses.filter((r) => codeOf(r) === 'RATE_LIMITED')).toHaveLength(4)
    // Even the right code is refused to the guesser now: the budget is spent before the code is read.
    expect(codeOf(await accept(code, 'o-guesser'))).toBe('RATE_LIMITED')
    expect(await accept(`${code.slice(0, 4)} ${code.slice(4)}`.toLowerCase(), FATHER)).toMatchObject({ ok: true })
  })

  it('when eight relatives accept one code at the same moment, then exactly one is bound', async () => {
    const caseId = await c.caseIn('submitted', A, 107)
    const { code } = await c.ok(invite({ caseId }))
    const racers = [FATHER, B, ...Array.from({ length: 6 }, (_, i) => `relative-race-${i}`)]
    const results = await Promise.all(racers.map((o) => accept(code, o)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(
      results.filter((r) => !r.ok).every((r) => r.error.code === 'CONFLICT' && r.error.message === '该邀请已被使用，请让家人重新分享'),
    ).toBe(true)
    expect((await t.db.collection('case_followers').where({ caseId, active: true }).count()).total).toBe(1)
    const winner = racers[results.findIndex((r) => r.ok)]
    expect(dataOf(await c.call({ action: 'listFollowers', caseId }, A)).followers).toHaveLength(1)
    expect(await followed(caseId, winner)).toMatchObject({ ok: true })
  })
})

describe('following: what the father reads', () => {
  it('when the case is in process, then he sees its stage, steps and due date, but no personal data, materials or internal steps', async () => {
    const caseId = await c.caseIn('accepted', A, 111)
    await c.ok(c.act(caseId, 'startProcessing', STAFF, { note: '内部：核查出入境记录', internal: true }))
    const { code } = await c.ok(invite({ caseId }))
    await c.ok(accept(code, FATHER))
    const r = await followed(caseId)
    expect(r).toMatchObject({
      ok: true,
      data: {
        caseId,
        matterName: '普通护照签发',
        state: 'in_process',
        stateLabel: '办理中',
        applicantName: '张*',
        deadline: { dueDate: expect.any(String), overdue: false, paused: false },
      },
    })
    expect(dataOf(r).timeline.map((e) => e.action)).toEqual([
      'submit',
      'startPreReview',
      'requestSupplement',
      'resubmit',
      'startPreReview',
      'accept',
    ])
    const text = JSON.stringify(r)
    for (const secret of [
      '张伟',
      profile(111).idNumber,
      '13912345678',
      '山西省运城市绛县古绛镇1号',
      '核查出入境记录',
      '身份证照片不清晰',
      'materials',
      'fileName',
      'form',
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(Object.keys(dataOf(r)).sort()).toEqual([
      'applicantName',
      'caseId',
      'caseNo',
      'deadline',
      'deadlineChanges',
      'matterName',
      'state',
      'stateLabel',
      'submittedAt',
      'timeline',
      'updatedAt',
    ])
    // The followed-cases list shows it too; a stranger gets the same answer as for a missing case.
    expect(dataOf(await c.call({ action: 'followedCases' }, FATHER)).cases.map((x) => x.caseId)).toContain(caseId)
    expect(await followed(caseId, B)).toEqual(notFound)
    expect(await followed('cs-00000000000000000000', FATHER)).toEqual(notFound)
  })

  it('when the passport is ready, then he sees where to collect it but not the pickup code', async () => {
    const { caseId } = await sharedCase('ready_for_pickup', 112)
    const code = dataOf(await c.getCase(caseId, A)).result!.pickup!.code!
    const r = await followed(caseId)
    expect(dataOf(r)).toMatchObject({
      state: 'ready_for_pickup',
      pickup: { windowNumber: 23, windowName: expect.any(String), location: expect.any(String) },
    })
    expect(JSON.stringify(r)).not.toContain(code)
    expect(dataOf(await c.call({ action: 'followedCases' }, FATHER)).cases.find((x) => x.caseId === caseId)).toMatchObject({
      readyForPickup: true,
      applicantName: '张*',
    })
  })

  it('when the son shares all his cases, then the father follows each submitted one, including one submitted later, but no drafts', async () => {
    const SON = 'demo-son-all'
    const first = await c.caseIn('submitted', SON, 113)
    const draft = await c.readyDraft(SON, 114)
    const inv = await c.ok(invite({ all: true }, SON))
    expect(inv).toMatchObject({ scope: 'all', share: { title: '请帮我关注我的办件进度' } })
    await c.ok(accept(inv.code, FATHER))
    const later = await c.caseIn('pre_review', SON, 115)
    const mine = dataOf(await c.call({ action: 'followedCases' }, FATHER)).cases.map((x) => x.caseId)
    expect(mine).toEqual(expect.arrayContaining([first, later]))
    expect(mine).not.toContain(draft)
    expect(await followed(draft)).toEqual(notFound)
    await c.ok(c.act(later, 'accept', STAFF))
    expect((await outboxFor(FATHER, later)).map((n) => n.event)).toEqual(['case.accepted'])
  })
})

describe('pushes and revocation', () => {
  it('when a bound father follows the case, then each notifying step is queued for him under his own OPENID', async () => {
    const { caseId } = await sharedCase('pre_review', 121)
    await c.ok(c.act(caseId, 'accept', STAFF))
    await c.ok(c.act(caseId, 'startProcessing', STAFF))
    await c.ok(c.act(caseId, 'approve', STAFF, { fee: PASSPORT_FEE }))
    await c.ok(c.act(caseId, 'readyForPickup', STAFF))
    const his = await outboxFor(FATHER, caseId)
    const sons = await outboxFor(A, caseId)
    expect(his.map((n) => n.event).sort()).toEqual(['case.accepted', 'case.approved', 'case.ready_for_pickup'])
    expect(sons.map((n) => n.event).sort()).toEqual(his.map((n) => n.event).sort())
    for (const n of his) {
      expect(n).toMatchObject({
        recipient: FATHER,
        status: 'pending',
        page: `packages/case/followed/index?id=${caseId}`,
        _id: `${n.event}:${caseId}:${FATHER}`,
      })
      expect(n.data).toEqual(sons.find((s) => s.event === n.event)!.data)
    }
  })

  it('when a relative is bound twice (one case and all cases), then he is queued once per event', async () => {
    const caseId = await c.caseIn('pre_review', A, 122)
    await c.ok(accept((await c.ok(invite({ caseId }))).code, FATHER))
    await c.ok(accept((await c.ok(invite({ all: true }))).code, FATHER))
    await c.ok(c.act(caseId, 'accept', STAFF))
    expect(await outboxFor(FATHER, caseId)).toHaveLength(1)
    const all = dataOf(await c.call({ action: 'listFollowers' }, A)).followers.find((f) => f.scope === 'all')
    await c.ok(c.call({ action: 'revokeFollower', followerId: all!.followerId }, A))
  })

  it('when the son revokes, then the father sees nothing and receives nothing further, and the audit has the revocation', async () => {
    const { caseId, followerId } = await sharedCase('in_process', 123)
    await c.ok(c.act(caseId, 'requestSupplement', STAFF, { items: [{ material: 0, problem: '请重新上传' }] }))
    expect((await outboxFor(FATHER, caseId)).map((n) => n.event)).toEqual(['case.supplement_requested'])

    // Only the son may revoke his follower.
    expect(await c.call({ action: 'revokeFollower', followerId }, B)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未找到该关注' },
    })
    expect(await c.call({ action: 'revokeFollower', followerId }, A)).toEqual({ ok: true, data: { followerId, revoked: true } })
    expect(await c.call({ action: 'revokeFollower', followerId }, A)).toEqual({ ok: true, data: { followerId, revoked: true } })

    expect(await followed(caseId)).toEqual(notFound)
    expect(dataOf(await c.call({ action: 'followedCases' }, FATHER)).cases.map((x) => x.caseId)).not.toContain(caseId)
    expect(dataOf(await c.call({ action: 'listFollowers', caseId }, A)).followers).toEqual([])

    // The supplement's resubmission, acceptance of the rest: the son is told, the father is not.
    await c.ok(c.upload(caseId, 0, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 9)])))
    await c.ok(c.act(caseId, 'resubmit', A))
    await c.ok(c.act(caseId, 'startProcessing', STAFF))
    await c.ok(c.act(caseId, 'approve', STAFF, { fee: PASSPORT_FEE }))
    expect((await outboxFor(A, caseId)).map((n) => n.event)).toContain('case.approved')
    expect((await outboxFor(FATHER, caseId)).map((n) => n.event)).toEqual(['case.supplement_requested'])
    expect(await auditOf({ kind: 'follow_revoked', caseId })).toEqual([
      expect.objectContaining({ followerId, followerOpenid: FATHER, ownerOpenid: A }),
    ])

    // A new invitation binds him again.
    await c.ok(accept((await c.ok(invite({ caseId }))).code, FATHER))
    expect(await followed(caseId)).toMatchObject({ ok: true, data: { state: 'approved' } })
  })
})

describe('the existing case flow is untouched', () => {
  it('when nobody follows a case, then a transition queues only the applicant', async () => {
    const caseId = await c.caseIn('pre_review', B, 130)
    await c.ok(c.act(caseId, 'accept', STAFF))
    const queued = (await t.db.collection('outbox').limit(1000).get()).data.filter((n) => n.subjectRoot === caseId)
    expect(queued.map((n) => [n.event, n.recipient])).toEqual([['case.accepted', B]])
  })
})
