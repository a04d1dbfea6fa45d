import { staff } from '../../local/seed/staff'
import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { A, ADMIN, LEAD, STAFF, STAFF_SCJG, SUPERVISOR, startSupervisionCloud, supervisionClient } from '../support/supervision'

/**
 * Who sees which lights (the office and the director everything, a lead their department, window
 * staff the cases they handle, citizens nothing), and the false-alarm appeal: the department
 * appeals with a reason, the office upholds or dismisses, both audited, a dismissal relights.
 */
let t: TestCloud
let s: ReturnType<typeof supervisionClient>
let red: string
let scjgRed: string
/** The lead of 市场监管 (a generated account of the demo centre). */
const SCJG_LEAD = staff.find((x) => x.role === 'dept_lead' && x.departmentId === 'dept-scjg')!.openid
beforeAll(async () => {
  t = await startSupervisionCloud()
  s = supervisionClient(t)
  setBeijingNow('2026-11-02', '10:00')
  red = await s.cases.caseIn('in_process', A, 1)
  await s.cases.ok(s.cases.act(red, 'approve', STAFF, { fee: { amount: 150 } }))
  // A red case of another department (市场监管, handled by 赵磊), made by hand from a passport case.
  scjgRed = await s.cases.caseIn('in_process', A, 2)
  await t.db
    .collection('cases')
    .doc(scjgRed)
    .update({ data: { departmentId: 'dept-scjg', departments: ['dept-scjg'] } })
  await t.db
    .collection('case_events')
    .where({ caseId: scjgRed, 'actor.role': 'window_staff' })
    .update({ data: { actor: { role: 'window_staff', staffNo: 'ZW0002' } } })
  await t.db.collection('violations').add({
    data: {
      _id: `${scjgRed}:fee_mismatch`,
      caseId: scjgRed,
      caseNo: 'X',
      matterName: '普通护照签发',
      departmentId: 'dept-scjg',
      code: 'fee_mismatch',
      category: '违规收费',
      detail: '测试',
      staffNo: 'ZW0002',
      detectedAt: new Date(),
      status: 'open',
    },
  })
  await s.relight()
})
afterAll(async () => {
  clearFakeNow()
  await t.close()
})

const ids = (items: Array<{ caseId: string }>) => items.map((i) => i.caseId).sort()

describe('who sees the lights', () => {
  it('when the supervisor and the director list red cases, then they see every department', async () => {
    for (const who of [SUPERVISOR, ADMIN])
      expect(ids(dataOf(await s.call({ action: 'lightList', light: 'red' }, who)).items)).toEqual([red, scjgRed].sort())
    expect(ids(dataOf(await s.call({ action: 'lightList', departmentId: 'dept-scjg' }, SUPERVISOR)).items)).toEqual([scjgRed])
  })

  it('when a department lead lists, then only their department, and asking for another is refused', async () => {
    expect(ids(dataOf(await s.call({ action: 'lightList' }, LEAD)).items)).toEqual([red])
    expect(ids(dataOf(await s.call({ action: 'lightList' }, SCJG_LEAD)).items)).toEqual([scjgRed])
    expect(codeOf(await s.call({ action: 'lightList', departmentId: 'dept-scjg' }, LEAD))).toBe('FORBIDDEN')
    expect(dataOf(await s.call({ action: 'violationList' }, LEAD)).items.map((v) => v.departmentId)).toEqual(['dept-crj'])
    expect(codeOf(await s.call({ action: 'caseLight', caseId: scjgRed }, LEAD))).toBe('NOT_FOUND')
  })

  it('when window staff list, then only the cases they handle and the violations of their own steps', async () => {
    expect(ids(dataOf(await s.call({ action: 'lightList' }, STAFF)).items)).toEqual([red])
    expect(ids(dataOf(await s.call({ action: 'lightList' }, STAFF_SCJG)).items)).toEqual([scjgRed])
    expect(dataOf(await s.call({ action: 'violationList' }, STAFF)).items.map((v) => v.staffNo)).toEqual(['ZW0001'])
    expect(codeOf(await s.call({ action: 'caseLight', caseId: red }, STAFF_SCJG))).toBe('NOT_FOUND')
  })

  it('when a citizen asks, then every lights action is refused', async () => {
    expect(codeOf(await s.call({ action: 'lightList' }, A))).toBe('FORBIDDEN')
    expect(codeOf(await s.call({ action: 'violationList' }, A))).toBe('FORBIDDEN')
    expect(codeOf(await s.call({ action: 'caseLight', caseId: red }, A))).toBe('FORBIDDEN')
  })

  it('when filtered by category, then only that category', async () => {
    const fees = dataOf(await s.call({ action: 'violationList', category: '违规收费' }, SUPERVISOR)).items
    expect(fees.length).toBe(2)
    expect(dataOf(await s.call({ action: 'violationList', category: '违规受理' }, SUPERVISOR)).items).toEqual([])
  })
})

