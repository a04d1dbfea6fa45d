import type { QueueInput } from '../../../types/contracts/queue'
import { ticketSortKey } from '../../../types/domain/queue'
import { beijingDate } from '../../../types/domain/working-days'
import { db } from '../../_kit/cloud'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { releaseAll } from '../../_kit/rollback'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import { getWindow } from '../../_kit/catalog'
import { bookings, releaseHolds, VISIBLE_STATUSES, type BookingDoc } from '../../_bookings/booking'
import { settleAt } from '../../_kit/settle-time'
import { issueTicket, tickets, toTicketView, windowsById, type TicketDoc } from '../tickets'

/** Past this, a check-in that marked its booking but wrote no ticket is taken to have died (the function's timeout is 10 s). */
const RESUME_AFTER_MS = 30_000

/**
 * Checks a booked citizen in at the hall by booking code (typed, or read from the QR code the app
 * shows) and gives them a ticket that queues ahead of walk-ins of the same slot. The booking is
 * marked checked in first (the compare-and-set that keeps two counters from both issuing), then the
 * ticket is issued; if that fails the mark is undone, so the booking is never left without a
 * ticket. A check-in that died in between is finished by the next attempt at the counter, or put
 * back by the appointment sweeper. The account's quota and lock go back once the ticket is linked.
 */
export async function checkIn({ code }: QueueInput<'checkIn'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { data } = await bookings()
    .where({ code, status: db().command.in([...VISIBLE_STATUSES]) })
    .limit(1)
    .get()
  const b = data[0]
  if (!b) throw notFound('预约码不存在，请核对')
  const window = await getWindow(b.windowId)
  assertActsAtWindow(caller, window)
  const today = beijingDate(ctx.now)
  if (b.status === 'checked_in')
    return { ticket: await toTicketView(await resume(b, window.queuePrefix, today, ctx.now), await windowsById()) }
  if (b.status !== 'booked') throw new AppError('CONFLICT', '该预约已取消或已过期，请现场取号')
  if (b.date !== today) throw new AppError('CONFLICT', `该预约的日期是${b.date}，不是今天`)
  if (ctx.now > new Date(b.endAt)) throw new AppError('CONFLICT', '预约时段已过，请现场取号')

  const { stats } = await bookings()
    .where({ _id: b._id, status: 'booked' })
    .update({ data: { status: 'checked_in', checkedInAt: ctx.now, settleBy: settleAt(ctx.now) } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该预约已取号')
  let ticket: TicketDoc
  try {
    ticket = await issueFor(b, window.queuePrefix, today, ctx.now)
  } catch (e) {
    const _ = db().command
    await releaseAll('queue.checkIn.rollback', [
      bookings()
        .where({ _id: b._id, status: 'checked_in', ticketId: _.exists(false) })
        .update({ data: { status: 'booked', checkedInAt: _.remove() } }),
    ])
    throw e
  }
  await link(b, ticket)
  return { ticket: await toTicketView(ticket, await windowsById()) }
}

const issueFor = (b: BookingDoc, prefix: string, today: string, now: Date) =>
  issueTicket({
    date: today,
    prefix,
    kind: 'booked',
    sortKeyOf: () => ticketSortKey({ kind: 'booked', slotStart: b.start, bookedAt: new Date(b.createdAt) }),
    matterId: b.matterId,
    matterName: b.matterName,
    openid: b.openid,
    bookingId: b._id,
    createdAt: now,
  })

async function link(b: BookingDoc, ticket: TicketDoc): Promise<void> {
  await Promise.all([
    bookings()
      .where({ _id: b._id, status: 'checked_in' })
      .update({ data: { ticketId: ticket._id } }),
    releaseHolds(b, { seat: false }),
  ])
}

/** A booking already checked in: its ticket, or (when the check-in that marked it died) the ticket it never got. */
async function resume(b: BookingDoc, prefix: string, today: string, now: Date): Promise<TicketDoc> {
  if (b.ticketId) throw new AppError('CONFLICT', '该预约已取号')
  const issued = (await tickets().where({ bookingId: b._id }).limit(1).get()).data[0]
  if (issued) {
    await link(b, issued)
    return issued
  }
  if (now.getTime() - new Date(b.checkedInAt ?? b.createdAt).getTime() < RESUME_AFTER_MS)
    throw new AppError('CONFLICT', '正在为该预约取号，请稍后刷新')
  const ticket = await issueFor(b, prefix, today, now)
  await link(b, ticket)
  return ticket
}
