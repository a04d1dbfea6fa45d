import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import {
  A,
  addStaff,
  ADMIN,
  B,
  FOOD_LICENCE,
  inquiryClient,
  LEAD,
  STAFF,
  STAFF_SCJG,
  startInquiryCloud,
  SUPERVISOR,
} from '../support/inquiry'
import { dataOf } from '../support/calls'

let t: TestCloud
let c: ReturnType<typeof inquiryClient>
let racers: string[]
/** A second window clerk of dept-crj (generated, so looked up). */
let colleague: { openid: string; staffNo: string }

beforeAll(async () => {
  t = await startInquiryCloud()
  c = inquiryClient(t)
  await t.db
    .collection('settings')
    .doc('inquiry_policy')
    .set({ data: { maxOpenPerAsker: 50 } })
  racers = await addStaff(t, 'dept-crj', 8, 'RC')
  colleague = { openid: racers[0], staffNo: 'RC001' }
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-22', '10:00'))

const transfer = (inquiryId: string, openid: string, over: Record<string, unknown>) =>
  c.call({ action: 'transfer', inquiryId, reason: '该问题属于户籍业务', ...over }, openid)
const reassign = (inquiryId: string, openid: string, toStaffNo: string) =>
  c.call({ action: 'reassign', inquiryId, toStaffNo, reason: '原负责人本周休假' }, openid)

describe('首问负责制: claiming', () => {
  it('when 10 staff of the department claim the same inquiry at once, then exactly one owns it', async () => {
    const id = await c.askOk(A)
    const claimers = [STAFF, LEAD, ...racers]
    expect(claimers).toHaveLength(10)
    const results = await Promise.all(claimers.map((o) => c.claim(id, o)))
    const won = results.filter((r) => r.ok)
    expect(won).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => r.error.code === 'CONFLICT' && r.error.message.startsWith('该咨询已由'))).toBe(true)
    const doc = await c.doc(id)
    expect(doc.ownerStaffNo).toBe(won[0].data.owner!.staffNo)
    expect(doc.history.filter((h: { kind: string }) => h.kind === 'claimed')).toHaveLength(1)
    expect(doc.state).toBe('claimed')
  })

  it.each([
    ['window staff of another department', 'NOT_FOUND', STAFF_SCJG],
    ['a supervisor', 'FORBIDDEN', SUPERVISOR],
    ['the asker', 'FORBIDDEN', A],
  ])('when %s claims, then it is refused (%s) and nobody owns it', async (_who, code, openid) => {
    const id = await c.askOk(A)
    expect(await c.claim(id, openid)).toMatchObject({ ok: false, error: { code } })
    expect((await c.doc(id)).ownerStaffNo).toBe('')
  })

  it('when the inbox is opened, then unclaimed shows the department waiting list and mine what the caller owns', async () => {
    const id = await c.askOk(A)
    const box = async (openid: string, name: 'unclaimed' | 'mine' | 'overdue') =>
      dataOf(await c.call({ action: 'inbox', box: name }, openid)).items.map((x) => x.inquiryId)
    expect(await box(STAFF, 'unclaimed')).toContain(id)
    expect(await box(STAFF_SCJG, 'unclaimed')).not.toContain(id)
    expect(await box(SUPERVISOR, 'unclaimed')).toContain(id)
    await c.ok(c.claim(id))
    expect(await box(STAFF, 'unclaimed')).not.toContain(id)
    expect(await box(STAFF, 'mine')).toContain(id)
    expect(await box(colleague.openid, 'mine')).not.toContain(id)
  })
})

