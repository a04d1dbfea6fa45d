import type { BookingView } from '../../types/contracts/appointment'
import type { BookingPolicy, BookingStatus } from '../../types/domain/booking'
import { beijingInstant } from '../../types/domain/schedule'
import { bookings, VISIBLE_STATUSES, type BookingDoc } from '../_bookings/booking'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { notFound } from '../_kit/errors'

/* What the appointment function alone does with a booking: the citizen's own view of it, and the no-show record. */

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

/** The no-show the bar counts, once per booking (its id is the booking's), against the booking account only. */
export async function recordNoShow(b: Pick<BookingDoc, '_id' | 'openid' | 'endAt' | 'matterId'>): Promise<void> {
  await db()
    .collection(COLLECTIONS.noShows)
    .doc(b._id)
    .set({ data: { openid: b.openid, at: b.endAt, matterId: b.matterId } })
}
