import type { CalendarImpact } from '../../types/contracts/calendar'
import { computedDueDate } from '../../types/domain/deadline'
import { replyDueDate } from '../../types/domain/inquiry'
import type { WorkingDayCalendar } from '../../types/domain/working-days'
import { pageLink, ROUTES } from '../../types/routes'
import type { BookingDoc } from '../_bookings/booking'
import { dayOffNotice } from '../_bookings/notices'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { log } from '../_kit/log'
import { enqueueNotification } from '../_kit/outbox'
import { caseNoticeFields, notifyFollowers, type CaseNotice } from '../case/actions/follow-bindings'
import { cases, today, type CaseDoc, type DueChange } from '../case/cases'
import { inquiries, inquiryPolicy, type InquiryDoc } from '../inquiry/inquiries'

/**
 * What a change of the working-day calendar does to the work already promised:
 *  - every open accepted case whose promised (承诺) or legal (法定) date the new calendar gives
 *    differently is recomputed, 补正 pauses included. The promised date never moves earlier; when
 *    it moves later the case records the old and new date (its timeline shows it) and the applicant
 *    and the bound relatives are told;
 *  - every inquiry waiting for a reply gets its reply date recomputed (never earlier either);
 *  - every booking on a date that stopped being a working day is flagged for staff and its citizen
 *    asked to reschedule; nothing is cancelled. A date that became a working day again clears the flag.
 * Everything here is idempotent (each write compares with what is stored, notifications have fixed
 * keys), so the sweep can run it again after a crash at any point.
 */

export interface ChangeStamp {
  year: number
  version: number
  /** 「国务院公布2027年放假安排」 or 「工作日历调整」. */
  reason: string
}

export interface WorkingDayShift {
  /** Dates whose working status changed. */
  changed: string[]
  /** Dates that were working days and are not any more. */
  closed: string[]
  /** Dates that are working days again. */
  reopened: string[]
}

const SAMPLES = 5

interface CaseMove {
  doc: CaseDoc
  promised: string
  legal?: string
}

/**
 * The case's dates on `cal`. An open 补正 pause is counted as ending where it began, so the result
 * compares with the stored date (which excludes the running pause too).
 */
function recomputed(doc: CaseDoc, cal: WorkingDayCalendar, now: Date): CaseMove {
  const open = doc.pauses.find((p) => !p.to)
  const basis = open ? open.from : today(now)
  const computed = computedDueDate(doc.acceptedOn!, doc.limitDays!, doc.pauses, basis, cal)
  const promised = doc.dueDate && doc.dueDate > computed ? doc.dueDate : computed
  const legal = doc.legalLimitDays === undefined ? undefined : computedDueDate(doc.acceptedOn!, doc.legalLimitDays, doc.pauses, basis, cal)
  return { doc, promised, ...(legal ? { legal } : {}) }
}

const moved = (m: CaseMove) => m.promised !== m.doc.dueDate || (m.legal !== undefined && m.legal !== m.doc.legalDueDate)

async function caseMoves(shift: WorkingDayShift, cal: WorkingDayCalendar, now: Date): Promise<CaseMove[]> {
  if (!shift.changed.length) return []
  const _ = db().command
  const last = shift.changed[shift.changed.length - 1]
  const open = await fetchAll<CaseDoc>(COLLECTIONS.cases, {
    accepted: true,
    decidedOn: _.exists(false),
    state: _.neq('withdrawn'),
    acceptedOn: _.lte(last),
  })
  return open.map((doc) => recomputed(doc, cal, now)).filter(moved)
}

async function inquiryMoves(shift: WorkingDayShift, cal: WorkingDayCalendar) {
  if (!shift.changed.length) return []
  const _ = db().command
  const policy = await inquiryPolicy()
  const waiting = await fetchAll<InquiryDoc>(COLLECTIONS.inquiries, {
    awaitingReply: true,
    state: _.neq('closed'),
    waitingSince: _.lte(shift.changed[shift.changed.length - 1]),
  })
  return waiting
    .map((doc) => {
      const computed = replyDueDate(doc.waitingSince!, policy, cal)
      return { doc, dueDate: computed > doc.dueDate ? computed : doc.dueDate }
    })
    .filter((m) => m.dueDate !== m.doc.dueDate)
}

const bookingsOn = (dates: string[]) =>
  dates.length ? fetchAll<BookingDoc>(COLLECTIONS.bookings, { status: 'booked', date: db().command.in(dates) }) : Promise.resolve([])

/** A booking as the administrator and the department see it in a list (the applicant masked). */
export const bookingItem = (b: BookingDoc) => ({
  date: b.date,
  time: `${b.start}-${b.end}`,
  matterName: b.matterName,
  windowName: b.windowName,
  windowNumber: b.windowNumber,
  applicantName: b.applicant.nameMasked,
})

