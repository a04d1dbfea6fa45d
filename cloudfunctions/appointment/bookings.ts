import type { BookingView } from '../../types/contracts/appointment'
import type { BookingPolicy, BookingStatus } from '../../types/domain/booking'
import { beijingInstant } from '../../types/domain/schedule'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { notFound } from '../_kit/errors'
import { releasePersonLock, releaseQuota } from './limits'
import { releaseSeat } from './seats'

/** A booking as stored. The ID number itself is not kept: a masked copy for display, a keyed hash to recognise the person. */
export interface BookingDoc {
  _id: string
  code: string
  openid: string
  status: BookingStatus
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
  lockKey: string
  forOther: boolean
  relation?: string
  ticketId?: string
  /** Set when a change of the working-day calendar made the date a day off: staff contact the citizen to reschedule. */
  dayOff?: { holiday: string; year: number; version: number; at: Date }
  createdAt: Date
}

export const bookings = () => db().collection<BookingDoc>(COLLECTIONS.bookings)

/** The caller's own booking; someone else's answers exactly like a missing one. */
export async function ownBooking(bookingId: string, openid: string): Promise<BookingDoc> {
  const { data } = await bookings().where({ _id: bookingId, openid }).limit(1).get()
  if (!data[0]) throw notFound('未找到该预约')
  return data[0]
}

export const cancelDeadline = (b: Pick<BookingDoc, 'date' | 'start'>, policy: BookingPolicy) =>
  new Date(beijingInstant(b.date, b.start).getTime() - policy.cancelCutoffMinutes * 60_000)

export function toView(b: BookingDoc, now: Date, policy: BookingPolicy): BookingView {
  return {
    bookingId: b._id,
    code: b.code,
    status: b.status,
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
  }
}

/** Gives back what an active booking holds once it stops being active; the seat only while its time is still ahead. */
export async function releaseHolds(b: BookingDoc, { seat }: { seat: boolean }): Promise<void> {
  await Promise.all([releasePersonLock(b.lockKey, b._id), releaseQuota(b.openid), seat ? releaseSeat(b.slotId) : undefined])
}
