import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { A, LEAD, PASSPORT_FEE, STAFF, startSupervisionCloud, supervisionClient } from '../support/supervision'

/**
 * Each violation detector on a case built to trigger it, beside a case that must not: the
 * violation is written once with a reason in plain Chinese, attributed to the staff member whose
 * step it was, and turns the light red.
 */
let t: TestCloud
let s: ReturnType<typeof supervisionClient>
let seq = 100
beforeAll(async () => {
  t = await startSupervisionCloud()
  s = supervisionClient(t)
  // A colleague of 出入境 who sits at 3号窗口 (签注及领取), which does not handle passports.
  await t.db.collection('staff').add({
    data: {
      _id: 'staff-zw9001',
      openid: 'demo-staff-zw9001',
      staffNo: 'ZW9001',
      name: '周敏',
      role: 'window_staff',
      departmentId: 'dept-crj',
      windowIds: ['win-03'],
      active: true,
    },
  })
})
afterAll(async () => {
  clearFakeNow()
  await t.close()
})
beforeEach(() => setBeijingNow('2026-11-02', '10:00'))

const only = async (caseId: string) => (await s.violationsOf(caseId)).map((v) => ({ code: v.code, detail: v.detail, staffNo: v.staffNo }))

describe('违规受理', () => {
  it('when a passport is accepted by staff of a window that does not handle it, then 非本事项窗口受理 is found', async () => {
    const id = await s.cases.caseIn('pre_review', A, seq++)
    await s.cases.ok(s.cases.act(id, 'accept', 'demo-staff-zw9001'))
    expect(await only(id)).toEqual([{ code: 'accepted_wrong_window', detail: '在3号窗口受理，该窗口不办理此事项', staffNo: 'ZW9001' }])
    expect(await s.lightOf(id)).toMatchObject({ light: 'red' })
  })

  it('when the lead accepts naming 3号窗口, then it is found too; at 1号窗口 it is not', async () => {
    const wrong = await s.cases.caseIn('pre_review', A, seq++)
    await s.cases.ok(s.cases.act(wrong, 'accept', LEAD, { windowId: 'win-03' }))
    expect(await s.codesOf(wrong)).toEqual(['accepted_wrong_window'])
    const right = await s.cases.caseIn('pre_review', A, seq++)
    await s.cases.ok(s.cases.act(right, 'accept', LEAD, { windowId: 'win-01' }))
    expect(await s.codesOf(right)).toEqual([])
  })

  it('when staff name a window they do not serve, then the acceptance is refused', async () => {
    const id = await s.cases.caseIn('pre_review', A, seq++)
    expect(codeOf(await s.cases.act(id, 'accept', STAFF, { windowId: 'win-03' }))).toBe('FORBIDDEN')
    expect(await s.cases.stateOf(id)).toBe('pre_review')
  })

  it('when a required material has no file at acceptance, then 材料不全受理 names it; a complete case has none', async () => {
    const id = await s.cases.caseIn('pre_review', A, seq++)
    await t.db
      .collection('cases')
      .doc(id)
      .update({ data: { 'materials.0.files': [] } })
    await s.cases.ok(s.cases.act(id, 'accept', STAFF))
    expect(await only(id)).toEqual([
      { code: 'accepted_missing_material', detail: '受理时缺少必需材料：申请人居民身份证', staffNo: 'ZW0001' },
    ])
    const whole = await s.cases.caseIn('accepted', A, seq++)
    expect(await s.codesOf(whole)).toEqual([])
    expect(await s.lightOf(whole)).toMatchObject({ light: 'green' })
  })
})

