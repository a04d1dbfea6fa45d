import { setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { newRequestId } from '../support/people'
import { pageLink, ROUTES } from '../../types/routes'
import { A, complaintClient, LEAD, STAFF_SCJG, startComplaintCloud, SUPERVISOR } from '../support/complaint'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startComplaintCloud())
const c = kitFor(() => complaintClient(t))

/** The notices to the complainant (the department's staff are told of a transfer too). */
const outboxOf = async (complaintId: string) =>
  (await t.db.collection('outbox').where({ subjectRoot: complaintId, recipient: A }).limit(100).get()).data
    .map((d) => String(d.event))
    .sort()

describe('the complaint lifecycle', () => {
  it('when a real-name complaint about a window is submitted, transferred, answered and resolved, the complainant sees each stage, each notice opens its tracking page, and the answer is rated once', async () => {
    setBeijingNow('2026-09-21', '09:00')
    const sent = dataOf(await c.submit(A, { about: { kind: 'window', windowId: 'win-01' } }))
    expect(sent).toEqual({ trackingNo: expect.stringMatching(/^TS[A-Z2-9]{11}$/), state: 'submitted', decideDue: expect.any(String) })
    expect(sent.password).toBeUndefined()
    const id = await c.idOf(sent.trackingNo)

    const decided = dataOf(
      await c.call(
        { action: 'decide', complaintId: id, decision: 'transfer', departmentId: 'dept-crj', note: '请核实窗口服务情况' },
        SUPERVISOR,
      ),
    )
    expect(decided).toMatchObject({ state: 'transferred', departmentId: 'dept-crj', resolveDue: expect.any(String) })

    // Another department's staff cannot list or answer it.
    expect(dataOf(await c.call({ action: 'departmentList' }, STAFF_SCJG)).items.map((i) => i.complaintId)).not.toContain(id)
    expect(codeOf(await c.call({ action: 'reply', complaintId: id, text: '已核实，已对窗口人员批评教育。' }, STAFF_SCJG))).toBe('NOT_FOUND')

    expect(dataOf(await c.call({ action: 'departmentList' }, LEAD)).items.map((i) => i.complaintId)).toContain(id)
    dataOf(await c.call({ action: 'reply', complaintId: id, text: '已核实，已对窗口人员批评教育。' }, LEAD))
    expect(codeOf(await c.call({ action: 'reply', complaintId: id, text: '再答复一次可以吗？' }, LEAD))).toBe('CONFLICT')

    expect(codeOf(await c.call({ action: 'rateAnswer', trackingNo: sent.trackingNo, rating: 'satisfied' }, A))).toBe('CONFLICT')
    dataOf(await c.call({ action: 'resolve', complaintId: id, reply: '经核实情况属实，已责令整改。' }, SUPERVISOR))

    const seen = dataOf(await c.call({ action: 'track', trackingNo: sent.trackingNo }, A))
    expect(seen).toMatchObject({
      state: 'resolved',
      departmentName: expect.any(String),
      departmentReply: { text: '已核实，已对窗口人员批评教育。' },
      officeReply: { text: '经核实情况属实，已责令整改。' },
      canRate: true,
    })
    // The office's internal note and the replier's staff number are not in the complainant's timeline.
    expect(JSON.stringify(seen)).not.toContain('请核实窗口服务情况')
    expect(JSON.stringify(seen)).not.toContain('ZW000')

    expect(dataOf(await c.call({ action: 'rateAnswer', trackingNo: sent.trackingNo, rating: 'basic', comment: '还行' }, A))).toEqual({
      trackingNo: sent.trackingNo,
      rating: 'basic',
    })
    expect(codeOf(await c.call({ action: 'rateAnswer', trackingNo: sent.trackingNo, rating: 'unsatisfied' }, A))).toBe('CONFLICT')
    expect(dataOf(await c.call({ action: 'mine' }, A)).items.find((i) => i.trackingNo === sent.trackingNo)?.rating?.rating).toBe('basic')

    expect(await outboxOf(id)).toEqual(['complaint.resolved', 'complaint.transferred'])
    // Each notice opens 投诉查询 on this complaint's number.
    const pages = (await t.db.collection('outbox').where({ subjectRoot: id, recipient: A }).limit(10).get()).data.map((d) => String(d.page))
    expect(pages).toEqual([
      pageLink(ROUTES.complaintTrack, { no: sent.trackingNo }),
      pageLink(ROUTES.complaintTrack, { no: sent.trackingNo }),
    ])
  })

  it('when the office refuses a complaint, a reason is required, the state is final and the complainant is told the reason', async () => {
    setBeijingNow('2026-09-21', '10:00')
    const sent = dataOf(await c.submit(A, { about: { kind: 'centre' } }))
    const id = await c.idOf(sent.trackingNo)
    expect(codeOf(await c.call.raw({ action: 'decide', complaintId: id, decision: 'notAccept' }, SUPERVISOR))).toBe('INVALID_INPUT')
    dataOf(await c.call({ action: 'decide', complaintId: id, decision: 'notAccept', reason: '不属于本中心受理范围' }, SUPERVISOR))
    expect(codeOf(await c.call({ action: 'decide', complaintId: id, decision: 'accept' }, SUPERVISOR))).toBe('CONFLICT')
    expect(dataOf(await c.call({ action: 'track', trackingNo: sent.trackingNo }, A))).toMatchObject({
      state: 'not_accepted',
      notAcceptReason: '不属于本中心受理范围',
    })
    expect(await outboxOf(id)).toEqual(['complaint.not_accepted'])
  })

  it('when citizens or department staff call the office actions, they are refused', async () => {
    expect(codeOf(await c.call({ action: 'inbox' }, A))).toBe('FORBIDDEN')
    expect(codeOf(await c.call({ action: 'inbox' }, LEAD))).toBe('FORBIDDEN')
    expect(codeOf(await c.call({ action: 'departmentList' }, SUPERVISOR))).toBe('FORBIDDEN')
    expect(codeOf(await c.call({ action: 'departmentList' }, A))).toBe('FORBIDDEN')
  })

  it('when the input is bad, it answers INVALID_INPUT and writes nothing; a double submit with one requestId makes one complaint', async () => {
    const before = (await t.db.collection('complaints').count()).total
    expect(codeOf(await c.submit(A, { text: '太差' }))).toBe('INVALID_INPUT')
    expect(codeOf(await c.submit(A, { about: { kind: 'case' } }))).toBe('INVALID_INPUT')
    expect(codeOf(await c.submit(A, { anonymous: true, contactPhone: '13912345678' }))).toBe('INVALID_INPUT')
    expect(codeOf(await c.submit(A, { about: { kind: 'window', windowId: 'win-99' } }))).toBe('INVALID_INPUT')
    expect((await t.db.collection('complaints').count()).total).toBe(before)

    const requestId = newRequestId()
    const [x, y] = await Promise.all([c.submit(A, { requestId }), c.submit(A, { requestId })])
    expect(dataOf(x).trackingNo).toBe(dataOf(y).trackingNo)
    expect((await t.db.collection('complaints').count()).total).toBe(before + 1)
  })
})

