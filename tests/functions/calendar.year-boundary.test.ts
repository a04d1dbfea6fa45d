/**
 * Across New Year into a year the State Council has not announced (2027 as of 2026-12-01): every
 * action that counts working days keeps working on the provisional calendar and says so, from
 * December 2026 into January 2027, with the real clock of the functions moved day by day.
 */
import type { TestCloud } from '../support/cloud'
import { dataOf } from '../support/calls'
import { appointmentContract, calendarContract, inquiryContract, notifyContract } from '../../types/contracts'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { startDemoCloud } from '../support/demo'
import { newRequestId } from '../support/people'
import { builtInCalendar } from '../../types/domain/working-days'
import { A, ADMIN, caseClient, jpeg, PASSPORT, profile, STAFF } from '../support/case'
import { addStaff } from '../support/inquiry'

const FATHER = 'demo-relative'
const WORK_INJURY = 'm-work-injury'

let t: TestCloud
let c: ReturnType<typeof caseClient>
let sbStaff: string

beforeAll(async () => {
  setBeijingNow('2026-12-01', '09:00')
  t = await startDemoCloud(['case', 'inquiry', 'appointment', 'calendar', 'notify'])
  c = caseClient(t)
  ;[sbStaff] = await addStaff(t, 'dept-sb', 1, 'SB')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

async function workInjuryCase(seq: number): Promise<string> {
  const draft = await c.ok(
    c.call({ action: 'createDraft', matterId: WORK_INJURY, applicant: profile(seq), form: {}, requestId: newRequestId() }, A),
  )
  for (const i of [0, 1, 2]) await c.ok(c.upload(draft.caseId, i, jpeg(64, seq + i), A))
  await c.ok(c.act(draft.caseId, 'submit', A))
  await c.ok(c.act(draft.caseId, 'startPreReview', sbStaff))
  return draft.caseId
}

describe('working days across New Year into a provisional year', () => {
  let injury: string
  let passport: string

  it('when a 30-working-day case is accepted on 2026-12-01, then it is due 2027-01-13 (元旦 off, weekends off) and marked provisional', async () => {
    injury = await workInjuryCase(71)
    expect(await c.act(injury, 'accept', sbStaff)).toMatchObject({ ok: true, data: { state: 'accepted' } })
    const { deadline } = dataOf(await c.getCase(injury, A))
    expect(deadline).toMatchObject({ acceptedOn: '2026-12-01', limitDays: 30, dueDate: '2027-01-13', provisional: true, overdue: false })
    expect(deadline!.dueDate).toBe(builtInCalendar.addWorkingDays('2026-12-01', 30))
    // The applicant does not see the legal date; the department's staff do (工伤认定: 60 working days).
    expect(deadline!.legalDueDate).toBeUndefined()
    expect(dataOf(await c.getCase(injury, sbStaff)).deadline!.legalDueDate).toBe(builtInCalendar.addWorkingDays('2026-12-01', 60))
  })

  it('when a passport case pauses for a supplement from 12-28 to 01-05, then the pause across the year moves the due date by its working days', async () => {
    setBeijingNow('2026-12-21', '10:00')
    passport = await c.caseIn('accepted', A, 72)
    expect(dataOf(await c.getCase(passport, A)).deadline).toMatchObject({ dueDate: '2026-12-30', provisional: false })
    setBeijingNow('2026-12-28', '10:00')
    await c.ok(c.act(passport, 'startProcessing', STAFF))
    await c.ok(c.act(passport, 'requestSupplement', STAFF, { items: [{ material: 0, problem: '照片不清晰' }] }))
    setBeijingNow('2027-01-05', '10:00')
    // While it waits, every read still answers, and the date runs on as the pause grows.
    const waiting = dataOf(await c.getCase(passport, A)).deadline
    expect(waiting).toMatchObject({ paused: true, provisional: true })
    await c.ok(c.upload(passport, 0, jpeg(80, 3), A))
    await c.ok(c.act(passport, 'resubmit', A))
    // Paused working days (12-28, 01-05]: 12-29, 12-30, 12-31, 01-04, 01-05 = 5 → 7 + 5 working days after 12-21.
    expect(dataOf(await c.getCase(passport, A)).deadline).toMatchObject({
      dueDate: builtInCalendar.addWorkingDays('2026-12-21', 12),
      paused: false,
      provisional: true,
    })
    expect(builtInCalendar.addWorkingDays('2026-12-21', 12)).toBe('2027-01-07')
  })

  it('when the lists are read in January 2027, then myCases, worklist, the follower and the lookup all answer with provisional dates', async () => {
    setBeijingNow('2027-01-06', '09:00')
    const mine = await c.ok(c.call({ action: 'myCases' }, A))
    expect(mine.cases.find((x) => x.caseId === injury)).toMatchObject({ dueDate: '2027-01-13', dueProvisional: true })
    const worklist = await c.ok(c.call({ action: 'worklist' }, STAFF))
    expect(worklist.items.find((x) => x.caseId === passport)).toMatchObject({ dueDate: '2027-01-07', dueProvisional: true })
    const due = await c.ok(c.call({ action: 'worklist', due: 'soon' }, STAFF))
    expect(due.items.map((x) => x.caseId)).toContain(passport)

    const invite = await c.ok(c.call({ action: 'createFollowInvite', all: true }, A))
    await c.ok(c.call({ action: 'acceptFollowInvite', code: invite.code }, FATHER))
    const followed = await c.ok(c.call({ action: 'followedCases' }, FATHER))
    expect(followed.cases.find((x) => x.caseId === injury)).toMatchObject({ dueDate: '2027-01-13', dueProvisional: true })
    expect((await c.ok(c.call({ action: 'followedCase', caseId: injury }, FATHER))).deadline).toMatchObject({
      dueDate: '2027-01-13',
      provisional: true,
    })

    const view = dataOf(await c.getCase(injury, A))
    const found = await c.call(
      { action: 'lookup', caseNo: view.caseNo, queryCode: view.queryCode!, name: '张伟', idLast4: profile(71).idNumber.slice(-4) },
      'o-visitor-1',
    )
    expect(found).toMatchObject({ ok: true, data: { dueDate: '2027-01-13', dueProvisional: true } })
  })

  it('when a question is asked on New Year’s Eve, then its reply is due on the first working day of 2027', async () => {
    setBeijingNow('2026-12-31', '16:00')
    const r = await t.api(inquiryContract)(
      { action: 'ask', matterId: PASSPORT, question: '护照过期了，换发需要带户口本吗？', requestId: newRequestId() },
      A,
    )
    expect(r).toMatchObject({ ok: true, data: { dueDate: '2027-01-04' } })
  })

  it('when the booking calendar is opened on 2026-12-28, then it runs its 10 working days into 2027, skipping 元旦, and marks the 2027 days', async () => {
    setBeijingNow('2026-12-28', '08:00')
    const r = await t.api(appointmentContract)({ action: 'listDays', matterId: PASSPORT }, A)
    expect(r.ok).toBe(true)
    const { days } = dataOf(r)
    const dates = days.map((d) => d.date)
    expect(dates[0]).toBe('2026-12-28')
    expect(dates).not.toContain('2027-01-01')
    expect(dates.at(-1)).toBe(builtInCalendar.addWorkingDays('2026-12-28', 10))
    expect(days.filter((d) => d.date >= '2027-01-01').every((d) => d.provisional === true)).toBe(true)
    expect(days.filter((d) => d.date < '2027-01-01').every((d) => d.provisional === undefined)).toBe(true)
  })

  it('when it is 2027-01-04, then a booking for that day can be made', async () => {
    setBeijingNow('2027-01-04', '08:00')
    const appointment = t.api(appointmentContract)
    const data = dataOf(await appointment({ action: 'listSlots', matterId: PASSPORT, date: '2027-01-04' }, A))
    expect(data.slots.length).toBeGreaterThan(0)
    const slot = data.slots.find((s) => s.remaining > 0)!
    const booked = await appointment(
      {
        action: 'book',
        matterId: PASSPORT,
        slotId: slot.slotId,
        name: '张伟',
        idNumber: profile(73).idNumber,
        phone: '13912345678',
        requestId: newRequestId(),
      },
      A,
    )
    expect(booked).toMatchObject({ ok: true, data: { bookingId: expect.any(String) } })
  })

  it('when staff open the app in December 2026, then they are warned that 2027 is provisional; citizens are not asked', async () => {
    setBeijingNow('2026-12-01', '09:00')
    const calendar = t.api(calendarContract)
    const r = await calendar({ action: 'status' }, STAFF)
    expect(r).toMatchObject({
      ok: true,
      data: { today: '2026-12-01', banner: { years: [2027], text: expect.stringContaining('2027年放假安排国务院尚未公布') } },
    })
    expect(await calendar({ action: 'status' }, A)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    setBeijingNow('2026-10-31', '09:00')
    expect(dataOf(await calendar({ action: 'status' }, STAFF)).banner).toBeUndefined()
  })

  it('when the morning reminder runs while 2027 is provisional, then each administrator gets one message-centre note for the year', async () => {
    setBeijingNow('2026-12-02', '09:00')
    expect(await t.trigger('calendar', 'tick', 'provisionalReminder')).toMatchObject({ ok: true, data: { queued: 1 } })
    setBeijingNow('2026-12-03', '09:00')
    expect(await t.trigger('calendar', 'tick', 'provisionalReminder')).toMatchObject({ ok: true, data: { queued: 0 } })
    const notes = (await t.db.collection('outbox').where({ event: 'calendar.provisional_year' }).get()).data
    expect(notes.map((n) => [n.recipient, n.data.year, n.page])).toEqual([[ADMIN, 2027, 'packages/admin/calendar/index']])
    // No subscription template carries it: it reaches the message centre only, and nothing is pushed.
    await t.trigger('notify', 'drain')
    const inbox = dataOf(await t.api(notifyContract)({ action: 'myMessages' }, ADMIN))
    expect(inbox.messages).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'calendar', title: '2027年放假安排待录入' })]))
    expect((await t.db.collection('outbox').doc(notes[0]._id).get()).data).toMatchObject({ status: 'sent', channel: 'message_centre' })
    expect((await t.db.collection('wx_subscribe_sends').where({ touser: ADMIN }).get()).data).toEqual([])
  })

  it('when the one timer trigger ticks, then each job runs on its own schedule: at 09:00 the reminder and the sweep, at 09:01 neither', async () => {
    setBeijingNow('2026-12-04', '09:00')
    const at9 = await t.trigger('calendar', 'tick')
    expect(at9).toMatchObject({ ok: true, data: { recomputeSweep: { finished: 0 }, provisionalReminder: { queued: 0 } } })
    setBeijingNow('2026-12-04', '09:01')
    expect(await t.trigger('calendar', 'tick')).toEqual({ ok: true, data: {} })
    expect(await t.trigger('calendar', 'tick', 'nosuchjob')).toMatchObject({
      ok: true,
      data: { error: expect.stringContaining('nosuchjob') },
    })
  })
})
