import type { AppointmentInput } from '../../../types/contracts/appointment'
import type { ActionContext } from '../../_kit/handler'
import { db } from '../../_kit/cloud'
import { bookings, VISIBLE_STATUSES } from '../../_bookings/booking'
import { ownBooking, toView } from '../bookings'
import { bookingPolicy } from '../limits'

/** The caller's bookings, newest first (the latest 100: older ones are history). */
export async function myBookings(_input: object, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [{ data }, policy] = await Promise.all([
    bookings()
      .where({ openid, status: db().command.in([...VISIBLE_STATUSES]) })
      .orderBy('createdAt', 'desc')
      .limit(100)
      .get(),
    bookingPolicy(),
  ])
  return { bookings: data.map((b) => toView(b, ctx.now, policy)) }
}

export async function getBooking({ bookingId }: AppointmentInput<'getBooking'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [b, policy] = await Promise.all([ownBooking(bookingId, openid), bookingPolicy()])
  return toView(b, ctx.now, policy)
}