describe('deadlines in working days', () => {
  it('when a complaint is submitted before a weekend and 国庆, the decision is due 5 working days later and the reply 10 working days after acceptance', async () => {
    // Friday 2026-09-18: Mon 21 … Fri 25 (the 5th working day; the calendar's 中秋 days are skipped).
    setBeijingNow('2026-09-18', '16:00')
    const cal = (await import('../../types/domain/working-days')).builtInCalendar
    const sent = dataOf(await c.submit(A))
    expect(sent.decideDue).toBe(cal.addWorkingDays('2026-09-18', 5))
    expect(sent.decideDue > '2026-09-18').toBe(true)
    const id = await c.idOf(sent.trackingNo)

    // Accepted on Wednesday 2026-09-30, just before the National Day break: 10 working days skip it.
    setBeijingNow('2026-09-30', '09:00')
    const accepted = dataOf(await c.call({ action: 'decide', complaintId: id, decision: 'accept' }, SUPERVISOR))
    const due = cal.addWorkingDays('2026-09-30', 10)
    expect(accepted.resolveDue).toBe(due)
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'])
      expect(cal.isWorkingDay(d)).toBe(false)
    expect(due >= '2026-10-14').toBe(true)

    // Day 10 itself is in time; the next day it is overdue in the office's box.
    setBeijingNow(due, '17:00')
    expect(dataOf(await c.call({ action: 'inbox', overdue: true }, SUPERVISOR)).items.map((i) => i.complaintId)).not.toContain(id)
    const after = new Date(new Date(`${due}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10)
    setBeijingNow(after, '09:00')
    const overdue = dataOf(await c.call({ action: 'inbox', overdue: true }, SUPERVISOR)).items.find((i) => i.complaintId === id)
    expect(overdue).toMatchObject({ overdue: true, state: 'accepted' })
  })
})
