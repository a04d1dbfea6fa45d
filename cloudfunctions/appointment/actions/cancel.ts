import { BOOKING_STATUS_LABELS } from '../../../types/domain/booking'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { bookings, cancelDeadline, ownBooking, releaseHolds } from '../bookings'
import { bookingPolicy } from '../limits'

/** Cancels the caller's booking until the cut-off before its start, and gives its seat back. */
export async function cancel({ bookingId }: { bookingId: string }, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [b, policy] = await Promise.all([ownBooking(bookingId, openid), bookingPolicy()])
  if (b.status !== 'booked') throw new AppError('CONFLICT', `该预约${BOOKING_STATUS_LABELS[b.status]}，不能取消`)
  if (ctx.now >= cancelDeadline(b, policy)) throw new AppError('CONFLICT', `预约开始前${policy.cancelCutoffMinutes}分钟内不能取消`)
  const { stats } = await bookings().where({ _id: bookingId, status: 'booked' }).update({ data: { status: 'cancelled', cancelledAt: ctx.now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '预约状态已变化，请刷新后重试')
  await releaseHolds(b, { seat: true })
  return { bookingId, status: 'cancelled' as const }
}
