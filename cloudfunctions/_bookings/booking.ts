import { BOOKING_STATUSES, type BookingStatus } from '../../types/domain/booking'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { releaseAll } from '../_kit/rollback'
import { releaseQuota } from './quota'
import { releaseSeat } from './seats'

/*
 * The booking record and what each of its states holds, shared on purpose by the functions that
 * move a booking along: appointment books, moves and cancels it and sweeps what a crash left;
 * queue checks it in at the hall. A booking holds two things besides itself: its account's quota
 * with the lock on the person and matter (quota.ts) and its slot's seat (seats.ts).
 */

/**
 * Stored states beyond the ones citizens and staff see: `pending` while `book` takes its holds
 * (written first, so a crash leaves a record the sweeper can finish or release), `released` when
 * the sweeper gave back the holds of a booking that never completed. Neither is ever shown.
 */
export type StoredStatus = BookingStatus | 'pending' | 'released'
export const VISIBLE_STATUSES = BOOKING_STATUSES

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
  /** When the sweeper checks this booking's last change went through (_kit/settle-time.ts); absent once it did. */
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

/** Gives back what a booking holds once it stops being active; the seat only while its time is still ahead. Idempotent. */
export async function releaseHolds(b: Pick<BookingDoc, '_id' | 'openid' | 'slotId'>, { seat }: { seat: boolean }): Promise<void> {
  await releaseAll('booking.release', [releaseQuota(b.openid, b._id), seat ? releaseSeat(b.slotId, b._id) : undefined])
}
