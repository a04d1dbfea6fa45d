import type { AppointmentInput } from '../../../types/contracts/appointment'
import { beijingDate } from '../../../types/domain/working-days'
import { resizeSeat, type SeatDoc } from '../../_bookings/seats'
import { getWindow } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import { fetchAll } from '../../_kit/fetchAll'
import type { ActionContext } from '../../_kit/handler'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import { dayKey, dayOverrides, openSlots, windowSchedules } from '../schedules'
import { log } from '../../_kit/log'
import { offerFreeSeats, offerFreeSeatsOf } from '../waitlist/offer'
import { prepare } from './manageDays'

/**
 * Seats per slot. A slot's number is its day's (setCapacity) or else its window's (setWindowCapacity);
 * the number is saved first, so every seat document made from then on has it, and the seats
 * already made are resized one by one (a compare-and-set each, keeping every booking). Were the
 * function to die between, the booking sweeper resizes the rest (alignSeatCapacities).
 */

/** One date of a window: its own number, whatever the window's usual one. */
export async function setCapacity(input: AppointmentInput<'setCapacity'>, ctx: ActionContext) {
  const { current, save, slotsWith } = await prepare(input.windowId, input.date, ctx)
  if (current.closed) throw new AppError('CONFLICT', '该日已停止预约，不能调整名额')
  const next = { ...current, capacity: input.capacity }
  await save(next)
  const { overbooked } = await alignSeats({ windowId: input.windowId, date: input.date })
  await offerFreeSeatsOf(input.windowId, input.date, await slotsWith(next), ctx.now)
  return { windowId: input.windowId, date: input.date, capacity: input.capacity, overbooked: overbooked.map((o) => o.start) }
}

/** The window's usual number, for every day without its own (kept in the window's schedule document). */
export async function setWindowCapacity(input: AppointmentInput<'setWindowCapacity'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  assertActsAtWindow(caller, await getWindow(input.windowId))
  const change = { capacity: input.capacity, by: caller.staff?.staffNo ?? '', at: ctx.now }
  // One field of the schedule changes; a window without a schedule document gets one (the defaults fill the rest).
  const { stats } = await db().collection(COLLECTIONS.schedules).where({ _id: input.windowId }).update({ data: change })
  if (stats.updated === 0) await db().collection(COLLECTIONS.schedules).doc(input.windowId).set({ data: change })
  const { overbooked } = await alignSeats({ windowId: input.windowId, date: db().command.gte(beijingDate(ctx.now)) })
  // The seats a raise adds go to the 候补 queue first (oldest fitting entry), then to everyone.
  await offerFreeSeats(await openSlots({ windowIds: [input.windowId] }, 'horizon', ctx.now), ctx.now).catch((err) =>
    log.error('waitlist.offerFree', err),
  )
  return { windowId: input.windowId, capacity: input.capacity, overbooked }
}

/** Sweep step: every seat of the days ahead gets its number, so a change that died half-way reaches every slot. */
export async function alignSeatCapacities(now: Date): Promise<number> {
  return (await alignSeats({ date: db().command.gte(beijingDate(now)) })).resized
}

type SeatCount = Pick<SeatDoc, '_id' | 'windowId' | 'date' | 'start' | 'capacity' | 'remaining'>

/**
 * Gives every seat document `where` selects its number: its day's own, or else its window's. Answers
 * how many it resized and the slots holding more people than their number (their bookings stay).
 * A seat it cannot resize now (booked at this very moment, again and again) is left to the next sweep.
 */
async function alignSeats(where: Record<string, unknown>): Promise<{ resized: number; overbooked: { date: string; start: string }[] }> {
  const made = await fetchAll<SeatCount>(COLLECTIONS.slotSeats, where, {
    _id: true,
    windowId: true,
    date: true,
    start: true,
    capacity: true,
    remaining: true,
  })
  const out = { resized: 0, overbooked: [] as { date: string; start: string }[] }
  if (!made.length) return out
  const windowIds = [...new Set(made.map((s) => s.windowId))]
  const [schedules, own] = await Promise.all([windowSchedules(windowIds), dayOverrides(windowIds, [...new Set(made.map((s) => s.date))])])
  for (const seat of made.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))) {
    const want = own.get(dayKey(seat.windowId, seat.date))?.capacity ?? schedules.get(seat.windowId)!.capacity
    // Below zero: more hold the slot than its number (see resizeSeat).
    let over = seat.remaining < 0
    if (seat.capacity !== want) {
      const r = await resizeSeat(seat._id, want).catch((err) => void log.error('appointment.alignSeats', err))
      if (r) {
        out.resized++
        over = r.overbooked
      }
    }
    if (over) out.overbooked.push({ date: seat.date, start: seat.start })
  }
  return out
}
