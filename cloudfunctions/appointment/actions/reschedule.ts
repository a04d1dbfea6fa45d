import type { AppointmentInput } from '../../../types/contracts/appointment'
import { BOOKING_STATUS_LABELS } from '../../../types/domain/booking'
import { beijingInstant } from '../../../types/domain/schedule'
import { getMatterDoc, getWindow } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { log } from '../../_kit/log'
import { deliverSoon, writeNotification } from '../../_kit/outbox'
import { releaseAll } from '../../_kit/rollback'
import { bookings } from '../../_bookings/booking'
import { cancelDeadline, ownBooking } from '../bookings'
import { confirmedNotice } from '../../_bookings/notices'
import { settleAt } from '../../_kit/settle-time'
import { bookingPolicy } from '../limits'
import { releaseSeat, takeSeat } from '../../_bookings/seats'
import { bookableSlot } from '../schedules'
import { passSeat } from '../waitlist/offer'

/**
 * Moves a booking to another slot of the same matter. The move is marked on the booking first
 * (`moving`, with the time the sweeper settles it), then the new seat is taken, then the booking
 * moves and the old seat goes back, and 预约成功 for the new time is recorded. A full slot leaves
 * the booking exactly as it was; a crash leaves the mark, and the sweeper gives back whichever
 * seat the booking does not sit on.
 */
export async function reschedule(input: AppointmentInput<'reschedule'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  let soon: Promise<void> | undefined
  const answer = await once('reschedule', openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const [b, policy] = await Promise.all([ownBooking(input.bookingId, openid), bookingPolicy()])
    if (b.status !== 'booked')
      throw new AppError('CONFLICT', `该预约${BOOKING_STATUS_LABELS[b.status as keyof typeof BOOKING_STATUS_LABELS]}，不能改约`)
    if (ctx.now >= cancelDeadline(b, policy)) throw new AppError('CONFLICT', `预约开始前${policy.cancelCutoffMinutes}分钟内不能改约`)
    if (input.slotId === b.slotId)
      throw new AppError('INVALID_INPUT', '新时段与原时段相同', [{ path: 'slotId', message: '请选择另一个时段' }])
    const slot = await bookableSlot(input.slotId, await getMatterDoc(b.matterId), ctx.now)
    const window = await getWindow(slot.windowId)
    const _ = db().command
    const changed = () => new AppError('CONFLICT', '预约状态已变化，请刷新后重试')

    // A mark left by a move that died is taken over once its settle time passed; the sweeper frees its seat.
    const { stats: marked } = await bookings()
      .where(_.and([{ _id: b._id, status: 'booked', slotId: b.slotId }, _.or([{ moving: _.exists(false) }, { settleBy: _.lte(ctx.now) }])]))
      .update({ data: { moving: { from: b.slotId, to: slot.slotId }, settleBy: settleAt(ctx.now) } })
    if (marked.updated !== 1) throw changed()
    const unmark = () =>
      releaseAll('reschedule.rollback', [
        releaseSeat(slot.slotId, b._id).then(() =>
          bookings()
            .where({ _id: b._id, 'moving.to': slot.slotId })
            .update({ data: { moving: _.remove() } }),
        ),
      ])
    try {
      await takeSeat(slot, b._id)
    } catch (e) {
      await unmark()
      throw e
    }

    const rev = (b.rev ?? 0) + 1
    const place = {
      slotId: slot.slotId,
      windowId: window.id,
      windowName: window.name,
      windowNumber: window.number,
      date: slot.date,
      start: slot.start,
      end: slot.end,
      startAt: beijingInstant(slot.date, slot.start),
      endAt: beijingInstant(slot.date, slot.end),
      rev,
    }
    const { stats } = await bookings()
      .where({ _id: b._id, status: 'booked', slotId: b.slotId, 'moving.to': slot.slotId })
      .update({ data: { ...place, moving: _.remove(), rescheduledAt: ctx.now } })
    if (stats.updated !== 1) {
      await unmark()
      throw changed()
    }
    // The old seat goes straight to the oldest fitting 候补 entry, else back to the free seats.
    const [, noted] = await Promise.allSettled([passSeat(b, ctx.now), writeNotification(confirmedNotice({ ...b, ...place }))])
    if (noted.status === 'rejected') log.error('reschedule.notify', noted.reason)
    else if (noted.value.fresh) soon = deliverSoon([noted.value.id])
    return { bookingId: b._id, code: b.code, slotId: slot.slotId }
  })
  await soon
  return answer
}
