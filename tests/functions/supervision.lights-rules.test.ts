import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { dataOf } from '../support/calls'
import { A, LEAD, STAFF, SUPERVISOR, startSupervisionCloud, supervisionClient } from '../support/supervision'
import { builtInCalendar } from '../../types/domain/working-days'

/**
 * The light rules on real cases: green while time is ample, yellow when at most 1 working day
 * (or 20 %, per matter) is left, red once overdue or when a step is over its own limit; every
 * change audited and told to the right people once.
 */
let t: TestCloud
let s: ReturnType<typeof supervisionClient>
let seq = 1
beforeAll(async () => {
  t = await startSupervisionCloud()
  s = supervisionClient(t)
})
afterAll(async () => {
  clearFakeNow()
  await t.close()
})
afterEach(() => t.db.collection('settings').where({ _id: 'supervision_policy' }).remove())

// A passport (承诺7个工作日) accepted on Monday 2 November 2026 is due on Wednesday 11 November.
const ACCEPTED = '2026-11-02'
const DUE = builtInCalendar.addWorkingDays(ACCEPTED, 7)

async function processing(): Promise<string> {
  setBeijingNow(ACCEPTED, '10:00')
  const id = await s.cases.caseIn('in_process', A, seq++)
  // Processing started the same day: the acceptance step is within its limit.
  return id
}

describe('the light of a case in process', () => {
  it('when more than 1 working day is left, then the case is green and nobody is told', async () => {
    const id = await processing()
    expect(DUE).toBe('2026-11-11')
    setBeijingNow('2026-11-09', '09:00')
    expect(await s.relight()).toMatchObject({ ok: true })
    expect(await s.lightOf(id)).toMatchObject({ light: 'green', open: true, reasons: [], handlerStaffNo: 'ZW0001' })
    expect(await s.lightAudit(id)).toEqual([])
  })

  it('when 1 working day is left, then it turns yellow with its reason, audited, and only the handling staff member is told', async () => {
    const id = await processing()
    setBeijingNow('2026-11-10', '09:00')
    await s.relight()
    const l = await s.lightOf(id)
    expect(l).toMatchObject({
      light: 'yellow',
      reasons: [{ code: 'due_soon', label: '临近办结期限', detail: `承诺办结日期${DUE}，仅剩1个工作日` }],
    })
    expect(l!.yellowSince).toBeDefined()
    expect(await s.lightAudit(id)).toEqual([expect.objectContaining({ from: 'green', to: 'yellow', by: 'job' })])
    expect((await s.lightMessages(STAFF)).filter((m) => m.subjectId.startsWith(id))).toHaveLength(1)
    expect((await s.lightMessages(LEAD)).filter((m) => m.subjectId.startsWith(id))).toHaveLength(0)
  })

  it('when the matter is configured to warn at 50 %, then it turns yellow with 3 working days left', async () => {
    const id = await processing()
    await t.db.collection('settings').add({ data: { _id: 'supervision_policy', matters: { 'm-passport': { yellowShare: 0.5 } } } })
    setBeijingNow('2026-11-06', '09:00')
    await s.relight()
    expect(await s.lightOf(id)).toMatchObject({ light: 'yellow' })
    await t.db.collection('settings').where({ _id: 'supervision_policy' }).remove()
    await s.relight()
    expect(await s.lightOf(id)).toMatchObject({ light: 'green' })
    expect((await s.lightAudit(id)).map((a) => a.to)).toEqual(['yellow', 'green'])
  })

  it('when the promised date has passed, then it is red for 超期办理, and the lead and the supervisors are told too', async () => {
    const id = await processing()
    setBeijingNow('2026-11-12', '09:00')
    await s.relight()
    expect(await s.lightOf(id)).toMatchObject({
      light: 'red',
      reasons: [{ code: 'overdue', label: '超期办理', detail: `承诺办结日期${DUE}，已超期1个工作日仍未办结` }],
    })
    expect(await s.codesOf(id)).toEqual(['overdue'])
    for (const who of [STAFF, LEAD, SUPERVISOR]) {
      const mine = (await s.lightMessages(who)).filter((m) => m.subjectId.startsWith(id))
      expect(mine).toHaveLength(1)
      expect(mine[0].title).toBe('办件红灯：普通护照签发')
    }
    // A supervisor sees it in the red list with its reason.
    const list = dataOf(await s.call({ action: 'lightList', light: 'red' }, SUPERVISOR)).items
    expect(list.find((i) => i.caseId === id)).toMatchObject({ lightLabel: '红灯', departmentName: expect.any(String) })
  })
})

describe('step limits', () => {
  it('when an accepted passport waits 2 working days without processing starting, then the acceptance step is over its 1-day limit and the case is red', async () => {
    setBeijingNow(ACCEPTED, '10:00')
    const id = await s.cases.caseIn('accepted', A, seq++)
    setBeijingNow('2026-11-03', '16:00')
    await s.relight()
    expect(await s.lightOf(id)).toMatchObject({ light: 'green' })
    setBeijingNow('2026-11-04', '09:00')
    await s.relight()
    expect(await s.lightOf(id)).toMatchObject({
      light: 'red',
      reasons: [{ code: 'step_overdue', detail: '受理环节2026-11-02开始，限1个工作日（2026-11-03前）完成，至今未完成' }],
    })
  })

  it('when the step limit is configured longer for the matter, then the same wait is green', async () => {
    await t.db
      .collection('settings')
      .add({ data: { _id: 'supervision_policy', matters: { 'm-passport': { stepLimits: { acceptance: 3 } } } } })
    setBeijingNow(ACCEPTED, '10:00')
    const id = await s.cases.caseIn('accepted', A, seq++)
    setBeijingNow('2026-11-04', '09:00')
    await s.relight()
    expect(await s.lightOf(id)).toMatchObject({ light: 'green' })
  })
})

describe('the light after a step of the case', () => {
  it('when a step moves the case, then its light follows at once, without the job', async () => {
    setBeijingNow(ACCEPTED, '10:00')
    const id = await s.cases.caseIn('in_process', A, seq++)
    await s.cases.ok(s.cases.act(id, 'approve', STAFF, { fee: { amount: 150 } }))
    expect(await s.lightOf(id)).toMatchObject({ light: 'red', reasons: [{ code: 'fee_mismatch' }] })
    expect(await s.lightAudit(id)).toEqual([expect.objectContaining({ from: 'green', to: 'red', by: 'case' })])
  })

  it('when recomputing the light fails, then the failure is logged and the step still stands on the timeline', async () => {
    setBeijingNow(ACCEPTED, '10:00')
    const id = await s.cases.caseIn('pre_review', A, seq++)
    // A light whose pending change cannot be finished (its reasons are not a list): the recompute throws.
    await t.db
      .collection('case_lights')
      .doc(id)
      .update({ data: { pending: { seq: 1, from: 'green', to: 'red', reasons: null, at: new Date(), by: 'job' } } })
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await s.cases.act(id, 'accept', STAFF)).toMatchObject({ ok: true, data: { state: 'accepted' } })
      expect(logged.mock.calls.map((c) => c.map(String).join(' ')).join('\n')).toContain('case.act.relight')
    } finally {
      logged.mockRestore()
    }
    expect(await s.cases.stateOf(id)).toBe('accepted')
    const { data } = await t.db.collection('case_events').where({ caseId: id, action: 'accept' }).get()
    expect(data).toHaveLength(1)
  })
})