/** What the change would touch, without writing anything (the administrator's preview). */
export async function previewImpact(shift: WorkingDayShift, cal: WorkingDayCalendar, now: Date): Promise<CalendarImpact> {
  const [moves, replies, booked] = await Promise.all([caseMoves(shift, cal, now), inquiryMoves(shift, cal), bookingsOn(shift.closed)])
  return impactOf(moves, replies.length, booked)
}

function impactOf(moves: CaseMove[], inquiries: number, booked: BookingDoc[]): CalendarImpact {
  const later = moves.filter((m) => m.promised !== m.doc.dueDate)
  return {
    cases: {
      count: later.length,
      samples: later
        .slice(0, SAMPLES)
        .map((m) => ({ caseNo: m.doc.caseNo, matterName: m.doc.matterName, from: m.doc.dueDate!, to: m.promised })),
    },
    inquiries: { count: inquiries },
    bookings: { count: booked.length, items: booked.map(bookingItem) },
  }
}

/** Applies the change's consequences on the new calendar `cal`; safe to run again. */
export async function applyConsequences(
  shift: WorkingDayShift,
  stamp: ChangeStamp,
  cal: WorkingDayCalendar,
  now: Date,
): Promise<CalendarImpact> {
  const [moves, replies, booked] = await Promise.all([caseMoves(shift, cal, now), inquiryMoves(shift, cal), bookingsOn(shift.closed)])
  for (const m of moves) await moveCase(m, stamp, cal, now)
  for (const r of replies) {
    await inquiries()
      .where({ _id: r.doc._id, rev: r.doc.rev })
      .update({ data: { dueDate: r.dueDate, rev: r.doc.rev + 1, updatedAt: now } })
  }
  for (const b of booked) await flagBooking(b, cal, stamp, now)
  await clearFlags(shift.reopened)
  return impactOf(moves, replies.length, booked)
}

const CASE_ATTEMPTS = 3

/**
 * One guarded write per case (dates and the timeline's record together). The notification goes
 * first, under a key fixed by the case and the calendar version: if the write is lost, the sweep
 * recomputes the same move, finds the notification already queued, and writes.
 */
async function moveCase(first: CaseMove, stamp: ChangeStamp, cal: WorkingDayCalendar, now: Date): Promise<void> {
  let m: CaseMove | undefined = first
  for (let attempt = 0; m && attempt < CASE_ATTEMPTS; attempt++) {
    const doc: CaseDoc = m.doc
    const later = m.promised !== doc.dueDate
    const change: DueChange | undefined = later
      ? { at: now, from: doc.dueDate!, to: m.promised, reason: stamp.reason, calendar: { year: stamp.year, version: stamp.version } }
      : undefined
    if (change) await tellApplicant(doc, change)
    const { stats } = await cases()
      .where({ _id: doc._id, rev: doc.rev })
      .update({
        data: {
          dueDate: m.promised,
          ...(m.legal ? { legalDueDate: m.legal } : {}),
          ...(change ? { dueChanges: db().command.push([change]) } : {}),
          rev: doc.rev + 1,
          updatedAt: now,
        },
      })
    if (stats.updated === 1) return
    // Staff moved the case meanwhile: read it again and recompute on the fresh copy.
    const { data }: { data: CaseDoc[] } = await cases()
      .where({ _id: doc._id, accepted: true, decidedOn: db().command.exists(false) })
      .limit(1)
      .get()
    m = data[0] ? recomputed(data[0], cal, now) : undefined
    if (m && !moved(m)) return
  }
  if (m) log.error('calendar.moveCase', new Error(`case ${first.doc._id} kept changing; the sweep will retry`))
}

async function tellApplicant(doc: CaseDoc, change: DueChange): Promise<void> {
  // The subject ends in digits (year and version) so the staff delivery view files it under the case.
  const n: CaseNotice = {
    event: 'case.due_date_changed',
    subjectId: `${doc._id}:${change.calendar.year}${String(change.calendar.version).padStart(4, '0')}`,
    data: { ...caseNoticeFields(doc), from: change.from, to: change.to, reason: change.reason },
  }
  await Promise.all([
    enqueueNotification({ ...n, recipient: doc.openid, page: pageLink(ROUTES.caseDetail, { id: doc._id }) }),
    notifyFollowers(doc, n),
  ])
}

async function flagBooking(b: BookingDoc, cal: WorkingDayCalendar, stamp: ChangeStamp, now: Date): Promise<void> {
  const holiday = cal.dayInfo(b.date).name ?? '休息日'
  await enqueueNotification(dayOffNotice(b, holiday))
  await db()
    .collection(COLLECTIONS.bookings)
    .where({ _id: b._id, status: 'booked' })
    .update({ data: { dayOff: { holiday, year: stamp.year, version: stamp.version, at: now } } })
}

async function clearFlags(dates: string[]): Promise<void> {
  if (!dates.length) return
  const _ = db().command
  await db()
    .collection(COLLECTIONS.bookings)
    .where({ status: 'booked', date: _.in(dates), dayOff: _.exists(true) })
    .update({ data: { dayOff: _.remove() } })
}
