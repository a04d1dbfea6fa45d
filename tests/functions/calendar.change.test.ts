/**
 * The administrator enters the State Council's notice for 2027 while cases, an inquiry and a
 * booking already count on the provisional 2027. The test notice differs from the statute's days:
 * New Year's Eve (Thursday 2026-12-31) becomes a day off and Saturday 2027-01-09 a make-up working
 * day. Exactly the affected open deadlines move, never earlier for the citizen; the moved ones are
 * recorded and notified; the booking on the new day off is listed for staff; entering it twice
 * changes nothing.
 */
import { apiOf, type TestCloud } from '../support/cloud'
import { dataOf, errorOf } from '../support/calls'
import { appointmentContract, calendarContract, inquiryContract } from '../../types/contracts'
import type { ActionOutput } from '../../types/contracts/contract'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { startDemoCloud } from '../support/demo'
import { newRequestId } from '../support/people'
import { builtInCalendar, createWorkingDayCalendar } from '../../types/domain/working-days'
import { A, ADMIN, caseClient, jpeg, PASSPORT, profile, STAFF } from '../support/case'
import { addStaff } from '../support/inquiry'

const FATHER = 'demo-relative'
const NOTICE_2027 = [
  '国务院办公厅关于2027年部分节假日安排的通知',
  '一、元旦：2026年12月31日（周四）至2027年1月1日（周五）放假调休，共2天。1月9日（周六）上班。',
  '二、春节：2月5日（农历除夕、周五）至8日（农历正月初三、周一）放假，共4天。',
  '三、清明节：4月5日（周一）放假，共1天。',
  '四、劳动节：5月1日（周六）至2日（周日）放假，共2天。',
  '五、端午节：6月9日（周三）放假，共1天。',
  '六、中秋节：9月15日（周三）放假，共1天。',
  '七、国庆节：10月1日（周五）至3日（周日）放假，共3天。',
].join('\n')

/** The notice's calendar, to compute expectations with: the statute's days plus its two changes. */
const OFFICIAL_2027 = createWorkingDayCalendar([
  {
    year: 2027,
    status: 'official',
    days: [
      { date: '2026-12-31', kind: 'off', name: '元旦' },
      ...builtInCalendar.year(2027).days,
      { date: '2027-01-09', kind: 'work', name: '元旦' },
    ],
  },
])

let t: TestCloud
let c: ReturnType<typeof caseClient>
const cal = apiOf(() => t, calendarContract, { as: ADMIN })
const notice = (text = NOTICE_2027) => ({ type: 'notice' as const, text, source: { number: '国办发明电〔2026〕99号（测试）' } })
const yearDoc = async () => (await t.db.collection('calendar_years').where({ _id: '2027' }).get()).data[0]
const caseDoc = async (id: string) => (await t.db.collection('cases').doc(id).get()).data
const outboxOf = async (event: string) => (await t.db.collection('outbox').where({ event }).limit(1000).get()).data
/** The functions cache the calendar for up to 30 s of their clock: readers look a minute later. */
const aMinuteLater = (hhmm: string) => setBeijingNow('2026-12-30', hhmm)

const ids = {} as { moved: string; unmoved: string; long: string; decided: string; inquiry: string; booking: string }
let sb: string

async function workInjury(seq: number): Promise<string> {
  const draft = await c.ok(
    c.call({ action: 'createDraft', matterId: 'm-work-injury', applicant: profile(seq), form: {}, requestId: newRequestId() }, A),
  )
  for (const i of [0, 1, 2]) await c.ok(c.upload(draft.caseId, i, jpeg(64, seq + i), A))
  await c.ok(c.act(draft.caseId, 'submit', A))
  await c.ok(c.act(draft.caseId, 'startPreReview', sb))
  await c.ok(c.act(draft.caseId, 'accept', sb))
  return draft.caseId
}

