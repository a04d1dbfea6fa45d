import { ticketSortKey } from '../../../types/domain/queue'
import { beijingDate } from '../../../types/domain/working-days'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import { getWindow } from '../../_kit/catalog'
import { bookings, releaseHolds, type BookingDoc } from '../../appointment/bookings'
import { issueTicket, toTicketView, windowsById } from '../tickets'

/**
 * Checks a booked citizen in at the hall by booking code (typed, or read from the QR code the app
 * shows) and gives them a ticket that queues ahead of walk-ins of the same slot.
 */
export async function checkIn({ code }: { code: string }, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { data } = await db().collection<BookingDoc>(COLLECTIONS.bookings).where({ code }).limit(1).get()
  const b = data[0]
  if (!b) throw notFound('预约码不存在，请核对')
  const window = await getWindow(b.windowId)
  assertActsAtWindow(caller, window)
  const today = beijingDate(ctx.now)
  if (b.status === 'checked_in') throw new AppError('CONFLICT', '该预约已取号')
  if (b.status !== 'booked') throw new AppError('CONFLICT', '该预约已取消或已过期，请现场取号')
  if (b.date !== today) throw new AppError('CONFLICT', `该预约的日期是${b.date}，不是今天`)
  if (ctx.now > new Date(b.endAt)) throw new AppError('CONFLICT', '预约时段已过，请现场取号')

  const { stats } = await bookings().where({ _id: b._id, status: 'booked' }).update({ data: { status: 'checked_in', checkedInAt: ctx.now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该预约已取号')
  const ticket = await issueTicket({
    date: today,
    prefix: window.queuePrefix,
    kind: 'booked',
    sortKeyOf: () => ticketSortKey({ kind: 'booked', slotStart: b.start, bookedAt: new Date(b.createdAt) }),
    matterId: b.matterId,
    matterName: b.matterName,
    openid: b.openid,
    bookingId: b._id,
    createdAt: ctx.now,
  })
  await Promise.all([bookings().doc(b._id).update({ data: { ticketId: ticket._id } }), releaseHolds(b, { seat: false })])
  return { ticket: await toTicketView(ticket, await windowsById()) }
}
