import { BOOKING_STATUS_LABELS } from '../../../types/domain/booking'
import { beijingInstant } from '../../../types/domain/schedule'
import { getMatterDoc, getWindow } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { bookings, cancelDeadline, ownBooking } from '../bookings'
import { bookingPolicy } from '../limits'
import { bookableSlot } from '../schedules'
import { releaseSeat, takeSeat } from '../seats'

/**
 * Moves a booking to another slot of the same matter. The new seat is taken before the old one is
 * given back, so a full slot leaves the booking exactly as it was.
 */
export async function reschedule(input: { bookingId: string; slotId: string; requestId: string }, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  return once('reschedule', openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const [b, policy] = await Promise.all([ownBooking(input.bookingId, openid), bookingPolicy()])
    if (b.status !== 'booked') throw new AppError('CONFLICT', `该预约${BOOKING_STATUS_LABELS[b.status]}，不能改约`)
    if (ctx.now >= cancelDeadline(b, policy)) throw new AppError('CONFLICT', `预约开始前${policy.cancelCutoffMinutes}分钟内不能改约`)
    if (input.slotId === b.slotId) throw new AppError('INVALID_INPUT', '新时段与原时段相同', [{ path: 'slotId', message: '请选择另一个时段' }])
    const slot = await bookableSlot(input.slotId, await getMatterDoc(b.matterId), ctx.now)
    const window = await getWindow(slot.windowId)

    await takeSeat(slot)
    const { stats } = await bookings()
      .where({ _id: b._id, status: 'booked', slotId: b.slotId })
      .update({
        data: {
          slotId: slot.slotId,
          windowId: window.id,
          windowName: window.name,
          windowNumber: window.number,
          date: slot.date,
          start: slot.start,
          end: slot.end,
          startAt: beijingInstant(slot.date, slot.start),
          endAt: beijingInstant(slot.date, slot.end),
          rescheduledAt: ctx.now,
        },
      })
    if (stats.updated !== 1) {
      await releaseSeat(slot.slotId)
      throw new AppError('CONFLICT', '预约状态已变化，请刷新后重试')
    }
    await releaseSeat(b.slotId)
    return { bookingId: b._id, code: b.code, slotId: slot.slotId }
  })
}