beforeAll(async () => {
  setBeijingNow('2026-12-01', '09:00')
  t = await startDemoCloud(['case', 'inquiry', 'appointment', 'calendar'])
  c = caseClient(t)
  ;[sb] = await addStaff(t, 'dept-sb', 1, 'SB')
  // 30 working days from 12-01: 2027-01-13 before and after (12-31 off and 01-09 on cancel out).
  ids.unmoved = await workInjury(81)

  setBeijingNow('2026-12-07', '09:00')
  ids.decided = await c.caseIn('approved', A, 84)

  setBeijingNow('2026-12-28', '09:00')
  // 7 working days from 12-28: 2027-01-07 provisionally, 01-08 once 12-31 is a day off.
  ids.moved = await c.caseIn('accepted', A, 82)
  const invite = await c.ok(c.call({ action: 'createFollowInvite', caseId: ids.moved }, A))
  await c.ok(c.call({ action: 'acceptFollowInvite', code: invite.code }, FATHER))
  const appointment = t.api(appointmentContract)
  const slots = dataOf(await appointment({ action: 'listSlots', matterId: PASSPORT, date: '2026-12-31' }, A))
  const booked = dataOf(
    await appointment(
      {
        action: 'book',
        matterId: PASSPORT,
        slotId: slots.slots[0].slotId,
        name: '张伟',
        idNumber: profile(85).idNumber,
        phone: '13912345678',
        requestId: newRequestId(),
      },
      A,
    ),
  )
  ids.booking = booked.bookingId

  setBeijingNow('2026-12-30', '08:00')
  const asked = dataOf(
    await t.api(inquiryContract)(
      { action: 'ask', matterId: PASSPORT, question: '护照过期了，换发需要带户口本吗？', requestId: newRequestId() },
      A,
    ),
  )
  expect(asked.dueDate).toBe('2026-12-31')
  ids.inquiry = asked.inquiryId
  // 30 working days from 12-30: 2027-02-15 either way (12-31 off, 01-09 on).
  ids.long = await workInjury(86)
  setBeijingNow('2026-12-30', '09:00')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

describe('entering the 2027 notice', () => {
  let preview: ActionOutput<typeof calendarContract, 'previewChange'>

  it('when the notice is previewed, then the changed days and exactly the affected case, inquiry and booking are listed, and nothing is written', async () => {
    expect(dataOf(await cal({ action: 'getYear', year: 2027 }))).toMatchObject({
      year: 2027,
      status: 'provisional',
      stored: false,
      version: 0,
    })
    const r = await cal({ action: 'previewChange', year: 2027, change: notice() })
    expect(r.ok).toBe(true)
    preview = dataOf(r)
    expect(preview).toMatchObject({ version: 0, status: 'official', unchanged: false, number: '国办发明电〔2026〕99号（测试）' })
    // New Year's Eve becomes a day off, Saturday 01-09 a make-up day; 元旦 and 春节 are as the statute has them.
    expect(preview.diff).toEqual([
      { date: '2026-12-31', before: { working: true, type: 'workday' }, after: { working: false, type: 'holiday', name: '元旦' } },
      { date: '2027-01-09', before: { working: false, type: 'weekend' }, after: { working: true, type: 'makeup', name: '元旦' } },
    ])
    expect(preview.impact.cases).toEqual({
      count: 1,
      samples: [{ caseNo: expect.any(String), matterName: '普通护照签发', from: '2027-01-07', to: '2027-01-08' }],
    })
    expect(preview.impact.inquiries.count).toBe(1)
    expect(preview.impact.bookings).toMatchObject({
      count: 1,
      items: [{ date: '2026-12-31', matterName: '普通护照签发', applicantName: '张*' }],
    })
    expect(await yearDoc()).toBeUndefined()
    expect(dataOf(await c.getCase(ids.moved, A)).deadline!.dueDate).toBe('2027-01-07')
  })

  it('when it is confirmed, then exactly the affected deadlines move, later for the citizen only, with the old and new date recorded and notified', async () => {
    const before = { unmoved: await caseDoc(ids.unmoved), decided: await caseDoc(ids.decided) }
    const r = await cal({ action: 'applyChange', year: 2027, change: notice(), expectedVersion: preview.version })
    expect(r).toMatchObject({
      ok: true,
      data: {
        year: 2027,
        version: 1,
        changed: true,
        status: 'official',
        impact: { cases: { count: 1 }, inquiries: { count: 1 }, bookings: { count: 1 } },
      },
    })

    aMinuteLater('09:01')
    const moved = dataOf(await c.getCase(ids.moved, A))
    expect(moved.deadline).toMatchObject({ dueDate: '2027-01-08', provisional: false })
    expect(moved.deadline!.dueDate).toBe(OFFICIAL_2027.addWorkingDays('2026-12-28', 7))
    expect(moved.deadlineChanges).toEqual([
      { at: expect.any(String), from: '2027-01-07', to: '2027-01-08', reason: '国务院公布2027年放假安排' },
    ])
    const followed = await c.ok(c.call({ action: 'followedCase', caseId: ids.moved }, FATHER))
    expect(followed.deadline).toMatchObject({ dueDate: '2027-01-08', provisional: false })
    expect(followed.deadlineChanges).toHaveLength(1)

    // Untouched: the cases whose dates come out the same, and the decided one.
    const after = { unmoved: await caseDoc(ids.unmoved), decided: await caseDoc(ids.decided), long: await caseDoc(ids.long) }
    expect(after.unmoved.rev).toBe(before.unmoved.rev)
    expect(after.unmoved.dueDate).toBe('2027-01-13')
    expect(after.long.dueDate).toBe('2027-02-15')
    expect(after.decided.rev).toBe(before.decided.rev)

    const sent = await outboxOf('case.due_date_changed')
    expect(sent.map((n) => n.recipient).sort()).toEqual([A, FATHER].sort())
    expect(sent.every((n) => n.subjectRoot === ids.moved)).toBe(true)
    expect(sent.find((n) => n.recipient === A)!.data).toMatchObject({ from: '2027-01-07', to: '2027-01-08' })

    const inquiry = (await t.db.collection('inquiries').doc(ids.inquiry).get()).data
    expect(inquiry.dueDate).toBe('2027-01-04')
  })

  it('when a booking lies on the new day off, then it is kept, listed for the department with the phone (masked for the administrator), and its citizen asked to reschedule', async () => {
    const booking = (await t.db.collection('bookings').doc(ids.booking).get()).data
    expect(booking).toMatchObject({ status: 'booked', dayOff: { holiday: '元旦', year: 2027, version: 1 } })
    expect((await outboxOf('booking.day_off')).map((n) => [n.recipient, n.subjectId])).toEqual([[A, ids.booking]])
    const forStaff = await cal({ action: 'affectedBookings' }, STAFF)
    expect(dataOf(forStaff).items).toEqual([
      expect.objectContaining({ bookingId: ids.booking, date: '2026-12-31', phone: '13912345678', holiday: '元旦' }),
    ])
    const forAdmin = await cal({ action: 'affectedBookings' }, ADMIN)
    expect(dataOf(forAdmin).items[0].phone).toBe('139****5678')
    expect(dataOf(await cal({ action: 'affectedBookings' }, 'demo-staff-scjg')).items).toEqual([])
    // The make-up Saturday opens for booking; the new day off does not.
    aMinuteLater('09:02')
    const days = dataOf(await t.api(appointmentContract)({ action: 'listDays', matterId: PASSPORT }, A)).days.map((d) => d.date)
    expect(days).toContain('2027-01-09')
    expect(days).not.toContain('2026-12-31')
  })

  it('when the missed booking on the day off passes, then it is closed without a no-show', async () => {
    setBeijingNow('2026-12-31', '18:00')
    await t.trigger('appointment', 'tick', 'noShowSweep')
    const booking = (await t.db.collection('bookings').doc(ids.booking).get()).data
    expect(booking.status).toBe('cancelled')
    expect((await t.db.collection('no_shows').where({ openid: A }).get()).data).toEqual([])
  })

  it('when the same notice is entered again, then nothing changes: no new version, no new notification, no new log entry', async () => {
    const version = (await yearDoc()).version
    const outbox = (await t.db.collection('outbox').count()).total
    const again = await cal({ action: 'previewChange', year: 2027, change: notice() })
    expect(dataOf(again)).toMatchObject({
      unchanged: true,
      diff: [],
      impact: { cases: { count: 0 }, inquiries: { count: 0 }, bookings: { count: 0 } },
    })
    expect(await cal({ action: 'applyChange', year: 2027, change: notice(), expectedVersion: version })).toMatchObject({
      ok: true,
      data: { changed: false, version },
    })
    expect((await yearDoc()).version).toBe(version)
    expect((await t.db.collection('outbox').count()).total).toBe(outbox)
    expect(dataOf(await cal({ action: 'getYear', year: 2027 }))).toMatchObject({
      status: 'official',
      stored: true,
      version,
      recomputing: false,
      changes: [{ version: 1, by: '孙明（ZW0005）' }],
    })
  })

  it('when one Saturday is made a working day by hand, then the long case keeps its promised date and only its legal date moves', async () => {
    setBeijingNow('2026-12-31', '18:05')
    const day = { type: 'day' as const, date: '2027-01-16', set: 'work' as const, name: '调休上班', note: '县政府通知：周六正常上班' }
    const preview = await cal({ action: 'previewChange', year: 2027, change: day })
    expect(dataOf(preview)).toMatchObject({
      status: 'official',
      diff: [{ date: '2027-01-16', after: { working: true, type: 'makeup', name: '调休上班' } }],
      impact: { cases: { count: 0 } },
    })
    const before = await caseDoc(ids.long)
    expect(await cal({ action: 'applyChange', year: 2027, change: day, expectedVersion: dataOf(preview).version })).toMatchObject({
      ok: true,
      data: { changed: true, version: 2 },
    })
    const after = await caseDoc(ids.long)
    const withSaturday = createWorkingDayCalendar([
      { ...OFFICIAL_2027.year(2027), days: [...OFFICIAL_2027.year(2027).days, { date: '2027-01-16', kind: 'work', name: '调休上班' }] },
    ])
    // The calendar now gives an earlier date; the one promised stands.
    expect(withSaturday.addWorkingDays('2026-12-30', 30)).toBe('2027-02-12')
    expect(after.dueDate).toBe('2027-02-15')
    expect(after.legalDueDate).toBe(withSaturday.addWorkingDays('2026-12-30', after.legalLimitDays))
    expect(after.legalDueDate).not.toBe(before.legalDueDate)
    expect(after.dueChanges ?? []).toEqual([])
    const log = dataOf(await cal({ action: 'getYear', year: 2027 })).changes
    expect(log.map((x) => x.summary)).toEqual(['2027-01-16 设为调休上班日', expect.stringContaining('录入通知')])
  })

  it.each([
    ['a non-admin caller', { action: 'applyChange', year: 2027, change: notice(), expectedVersion: 1 }, STAFF, 'FORBIDDEN'],
    ['a citizen previewing', { action: 'previewChange', year: 2027, change: notice() }, A, 'FORBIDDEN'],
    ['malformed text', { action: 'applyChange', year: 2027, change: notice('明天放假'), expectedVersion: 1 }, ADMIN, 'INVALID_INPUT'],
    [
      'a wrong weekday',
      { action: 'applyChange', year: 2027, change: notice('一、元旦：1月1日（周一）放假1天。'), expectedVersion: 1 },
      ADMIN,
      'INVALID_INPUT',
    ],
    [
      'an impossible date',
      { action: 'applyChange', year: 2027, change: { type: 'day', date: '2027-02-30', set: 'off', note: '测试' }, expectedVersion: 1 },
      ADMIN,
      'INVALID_INPUT',
    ],
    [
      'a day of another year',
      { action: 'applyChange', year: 2027, change: { type: 'day', date: '2028-02-01', set: 'off', note: '测试' }, expectedVersion: 1 },
      ADMIN,
      'INVALID_INPUT',
    ],
    ['a year out of range', { action: 'getYear', year: 2200 }, ADMIN, 'INVALID_INPUT'],
    [
      'a stale version',
      {
        action: 'applyChange',
        year: 2027,
        change: { type: 'day', date: '2027-03-01', set: 'off', note: '县政府临时通知' },
        expectedVersion: 0,
      },
      ADMIN,
      'CONFLICT',
    ],
    ['an unknown field', { action: 'getYear', year: 2027, openid: ADMIN }, ADMIN, 'INVALID_INPUT'],
  ])('when the input is %s, then a structured error answers and nothing changes', async (_n, event, who, code) => {
    const before = await yearDoc()
    const r = await cal.raw(event, who)
    expect(r).toMatchObject({ ok: false, error: { code, message: expect.any(String) } })
    expect(await yearDoc()).toEqual(before)
  })

  it('when the text has several mistakes, then each is named in the issues', async () => {
    const r = await cal({ action: 'previewChange', year: 2027, change: notice('一、元旦：1月1日（周一）至3日（周日）放假，共5天。') })
    const { issues = [] } = errorOf(r)
    expect(issues.length).toBeGreaterThanOrEqual(2)
    expect(issues.every((i) => i.path.startsWith('change.') && /[\u4e00-\u9fa5]/.test(i.message))).toBe(true)
  })
})

describe('a change interrupted by a crash', () => {
  it('when the year was saved but the function died before the consequences, then the sweep applies them once', async () => {
    setBeijingNow('2027-01-06', '09:00')
    // The state a kill right after the transaction leaves: the year with a pending note, nothing else done.
    const doc = await yearDoc()
    const days = [...doc.days, { date: '2027-01-11', kind: 'off', name: '临时休息日' }]
    const pending = {
      version: doc.version + 1,
      changed: ['2027-01-11'],
      closed: ['2027-01-11'],
      reopened: [],
      reason: '工作日历调整：测试',
      at: new Date(),
    }
    await t.db
      .collection('calendar_years')
      .doc('2027')
      .update({ data: { days, version: pending.version, pending } })
    setBeijingNow('2027-01-06', '09:01')
    expect(dataOf(await c.getCase(ids.moved, A)).deadline!.dueDate).toBe('2027-01-08')
    const swept = await t.trigger('calendar', 'tick', 'recomputeSweep')
    expect(swept).toMatchObject({ ok: true, data: { finished: 1 } })
    expect((await yearDoc()).pending).toBeUndefined()
    // The 30-day case of 12-01 spans 01-11; the case due 01-08 does not.
    const moved = dataOf(await c.getCase(ids.moved, A))
    expect(moved.deadline!.dueDate).toBe('2027-01-08')
    const injury = dataOf(await c.getCase(ids.unmoved, A))
    expect(injury.deadline!.dueDate).toBe('2027-01-14')
    expect(injury.deadlineChanges).toEqual([expect.objectContaining({ from: '2027-01-13', to: '2027-01-14' })])
    const notes = (await outboxOf('case.due_date_changed')).filter((n) => n.subjectRoot === ids.unmoved)
    expect(notes).toHaveLength(1)

    // A second sweep (or a rerun after a crash midway) finds nothing left to do.
    expect(await t.trigger('calendar', 'tick', 'recomputeSweep')).toMatchObject({ ok: true, data: { finished: 0 } })
    const rev = (await caseDoc(ids.unmoved)).rev
    await t.db.collection('calendar_years').doc('2027').update({ data: { pending } })
    expect(await t.trigger('calendar', 'tick', 'recomputeSweep')).toMatchObject({ ok: true, data: { finished: 1 } })
    expect((await caseDoc(ids.unmoved)).rev).toBe(rev)
    expect((await outboxOf('case.due_date_changed')).filter((n) => n.subjectRoot === ids.unmoved)).toHaveLength(1)
  })
})
