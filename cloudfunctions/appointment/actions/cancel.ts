import type { AppointmentInput } from '../../../types/contracts/appointment'
import { BOOKING_STATUS_LABELS } from '../../../types/domain/booking'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { log } from '../../_kit/log'
import { deliverSoon, writeNotification } from '../../_kit/outbox'
import { bookings, releaseHolds } from '../../_bookings/booking'
import { cancelDeadline, ownBooking } from '../bookings'
import { cancelledNotice } from '../../_bookings/notices'
import { settleAt } from '../../_kit/settle-time'
import { bookingPolicy } from '../limits'
import { passSeat } from '../waitlist/offer'

/**
 * Cancels the caller's booking until the cut-off before its start: the status change carries the
 * time the sweeper checks it through; the seat, quota and lock go back and 预约已取消 is recorded
 * right after, and by the sweeper should this invocation die first.
 */
export async function cancel({ bookingId }: AppointmentInput<'cancel'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [b, policy] = await Promise.all([ownBooking(bookingId, openid), bookingPolicy()])
  if (b.status !== 'booked')
    throw new AppError('CONFLICT', `该预约${BOOKING_STATUS_LABELS[b.status as keyof typeof BOOKING_STATUS_LABELS]}，不能取消`)
  if (ctx.now >= cancelDeadline(b, policy)) throw new AppError('CONFLICT', `预约开始前${policy.cancelCutoffMinutes}分钟内不能取消`)
  const { stats } = await bookings()
    .where({ _id: bookingId, status: 'booked' })
    .update({ data: { status: 'cancelled', cancelledAt: ctx.now, cancelledBy: 'citizen', settleBy: settleAt(ctx.now) } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '预约状态已变化，请刷新后重试')
  // The seat goes straight to the oldest fitting 候补 entry, else back to the free seats (waitlist/offer.ts).
  const [, noted] = await Promise.allSettled([
    releaseHolds(b, { seat: false }).then(() => passSeat(b, ctx.now)),
    writeNotification(cancelledNotice(b)),
  ])
  if (noted.status === 'rejected') log.error('cancel.notify', noted.reason)
  else if (noted.value.fresh) await deliverSoon([noted.value.id])
  return { bookingId, status: 'cancelled' as const }
}
