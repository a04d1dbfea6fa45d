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
  const overbooked = await resizeSeatsOf(input.windowId, input.date, input.capacity)
  await offerFreeSeatsOf(input.windowId, input.date, await slotsWith(next), ctx.now)
  return { windowId: input.windowId, date: input.date, capacity: input.capacity, overbooked }
}

/** Resizes the day's seat documents to `capacity`; answers the start times already holding more. */
async function resizeSeatsOf(windowId: string, date: string, capacity: number): Promise<string[]> {
  const made = await fetchAll<{ _id: string; start: string; capacity: number }>(COLLECTIONS.slotSeats, { windowId, date })
  const overbooked: string[] = []
  for (const seat of made.sort((a, b) => a.start.localeCompare(b.start)))
    if ((await resizeSeat(seat._id, capacity)).overbooked) overbooked.push(seat.start)
  return overbooked
}

/**
 * The window's usual number, for every day without its own: the window's schedule document keeps
 * it, and the seats of the days ahead that follow it are resized.
 */
export async function setWindowCapacity(input: AppointmentInput<'setWindowCapacity'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  assertActsAtWindow(caller, await getWindow(input.windowId))
  const stored = (await db().collection(COLLECTIONS.schedules).where({ _id: input.windowId }).limit(1).get()).data[0] ?? {}
  const { _id: _ignored, ...fields } = stored as Record<string, unknown>
  await db()
    .collection(COLLECTIONS.schedules)
    .doc(input.windowId)
    .set({ data: { ...fields, capacity: input.capacity, by: caller.staff?.staffNo ?? '', at: ctx.now } })
  const today = beijingDate(ctx.now)
  const _ = db().command
  const made = await fetchAll<Pick<SeatDoc, '_id' | 'date' | 'start'>>(
    COLLECTIONS.slotSeats,
    { windowId: input.windowId, date: _.gte(today) },
    { _id: true, date: true, start: true },
  )
  const dates = [...new Set(made.map((m) => m.date))]
  const own = await dayOverrides([input.windowId], dates)
  const overbooked: { date: string; start: string }[] = []
  for (const seat of made.sort((a, b) => a._id.localeCompare(b._id))) {
    if (own.get(dayKey(input.windowId, seat.date))?.capacity !== undefined) continue
    if ((await resizeSeat(seat._id, input.capacity)).overbooked) overbooked.push({ date: seat.date, start: seat.start })
  }
  // The seats a raise adds go to the 候补 queue first (oldest fitting entry), then to everyone.
  await offerFreeSeats(await openSlots({ windowIds: [input.windowId] }, 'horizon', ctx.now), ctx.now).catch((err) =>
    log.error('waitlist.offerFree', err),
  )
  return { windowId: input.windowId, capacity: input.capacity, overbooked }
}

/**
 * Sweep step: every seat document of the days ahead whose number differs from its day's (or else
 * its window's) is resized, so a change that died after saving the number still reaches every slot.
 */
export async function alignSeatCapacities(now: Date): Promise<number> {
  const _ = db().command
  const ahead = await fetchAll<Pick<SeatDoc, '_id' | 'windowId' | 'date' | 'capacity'>>(
    COLLECTIONS.slotSeats,
    { date: _.gte(beijingDate(now)) },
    { _id: true, windowId: true, date: true, capacity: true },
  )
  if (!ahead.length) return 0
  const windowIds = [...new Set(ahead.map((s) => s.windowId))]
  const [schedules, own] = await Promise.all([windowSchedules(windowIds), dayOverrides(windowIds, [...new Set(ahead.map((s) => s.date))])])
  let resized = 0
  for (const seat of ahead) {
    const want = own.get(dayKey(seat.windowId, seat.date))?.capacity ?? schedules.get(seat.windowId)!.capacity
    if (seat.capacity === want) continue
    // A seat being booked this very moment is resized on the next run.
    const done = await resizeSeat(seat._id, want).then(
      () => true,
      (err) => (log.error('appointment.alignSeats', err), false),
    )
    if (done) resized++
  }
  return resized
}