describe('the false-alarm appeal', () => {
  const violationId = () => `${red}:fee_mismatch`

  it('when a citizen, another department or the supervisor appeals, then it is refused', async () => {
    expect(codeOf(await s.call({ action: 'appealViolation', violationId: violationId(), reason: '两本护照，各120元' }, A))).toBe(
      'FORBIDDEN',
    )
    expect(codeOf(await s.call({ action: 'appealViolation', violationId: violationId(), reason: '两本护照，各120元' }, STAFF_SCJG))).toBe(
      'NOT_FOUND',
    )
    expect(codeOf(await s.call({ action: 'appealViolation', violationId: violationId(), reason: '两本护照，各120元' }, SUPERVISOR))).toBe(
      'FORBIDDEN',
    )
  })

  it('when the handler appeals with a reason, then it is 申诉中, audited, and cannot be appealed twice', async () => {
    expect(dataOf(await s.call({ action: 'caseLight', caseId: red }, STAFF)).violations[0]).toMatchObject({
      canAppeal: true,
      canDecide: false,
    })
    const v = dataOf(
      await s.call({ action: 'appealViolation', violationId: violationId(), reason: '误录金额，实收120元，有缴费票据' }, STAFF),
    )
    expect(v).toMatchObject({
      status: 'appealed',
      statusLabel: '申诉中',
      appeal: { reason: '误录金额，实收120元，有缴费票据', by: { staffNo: 'ZW0001' } },
    })
    expect(codeOf(await s.call({ action: 'appealViolation', violationId: violationId(), reason: '再次申诉一下' }, LEAD))).toBe('CONFLICT')
    const { data } = await t.db.collection('audit').where({ kind: 'violation_appeal', violationId: violationId() }).get()
    expect(data).toHaveLength(1)
    // Still red while the appeal waits.
    expect(await s.lightOf(red)).toMatchObject({ light: 'red' })
  })

  it('when a lead tries to decide, then it is refused; when the supervisor dismisses it, then it stops counting and the case turns green', async () => {
    expect(codeOf(await s.call({ action: 'decideAppeal', violationId: violationId(), decision: 'dismissed', note: '同意' }, LEAD))).toBe(
      'FORBIDDEN',
    )
    expect(dataOf(await s.call({ action: 'caseLight', caseId: red }, SUPERVISOR)).violations[0]).toMatchObject({ canDecide: true })
    const v = dataOf(
      await s.call(
        { action: 'decideAppeal', violationId: violationId(), decision: 'dismissed', note: '核对票据，实收120元，系录入错误' },
        SUPERVISOR,
      ),
    )
    expect(v).toMatchObject({ status: 'dismissed', appeal: { decision: 'dismissed', decidedBy: { staffNo: 'ZW0004' } } })
    expect(await s.lightOf(red)).toMatchObject({ light: 'green', reasons: [] })
    expect((await s.lightAudit(red)).map((a) => `${a.from}>${a.to}:${a.by}`)).toEqual(['green>red:case', 'red>green:appeal'])
    const { data } = await t.db.collection('audit').where({ kind: 'violation_decision', violationId: violationId() }).get()
    expect(data).toEqual([expect.objectContaining({ decision: 'dismissed', staffNo: 'ZW0004' })])
    expect(codeOf(await s.call({ action: 'decideAppeal', violationId: violationId(), decision: 'upheld', note: '改判' }, SUPERVISOR))).toBe(
      'CONFLICT',
    )
  })

  it('when the supervisor upholds an appeal, then the violation stands and the case stays red', async () => {
    const id = `${scjgRed}:fee_mismatch`
    await s.cases.ok(s.call({ action: 'appealViolation', violationId: id, reason: '部门认为收费无误' }, SCJG_LEAD))
    const v = dataOf(await s.call({ action: 'decideAppeal', violationId: id, decision: 'upheld', note: '无缴费凭证，维持' }, SUPERVISOR))
    expect(v).toMatchObject({ status: 'upheld', statusLabel: '申诉未采纳' })
    await s.relight()
    expect(await s.lightOf(scjgRed)).toMatchObject({ light: 'red' })
  })
})
