import { addCalendarDays, beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { enqueueNotification } from '../_kit/outbox'
import { bookings, releaseHolds, type BookingDoc } from './bookings'

/**
 * Every few minutes: a booking not checked in by the end of its slot becomes a no-show. It is
 * recorded against the person and the account (the bar counts them) and gives back the person's
 * lock and the account's quota; its seat is gone with its time. A booking whose date the calendar
 * made a day off is closed without a no-show.
 */
export async function noShowSweep(now: Date) {
  const _ = db().command
  let marked = 0
  for (;;) {
    const { data } = await bookings().where({ status: 'booked', endAt: _.lte(now) }).orderBy('endAt', 'asc').limit(100).get()
    if (!data.length) return { marked }
    for (const b of data) {
      // A date the calendar turned into a day off: the hall was closed, so missing it is no no-show.
      const outcome = b.dayOff ? { status: 'cancelled', cancelledAt: now, cancelReason: `该日调整为${b.dayOff.holiday}` } : { status: 'no_show', noShowAt: now }
      const { stats } = await bookings().where({ _id: b._id, status: 'booked' }).update({ data: outcome })
      if (stats.updated !== 1) continue
      if (!b.dayOff) {
        await db().collection(COLLECTIONS.noShows).doc(b._id).set({ data: { person: b.person, openid: b.openid, at: b.endAt, matterId: b.matterId } })
        marked++
      }
      await releaseHolds(b, { seat: false })
    }
  }
}

/** Each evening: a reminder for every booking of the next day (the outbox key keeps it to one per booking). */
export async function dayBeforeReminders(now: Date) {
  const tomorrow = addCalendarDays(beijingDate(now), 1)
  const due = await fetchAll<BookingDoc>(COLLECTIONS.bookings, { status: 'booked', date: tomorrow })
  let queued = 0
  for (const b of due) {
    const fresh = await enqueueNotification({
      event: 'booking.reminder_day_before',
      subjectId: b._id,
      recipient: b.openid,
      data: { matterName: b.matterName, time: `${b.date} ${b.start}-${b.end}`, place: `${b.location} ${b.windowNumber}号窗口`, code: b.code },
      page: `pages/booking/detail/index?id=${b._id}`,
    })
    if (fresh) queued++
  }
  return { queued }
}
