import { notificationKey } from '../../types/domain/notification'
import { addCalendarDays, beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { writeNotification } from '../_kit/outbox'
import { bookings, releaseHolds, type BookingDoc } from '../_bookings/booking'
import { recordNoShow } from './bookings'
import { reminderNotice } from '../_bookings/notices'
import { settleAt } from '../_kit/settle-time'

/**
 * Every few minutes: a booking not checked in by the end of its slot becomes a no-show. It is
 * recorded against the booking account (the bar counts them: never against the ID number, which
 * anyone can type) and gives back the account's quota and lock; its seat is gone with its time. A
 * booking whose date the calendar made a day off is closed without a no-show. The status change
 * carries the settle time, so the sweeper records what a crash here left undone.
 */
export async function noShowSweep(now: Date) {
  const _ = db().command
  let marked = 0
  for (;;) {
    const { data } = await bookings()
      .where({ status: 'booked', endAt: _.lte(now) })
      .orderBy('endAt', 'asc')
      .limit(100)
      .get()
    if (!data.length) return { marked }
    for (const b of data) {
      // A date the calendar turned into a day off: the hall was closed, so missing it is no no-show.
      const outcome = b.dayOff
        ? { status: 'cancelled', cancelledAt: now, cancelledBy: 'day_off', cancelReason: `该日调整为${b.dayOff.holiday}` }
        : { status: 'no_show', noShowAt: now }
      const { stats } = await bookings()
        .where({ _id: b._id, status: 'booked' })
        .update({ data: { ...outcome, settleBy: settleAt(now) } })
      if (stats.updated !== 1) continue
      if (!b.dayOff) {
        await recordNoShow(b)
        marked++
      }
      await releaseHolds(b, { seat: false })
    }
  }
}

/**
 * Each evening: a reminder for every booking of the next day. The trigger runs several times in
 * the evening (config.json) and the outbox key keeps it to one per booking, so a run cut short is
 * finished by the next one, and a booking made after 18:00 for tomorrow is reminded too. Reminders
 * already written (outbox request and message) are looked up a hundred at a time and skipped.
 */
export async function dayBeforeReminders(now: Date) {
  const _ = db().command
  const tomorrow = addCalendarDays(beijingDate(now), 1)
  const due = await fetchAll<BookingDoc>(COLLECTIONS.bookings, { status: 'booked', date: tomorrow })
  let queued = 0
  for (let i = 0; i < due.length; i += 100) {
    const batch = due.slice(i, i + 100).map((b) => ({ b, id: notificationKey('booking.reminder_day_before', b._id, b.openid) }))
    const ids = batch.map((x) => x.id)
    const [outbox, messages] = await Promise.all(
      [COLLECTIONS.outbox, COLLECTIONS.messages].map(
        async (c) =>
          new Set(
            (
              await db()
                .collection(c)
                .where({ _id: _.in(ids) })
                .field({ _id: true })
                .limit(ids.length)
                .get()
            ).data.map((d) => String(d._id)),
          ),
      ),
    )
    const missing = batch.filter((x) => !outbox.has(x.id) || !messages.has(x.id))
    for (let j = 0; j < missing.length; j += 20) {
      const written = await Promise.all(missing.slice(j, j + 20).map(({ b }) => writeNotification(reminderNotice(b))))
      queued += written.filter((w) => w.fresh).length
    }
  }
  return { queued }
}