describe('transfer by the owner', () => {
  it('when the owner transfers to another department with a reason, then it waits there unclaimed, the reason is recorded for staff and the first department loses sight of it', async () => {
    const id = await c.askOk(A)
    await c.ok(c.claim(id))
    const dueBefore = (await c.doc(id)).dueDate
    expect(await transfer(id, STAFF, { toDepartmentId: 'dept-hj' })).toEqual({
      ok: true,
      data: { inquiryId: id, state: 'open', departmentId: 'dept-hj' },
    })
    const doc = await c.doc(id)
    expect(doc).toMatchObject({
      departmentId: 'dept-hj',
      departmentName: '县公安局户政管理大队',
      ownerStaffNo: '',
      state: 'open',
      dueDate: dueBefore,
    })
    expect(doc.history.at(-1)).toMatchObject({
      kind: 'transferred',
      staffNo: 'ZW0001',
      departmentId: 'dept-crj',
      toDepartmentId: 'dept-hj',
      reason: '该问题属于户籍业务',
    })
    expect(await c.get(id, STAFF)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const asker = dataOf(await c.get(id, A))
    expect(asker.departmentName).toBe('县公安局户政管理大队')
    expect(asker.history.at(-1)).toMatchObject({ kind: 'transferred', toDepartmentId: 'dept-hj' })
    expect(asker.history.at(-1)!.reason).toBeUndefined()
    expect(dataOf(await c.get(id, SUPERVISOR)).history.at(-1)!.reason).toBe('该问题属于户籍业务')
  })

  it('when the owner transfers to a colleague of the department, then the colleague owns it and may reply', async () => {
    const id = await c.askOk(A)
    await c.ok(c.claim(id))
    expect(await transfer(id, STAFF, { toStaffNo: colleague.staffNo })).toMatchObject({
      ok: true,
      data: { state: 'claimed', owner: { staffNo: 'RC001' } },
    })
    expect(await c.send(id, '您好，我来答复。', STAFF)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await c.send(id, '您好，我来答复。', colleague.openid)).toMatchObject({ ok: true })
  })

  it.each([
    ['no reason', 'INVALID_INPUT', STAFF, { reason: undefined, toDepartmentId: 'dept-hj' }],
    ['a reason of 2 characters', 'INVALID_INPUT', STAFF, { reason: '转交', toDepartmentId: 'dept-hj' }],
    ['both a department and a colleague', 'INVALID_INPUT', STAFF, { toDepartmentId: 'dept-hj', toStaffNo: 'RC002' }],
    ['neither a department nor a colleague', 'INVALID_INPUT', STAFF, {}],
    ['its own department', 'INVALID_INPUT', STAFF, { toDepartmentId: 'dept-crj' }],
    ['an unknown department', 'INVALID_INPUT', STAFF, { toDepartmentId: 'dept-nowhere' }],
    ['a person of another department', 'INVALID_INPUT', STAFF, { toStaffNo: 'ZW0002' }],
    ['themselves', 'INVALID_INPUT', STAFF, { toStaffNo: 'ZW0001' }],
    ['a department lead who is not the owner', 'FORBIDDEN', LEAD, { toDepartmentId: 'dept-hj' }],
    ['a colleague who is not the owner', 'FORBIDDEN', 'o-rc002', { toDepartmentId: 'dept-hj' }],
    ['staff of another department', 'NOT_FOUND', STAFF_SCJG, { toDepartmentId: 'dept-hj' }],
    ['the asker', 'FORBIDDEN', A, { toDepartmentId: 'dept-hj' }],
  ])('when the transfer names %s, then it is refused (%s) and nothing changes', async (_what, code, openid, over) => {
    const id = await c.askOk(A)
    await c.ok(c.claim(id))
    const before = await c.doc(id)
    expect(await transfer(id, openid, over)).toMatchObject({ ok: false, error: { code } })
    expect(await c.doc(id)).toEqual(before)
  })

  it('when nobody has claimed it yet, then department staff cannot transfer it (claim first)', async () => {
    const id = await c.askOk(A)
    expect(await transfer(id, STAFF, { toDepartmentId: 'dept-hj' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('reassignment by a lead or a supervisor', () => {
  it('when the department lead reassigns to a clerk of the department, then that clerk owns it and the reason is recorded', async () => {
    const id = await c.askOk(A)
    await c.ok(c.claim(id))
    expect(await reassign(id, LEAD, colleague.staffNo)).toEqual({
      ok: true,
      data: { inquiryId: id, state: 'claimed', departmentId: 'dept-crj', owner: { staffNo: 'RC001', name: '测试1号' } },
    })
    expect((await c.doc(id)).history.at(-1)).toMatchObject({
      kind: 'reassigned',
      staffNo: 'ZW0003',
      toStaffNo: 'RC001',
      reason: '原负责人本周休假',
    })
  })

  it('when the lead reassigns an unclaimed inquiry, then it is owned without a claim', async () => {
    const id = await c.askOk(A)
    expect(await reassign(id, LEAD, 'ZW0001')).toMatchObject({ ok: true, data: { state: 'claimed', owner: { staffNo: 'ZW0001' } } })
  })

  it('when a supervisor reassigns to a clerk of another department, then the inquiry moves to that department', async () => {
    const id = await c.askOk(A)
    await c.ok(c.claim(id))
    expect(await reassign(id, SUPERVISOR, 'ZW0002')).toMatchObject({
      ok: true,
      data: { departmentId: 'dept-scjg', owner: { staffNo: 'ZW0002', name: '赵磊' } },
    })
    expect(await c.get(id, STAFF_SCJG)).toMatchObject({ ok: true, data: { departmentName: '县市场监督管理局' } })
    expect(await c.get(id, STAFF)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it.each([
    ['the lead names a clerk of another department', 'INVALID_INPUT', LEAD, 'ZW0002'],
    ['the lead names an unknown staff number', 'INVALID_INPUT', LEAD, 'ZZ9999'],
    ['the lead names a supervisor', 'INVALID_INPUT', LEAD, 'ZW0004'],
    ['the lead names the current owner', 'CONFLICT', LEAD, 'ZW0001'],
    ['window staff try it', 'FORBIDDEN', STAFF, 'RC001'],
    ['an admin tries it', 'FORBIDDEN', ADMIN, 'RC001'],
  ])('when %s, then the reassignment is refused (%s) and nothing changes', async (_what, code, openid, toStaffNo) => {
    const id = await c.askOk(A)
    await c.ok(c.claim(id))
    const before = await c.doc(id)
    expect(await reassign(id, openid, toStaffNo)).toMatchObject({ ok: false, error: { code } })
    expect(await c.doc(id)).toEqual(before)
  })

  it('when the lead of one department tries to reassign another department inquiry, then it is not found', async () => {
    const id = await c.askOk(A, { matterId: FOOD_LICENCE })
    expect(await reassign(id, LEAD, 'ZW0001')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('when the inquiry is closed, then it can no longer be reassigned or transferred', async () => {
    const id = await c.answered(A)
    expect(await c.call({ action: 'close', inquiryId: id, reason: '已电话答复完毕' }, LEAD)).toEqual({
      ok: true,
      data: { inquiryId: id, state: 'closed' },
    })
    expect(await reassign(id, LEAD, 'RC001')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该咨询已结束' } })
    expect(await transfer(id, STAFF, { toDepartmentId: 'dept-hj' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('who sees an inquiry', () => {
  let id: string
  beforeAll(async () => {
    setBeijingNow('2026-09-22', '10:00')
    id = await c.answered(A)
  })

  it.each([
    ['the asker', A, true],
    ['another citizen', B, false],
    ['window staff of the department', STAFF, true],
    ['the department lead', LEAD, true],
    ['window staff of another department', STAFF_SCJG, false],
    ['a supervisor', SUPERVISOR, true],
    ['an admin', ADMIN, false],
  ])('when %s opens it, then it is shown: %s', async (_who, openid, shown) => {
    const r = await c.get(id, openid)
    if (shown) expect(r).toMatchObject({ ok: true, data: { inquiryId: id } })
    else expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '未找到该咨询' } })
  })

  it.each([
    ['another citizen writes', B, { action: 'sendMessage', text: '我也想问', requestId: 'req-other-0001' }],
    ['another citizen resolves', B, { action: 'resolve' }],
    ['staff of another department write', STAFF_SCJG, { action: 'sendMessage', text: '您好', requestId: 'req-other-0002' }],
    ['staff of another department publish it', STAFF_SCJG, { action: 'publishFaq' }],
  ])('when %s, then it is not found and nothing changes', async (_what, openid, event) => {
    const before = await c.doc(id)
    expect(await c.call.raw({ ...event, inquiryId: id }, openid)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.doc(id)).toEqual(before)
  })

  it('when citizens list their inquiries, then each sees only their own', async () => {
    const theirs = await c.askOk(B)
    const list = async (openid: string) => dataOf(await c.call({ action: 'myInquiries' }, openid)).items.map((x) => x.inquiryId)
    expect(await list(A)).toContain(id)
    expect(await list(A)).not.toContain(theirs)
    expect(await list(B)).toEqual([theirs])
  })
})
