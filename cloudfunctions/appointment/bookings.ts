import type { BookingView } from '../../types/contracts/appointment'
import { BOOKING_STATUSES, type BookingPolicy, type BookingStatus } from '../../types/domain/booking'
import { beijingInstant } from '../../types/domain/schedule'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { notFound } from '../_kit/errors'
import type { Notify } from '../_kit/outbox'
import { releaseAll } from '../_kit/rollback'
import { releaseQuota } from './limits'
import { releaseSeat } from './seats'

/**
 * Stored states beyond the ones citizens and staff see: `pending` while `book` takes its holds
 * (written first, so a crash leaves a record the sweeper can finish or release), `released` when
 * the sweeper gave back the holds of a booking that never completed. Neither is ever shown.
 */
export type StoredStatus = BookingStatus | 'pending' | 'released'
export const VISIBLE_STATUSES = BOOKING_STATUSES

/**
 * How long after a change the sweeper makes sure its consequences happened (holds given back,
 * notification written, no-show recorded). Well above the function's 20 s timeout (config.json):
 * an invocation is dead by then, so the sweeper never races one that is still running.
 */
export const SETTLE_AFTER_MS = 120_000
export const settleAt = (now: Date) => new Date(now.getTime() + SETTLE_AFTER_MS)

/** A booking as stored. The ID number itself is not kept: a masked copy for display, a keyed hash to recognise the person. */
export interface BookingDoc {
  _id: string
  code: string
  openid: string
  status: StoredStatus
  matterId: string
  matterName: string
  departmentId: string
  windowId: string
  windowName: string
  windowNumber: number
  location: string
  slotId: string
  date: string
  start: string
  end: string
  startAt: Date
  endAt: Date
  applicant: { name: string; nameMasked: string; idMasked: string; phone: string }
  person: string
  /** The account's lock on this person and matter, kept in its quota document (limits.ts). */
  lockKey: string
  /** Whether the ID number is the account's own verified one (limits.ts verifiedIdentity); always false today. */
  verified: boolean
  forOther: boolean
  relation?: string
  ticketId?: string
  /** Set when a change of the working-day calendar made the date a day off: staff contact the citizen to reschedule. */
  dayOff?: { holiday: string; year: number; version: number; at: Date }
  /** How many times it was moved to another slot; each move is confirmed under `<id>:<rev>`. */
  rev?: number
  /** A move in progress: the seat of `to` may be held until the booking says so (reschedule.ts). */
  moving?: { from: string; to: string }
  /** When the sweeper checks this booking's last change went through (see SETTLE_AFTER_MS); absent once it did. */
  settleBy?: Date
  cancelledBy?: 'citizen' | 'day_off'
  checkedInAt?: Date
  createdAt: Date
}

export const bookings = () => db().collection<BookingDoc>(COLLECTIONS.bookings)

/** Statuses that still occupy the account's quota and its lock on the person and matter. */
export const holdsQuota = (s: StoredStatus) => s === 'pending' || s === 'booked'
/** Statuses that still occupy the seat: a booking that was kept or missed used its time. */
export const holdsSeat = (s: StoredStatus) => s !== 'cancelled' && s !== 'released'

/** The caller's own booking; someone else's, or one still being made, answers exactly like a missing one. */
export async function ownBooking(bookingId: string, openid: string): Promise<BookingDoc> {
  const { data } = await bookings()
    .where({ _id: bookingId, openid, status: db().command.in([...VISIBLE_STATUSES]) })
    .limit(1)
    .get()
  if (!data[0]) throw notFound('未找到该预约')
  return data[0]
}

export const cancelDeadline = (b: Pick<BookingDoc, 'date' | 'start'>, policy: BookingPolicy) =>
  new Date(beijingInstant(b.date, b.start).getTime() - policy.cancelCutoffMinutes * 60_000)

export function toView(b: BookingDoc, now: Date, policy: BookingPolicy, warnings: string[] = []): BookingView {
  return {
    bookingId: b._id,
    code: b.code,
    status: b.status as BookingStatus,
    matterId: b.matterId,
    matterName: b.matterName,
    windowId: b.windowId,
    windowName: b.windowName,
    windowNumber: b.windowNumber,
    location: b.location,
    slotId: b.slotId,
    date: b.date,
    start: b.start,
    end: b.end,
    applicantName: b.applicant.nameMasked,
    idNumberMasked: b.applicant.idMasked,
    forOther: b.forOther,
    canCancel: b.status === 'booked' && now < cancelDeadline(b, policy),
    ...(b.ticketId ? { ticketId: b.ticketId } : {}),
    ...(warnings.length ? { warnings } : {}),
  }
}

/** Gives back what a booking holds once it stops being active; the seat only while its time is still ahead. Idempotent. */
export async function releaseHolds(b: Pick<BookingDoc, '_id' | 'openid' | 'slotId'>, { seat }: { seat: boolean }): Promise<void> {
  await releaseAll('booking.release', [releaseQuota(b.openid, b._id), seat ? releaseSeat(b.slotId, b._id) : undefined])
}

/** The no-show the bar counts, once per booking (its id is the booking's), against the booking account only. */
export async function recordNoShow(b: Pick<BookingDoc, '_id' | 'openid' | 'endAt' | 'matterId'>): Promise<void> {
  await db()
    .collection(COLLECTIONS.noShows)
    .doc(b._id)
    .set({ data: { openid: b.openid, at: b.endAt, matterId: b.matterId } })
}

const placeOf = (b: BookingDoc) => `${b.location} ${b.windowNumber}号窗口`
const details = (b: BookingDoc) => ({ matterName: b.matterName, time: `${b.date} ${b.start}-${b.end}`, place: placeOf(b), code: b.code })
const detailPage = (b: BookingDoc) => `pages/booking/detail/index?id=${b._id}`

/** 预约成功, for the booking and for each move to another slot (its own subject, so each move is told once). */
export const confirmedNotice = (b: BookingDoc): Notify => ({
  event: 'booking.confirmed',
  subjectId: b.rev ? `${b._id}:${b.rev}` : b._id,
  recipient: b.openid,
  data: details(b),
  page: detailPage(b),
})

export const cancelledNotice = (b: BookingDoc): Notify => ({
  event: 'booking.cancelled',
  subjectId: b._id,
  recipient: b.openid,
  data: details(b),
  page: detailPage(b),
})

export const reminderNotice = (b: BookingDoc): Notify => ({
  event: 'booking.reminder_day_before',
  subjectId: b._id,
  recipient: b.openid,
  data: details(b),
  page: detailPage(b),
})
