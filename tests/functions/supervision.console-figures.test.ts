import ExcelJS from 'exceljs'
import type { ActionInput } from '../../types/contracts/contract'
import { supervisionContract } from '../../types/contracts/supervision'
import { beijingDate } from '../../types/domain/dates'
import { codeOf, dataOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { A, B, LEAD, STAFF, startDemoCloud, SUPERVISOR, ADMIN } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'
import { ratingClient } from '../support/rating'
import { appointmentCalls } from '../support/appointment'
import { applicant, newRequestId } from '../support/people'

const t = cloudForFile(() => startDemoCloud(['case', 'queue', 'rating', 'appointment', 'supervision']))
const c = kitFor(() => ratingClient(t))
const figures = (input: ActionInput<typeof supervisionContract, 'consoleFigures'>, openid: string) =>
  t.api(supervisionContract)({ action: 'consoleFigures', ...input }, openid)
const exportOf = (input: ActionInput<typeof supervisionContract, 'consoleExport'>, openid: string) =>
  t.api(supervisionContract)({ action: 'consoleExport', ...input }, openid)
let seq = 60
/** A passport case of `openid` decided (准予办结, free of charge) through the real case actions. */
async function finishedCase(openid: string): Promise<string> {
  const id = await c.cases.caseIn('in_process', openid, seq++)
  dataOf(await c.cases.act(id, 'approve', STAFF, { fee: { free: true } }))
  return id
}

const FROM = '2026-11-02'
const TO = '2026-11-03'

interface RawEvent {
  caseId: string
  action: string
  at: Date
}
interface RawCase {
  _id: string
  departmentId: string
  dueDate?: string
  decidedOn?: string
  accepted: boolean
}
interface RawBooking {
  date: string
  status: string
}
interface RawTicket {
  date: string
  status: string
  createdAt: Date
  calledAt?: Date
}

const all = async <T>(collection: string): Promise<T[]> => (await t.db.collection(collection).limit(1000).get()).data as T[]
const fold = () => t.trigger('supervision', 'tick', 'consoleFold')
const counters = async () =>
  (await t.db.collection('supervision_daily').limit(1000).get()).data.sort((a, b) => String(a._id).localeCompare(String(b._id)))

/** The period's figures computed here from the raw records, not from the fold's code. */
async function independent(departmentId?: string) {
  const [events, cases, tickets, bookings] = await Promise.all([
    all<RawEvent>('case_events'),
    all<RawCase>('cases'),
    all<RawTicket>('tickets'),
    all<RawBooking>('bookings'),
  ])
  const booked = bookings.filter((b) => b.date >= FROM && b.date <= TO && b.status !== 'cancelled')
  const dept = new Map(cases.map((k) => [k._id, k.departmentId]))
  const inPeriod = events.filter((e) => {
    const d = beijingDate(new Date(e.at))
    return d >= FROM && d <= TO && (!departmentId || dept.get(e.caseId) === departmentId)
  })
  const count = (...actions: string[]) => inPeriod.filter((e) => actions.includes(e.action)).length
  const supplementedDays = new Set(
    inPeriod.filter((e) => e.action === 'requestSupplement').map((e) => `${e.caseId}|${beijingDate(new Date(e.at))}`),
  )
  const due = cases.filter((k) => k.accepted && k.dueDate && k.dueDate >= FROM && k.dueDate <= TO)
  const dayTickets = tickets.filter((k) => k.date >= FROM && k.date <= TO)
  const waits = dayTickets
    .filter((k) => k.calledAt)
    .map((k) => (new Date(k.calledAt!).getTime() - new Date(k.createdAt).getTime()) / 60_000)
  return {
    received: count('submit'),
    accepted: count('accept'),
    finished: count('approve', 'reject', 'completeImmediately'),
    approved: count('approve', 'completeImmediately'),
    rejected: count('reject'),
    supplemented: supplementedDays.size,
    due: due.filter((k) => k.decidedOn || k.dueDate! < '2026-11-03').length,
    // Every ticket here is a passport ticket, at a window of dept-crj.
    tickets: departmentId && departmentId !== 'dept-crj' ? 0 : dayTickets.length,
    served: departmentId && departmentId !== 'dept-crj' ? 0 : dayTickets.filter((k) => k.status === 'done').length,
    // Every booking here is a passport booking of dept-crj too.
    bookings: departmentId && departmentId !== 'dept-crj' ? 0 : booked.length,
    noShows: departmentId && departmentId !== 'dept-crj' ? 0 : booked.filter((b) => b.status === 'no_show').length,
    waitAverage: Math.round((waits.reduce((s, w) => s + w, 0) / waits.length) * 10) / 10,
  }
}

describe('the supervision console: figures from folded counters', () => {
  it('when cases, bookings, tickets and ratings happen over two days and the fold runs, then the console equals the figures counted from the raw records', async () => {
    setBeijingNow(FROM, '09:30')
    const done1 = await finishedCase(A)
    await c.cases.caseIn('submitted', B, seq++)
    await c.cases.caseIn('accepted', A, seq++)
    // Two appointments for tomorrow and one cancelled: the cancelled one is not an appointment.
    const booking = appointmentCalls(() => t)
    const slots = await booking.slotsOn(TO)
    const bookIt = async (openid: string, i: number) =>
      dataOf(
        await booking.appointment(
          { action: 'book', slotId: slots[i].slotId, matterId: 'm-passport', requestId: newRequestId(), ...applicant(80 + i) },
          openid,
        ),
      ).bookingId
    await bookIt(A, 0)
    await bookIt(B, 1)
    dataOf(await booking.appointment({ action: 'cancel', bookingId: await bookIt('o-console-c', 2) }, 'o-console-c'))
    setBeijingNow(FROM, '10:00')
    await c.servedTicket(A)
    await c.servedTicket(B)
    await dataOf(await c.rate(A, 'case', done1, { level: 'very_dissatisfied', tags: ['超过承诺时限未办结'], text: '等了很久才办好' }))
    setBeijingNow(TO, '09:40')
    await finishedCase(B)
    await c.cases.caseIn('pre_review', A, seq++)
    setBeijingNow(TO, '10:30')
    expect(await fold()).toMatchObject({ ok: true })

    const r = dataOf(await figures({ period: 'range', from: FROM, to: TO }, SUPERVISOR))
    const want = await independent()
    expect(r.total).toMatchObject(want)
    expect(r.total).toMatchObject({ received: 5, finished: 2, ratings: 1, bad: 1, tickets: 2, served: 2, bookings: 2, noShows: 0 })
    expect(r.trend).toEqual([
      { day: FROM, received: 3, finished: 1 },
      { day: TO, received: 2, finished: 1 },
    ])
    expect(r.departments.map((d) => d.departmentId)).toContain('dept-crj')
    expect(r.waitByHour.map((h) => h.hour)).toEqual([10])
    expect(r.matters).toEqual([expect.objectContaining({ matterId: 'm-passport', finished: 2 })])
    // 今日 reads only today's counters.
    const today = dataOf(await figures({ period: 'today' }, ADMIN))
    expect(today).toMatchObject({ from: TO, to: TO, total: { received: 2, finished: 1, tickets: 0 } })
  })

  it('when the fold runs again, or from no watermark at all, then the counters are the same', async () => {
    const before = await counters()
    expect(before.length).toBeGreaterThan(0)
    expect(await fold()).toMatchObject({ ok: true })
    expect(await counters()).toEqual(before)
    await t.db.collection('supervision_fold').doc('watermarks').remove()
    expect(await fold()).toMatchObject({ ok: true })
    expect(await counters()).toEqual(before)
  })

  it('when a run is cut off after one document, then the next run finishes the job and counts nothing twice', async () => {
    setBeijingNow(TO, '11:00')
    await finishedCase(A)
    await c.cases.caseIn('submitted', B, seq++)
    setBeijingNow(TO, '11:05')
    process.env.LOCAL_FOLD_CRASH_AFTER = '1'
    try {
      expect(await fold()).toMatchObject({ ok: false })
    } finally {
      delete process.env.LOCAL_FOLD_CRASH_AFTER
    }
    expect(await fold()).toMatchObject({ ok: true })
    expect(await fold()).toMatchObject({ ok: true })
    const r = dataOf(await figures({ period: 'range', from: FROM, to: TO }, SUPERVISOR))
    expect(r.total).toMatchObject(await independent())
    expect(r.total.received).toBe(7)
  })

  it('when the month is over, then its figures are read from its roll-up and equal those of its days', async () => {
    // Nobody came to the two appointments: the evening sweep records them as 爽约.
    setBeijingNow(TO, '18:00')
    expect(await t.trigger('appointment', 'tick', 'noShowSweep')).toMatchObject({ ok: true })
    expect(await fold()).toMatchObject({ ok: true })
    const days = dataOf(await figures({ period: 'month', date: FROM }, SUPERVISOR))
    expect(days.total).toMatchObject({ bookings: 2, noShows: 2 })
    expect(days.total).toMatchObject(await independent())
    setBeijingNow('2026-12-02', '10:00')
    expect(await fold()).toMatchObject({ ok: true })
    expect((await t.db.collection('supervision_monthly').where({ month: '2026-11' }).count()).total).toBeGreaterThan(0)
    const month = dataOf(await figures({ period: 'month', date: FROM }, SUPERVISOR))
    // The flows are the same; the promised dates later in November have now passed and count.
    const dueFigures = ['due', 'dueOnTime', 'completionRate', 'overdue'] as const
    const flows = (f: typeof month.total) =>
      Object.fromEntries(Object.entries(f).filter(([k]) => !(dueFigures as readonly string[]).includes(k)))
    expect(flows(month.total)).toEqual(flows(days.total))
    expect(month.trend.filter((d) => d.received + d.finished > 0)).toEqual(days.trend.filter((d) => d.received + d.finished > 0))
    const cases = (await all<RawCase>('cases')).filter((k) => k.accepted && k.dueDate?.startsWith('2026-11'))
    const onTime = cases.filter((k) => k.decidedOn && k.decidedOn <= k.dueDate!).length
    expect(month.total).toMatchObject({ due: cases.length, dueOnTime: onTime, overdue: cases.length - onTime })
    expect(onTime).toBeGreaterThan(0)
    setBeijingNow(TO, '11:10')
  })

  it('when a department lead asks, then only their department is answered; another department, window staff and citizens are refused', async () => {
    const lead = dataOf(await figures({ period: 'range', from: FROM, to: TO }, LEAD))
    expect(lead.departmentId).toBe('dept-crj')
    expect(lead.departments.map((d) => d.departmentId)).toEqual(['dept-crj'])
    expect(lead.total).toMatchObject(await independent('dept-crj'))
    expect(codeOf(await figures({ period: 'today', departmentId: 'dept-scjg' }, LEAD))).toBe('FORBIDDEN')
    expect(codeOf(await figures({ period: 'today' }, STAFF))).toBe('FORBIDDEN')
    expect(codeOf(await figures({ period: 'today' }, A))).toBe('FORBIDDEN')
    expect(codeOf(await exportOf({ kind: 'monthly' }, A))).toBe('FORBIDDEN')
    expect(
      codeOf(await t.api(supervisionContract).raw({ action: 'consoleFigures', period: 'range', from: TO, to: FROM }, SUPERVISOR)),
    ).toBe('INVALID_INPUT')
    expect(codeOf(await figures({ period: 'range', from: '2024-11-01', to: TO }, SUPERVISOR))).toBe('INVALID_INPUT')
    expect(codeOf(await figures({ period: 'day', date: '2026-12-25' }, SUPERVISOR))).toBe('INVALID_INPUT')
  })

  it('when the supervisor exports the month, then a valid .xlsx with the provincial headings and the department row is linked', async () => {
    const r = dataOf(await exportOf({ kind: 'monthly', month: '2026-11' }, SUPERVISOR))
    const res = await fetch(r.url)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.worksheets[0]
    const header = (ws.getRow(3).values as unknown[]).slice(1)
    expect(header).toEqual(
      expect.arrayContaining([
        '纳入监督事项数',
        '受理数',
        '办结数',
        '其中准予',
        '其中不予',
        '办结率',
        '超期件数',
        '差评数',
        '整改率',
        '投诉件数',
      ]),
    )
    const rows = Array.from({ length: ws.rowCount - 3 }, (_, i) => (ws.getRow(i + 4).values as unknown[]).slice(1))
    const crj = rows.find((row) => row[0] === '县公安局出入境管理大队')
    expect(crj?.[header.indexOf('办结数')]).toBe(3)
    expect(rows[rows.length - 1][0]).toBe('合计')
    // A lead's export is their own department's only.
    const lead = dataOf(await exportOf({ kind: 'lights' }, LEAD))
    expect(lead.fileName).toContain('dept-crj')
  })
})