describe('流程错误', () => {
  it('when 补正 is asked a second time, then 多次补正 is found against whoever asked it; one request is not', async () => {
    const once = await s.cases.caseIn('resubmitted', A, seq++)
    await s.cases.ok(s.cases.act(once, 'startPreReview', STAFF))
    expect(await s.codesOf(once)).toEqual([])
    await s.cases.ok(s.cases.act(once, 'requestSupplement', LEAD, { items: [{ material: 0, problem: '照片反光' }] }))
    expect(await only(once)).toEqual([
      { code: 'repeated_supplement', detail: '补正告知2次（第2次在2026-11-02），未一次性告知', staffNo: 'ZW0003' },
    ])
  })

  it('when a case is refused with a reason naming no ground, then 不予办理未说明理由 is found; a reasoned refusal is not', async () => {
    const bare = await s.cases.caseIn('in_process', A, seq++)
    await s.cases.ok(s.cases.act(bare, 'reject', LEAD, { reason: '不符合条件' }))
    expect(await only(bare)).toEqual([
      { code: 'refusal_without_reason', detail: '不予办理的理由仅5个字，未写明理由和依据', staffNo: 'ZW0003' },
    ])
    const reasoned = await s.cases.caseIn('in_process', A, seq++)
    await s.cases.ok(s.cases.act(reasoned, 'reject', LEAD, { reason: '申请人属于《护照法》第十三条规定不予签发的情形' }))
    expect(await s.codesOf(reasoned)).toEqual([])
    // The refusal's reason is on its timeline entry.
    const { data } = await t.db.collection('case_events').where({ caseId: reasoned, action: 'reject' }).get()
    expect(data[0]).toMatchObject({ reason: '申请人属于《护照法》第十三条规定不予签发的情形' })
  })

  it('when a case went back a stage without a word, then 无理由退回 is found; the same move with a note is not', async () => {
    const bare = await s.cases.caseIn('in_process', A, seq++)
    const noted = await s.cases.caseIn('in_process', A, seq++)
    // Neither move is in the state table: a data fix in the console, which supervision must still see.
    for (const [caseId, note] of [
      [bare, undefined],
      [noted, '受理信息录入错误，退回重新预审'],
    ] as const) {
      await t.db.collection('case_events').add({
        data: {
          _id: `${caseId}:0099`,
          caseId,
          seq: 99,
          action: 'startPreReview',
          from: 'in_process',
          to: 'pre_review',
          actor: { role: 'window_staff', staffNo: 'ZW0001' },
          at: new Date('2026-11-02T03:00:00Z'),
          internal: true,
          ...(note ? { note } : {}),
        },
      })
    }
    await s.relight()
    expect(await only(bare)).toEqual([
      { code: 'moved_back_without_reason', detail: '2026-11-02由「办理中」退回「预审中」，未写明理由', staffNo: 'ZW0001' },
    ])
    expect(await s.codesOf(noted)).toEqual([])
  })
})

describe('违规收费', () => {
  it('when finishing without a fee, then 办结 is refused and nothing moves', async () => {
    const id = await s.cases.caseIn('in_process', A, seq++)
    const r = await s.cases.act(id, 'approve', STAFF)
    expect(codeOf(r)).toBe('INVALID_INPUT')
    expect(await s.cases.stateOf(id)).toBe('in_process')
  })

  it('when the fee charged differs from the standard, then 收费与标准不符 says both; the standard fee is not flagged', async () => {
    const over = await s.cases.caseIn('in_process', A, seq++)
    await s.cases.ok(s.cases.act(over, 'approve', STAFF, { fee: { amount: 150 } }))
    expect(await only(over)).toEqual([
      {
        code: 'fee_mismatch',
        detail: '收费标准120元（普通护照每本120元（首次申请、换发、补发同价）），办结时记录150元',
        staffNo: 'ZW0001',
      },
    ])
    expect(await s.lightOf(over)).toMatchObject({ light: 'red' })
    const exact = await s.cases.caseIn('in_process', A, seq++)
    await s.cases.ok(s.cases.act(exact, 'approve', STAFF, { fee: PASSPORT_FEE }))
    expect(await s.codesOf(exact)).toEqual([])
    const { data } = await t.db.collection('cases').where({ _id: exact }).get()
    expect(data[0]).toMatchObject({ fee: { charged: { amount: 120 }, standard: { free: false, amount: 120 }, staffNo: 'ZW0001' } })
  })

  it('when a passport is recorded as free, then that differs from its 120 yuan standard too', async () => {
    const id = await s.cases.caseIn('in_process', A, seq++)
    await s.cases.ok(s.cases.act(id, 'approve', STAFF, { fee: { free: true } }))
    expect((await only(id))[0]).toMatchObject({ code: 'fee_mismatch', detail: expect.stringContaining('办结时记录免费') })
  })
})

describe('a violation once found', () => {
  it('when the case and the job recompute it again, then it is still one record', async () => {
    const id = await s.cases.caseIn('in_process', A, seq++)
    await s.cases.ok(s.cases.act(id, 'approve', STAFF, { fee: { amount: 150 } }))
    await s.relight()
    await s.relight()
    expect(await s.codesOf(id)).toEqual(['fee_mismatch'])
    expect(dataOf(await s.call({ action: 'caseLight', caseId: id }, LEAD)).violations).toHaveLength(1)
  })
})
