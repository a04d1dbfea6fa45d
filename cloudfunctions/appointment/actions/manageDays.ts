import type { AppointmentInput, WindowDay } from '../../../types/contracts/appointment'
import { bookableDates, daySlots, type DayOverride, type WindowSchedule } from '../../../types/domain/schedule'
import { beijingDate } from '../../../types/domain/working-days'
import { getWindow } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import { fetchAll } from '../../_kit/fetchAll'
import type { ActionContext } from '../../_kit/handler'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import { dayKey, dayOverrides, windowSchedules } from '../schedules'
import { workCalendar } from '../../_kit/work-calendar'
import { offerFreeSeatsOf } from '../waitlist/offer'
import type { EntryDoc } from '../waitlist/store'

type StoredOverride = DayOverride & { reason?: string }

/** The override's own fields, without the stored document's id and audit fields. */
const overrideOf = (doc?: StoredOverride): StoredOverride => ({
  closed: doc?.closed ?? false,
  extraPeriods: doc?.extraPeriods ?? [],
  ...(doc?.capacity !== undefined ? { capacity: doc.capacity } : {}),
  ...(doc?.closed && doc.reason ? { reason: doc.reason } : {}),
})

export async function prepare(windowId: string, date: string, ctx: ActionContext) {
  const caller = await ctx.caller()
  assertActsAtWindow(caller, await getWindow(windowId))
  if (date < beijingDate(ctx.now))
    throw new AppError('INVALID_INPUT', '不能修改过去的日期', [{ path: 'date', message: '请选择今天或以后的日期' }])
  const current = overrideOf((await dayOverrides([windowId], [date])).get(dayKey(windowId, date)))
  const save = (o: StoredOverride) =>
    db()
      .collection(COLLECTIONS.scheduleDays)
      .doc(dayKey(windowId, date))
      .set({ data: { windowId, date, ...o, by: caller.staff?.staffNo ?? '', at: ctx.now } })
  const slotsWith = async (o: DayOverride) => {
    const schedule = (await windowSchedules([windowId])).get(windowId)!
    return daySlots(windowId, schedule, date, workCalendar().isWorkingDay(date), o)
  }
  return { current, save, slotsWith }
}

/**
 * Stops bookings at a window on a date. Existing bookings are people who planned their day
 * around it, so a date that has any is refused: staff reschedule them with the citizens first.
 * The day is closed before counting, so a booking cannot slip in between.
 */
export async function closeDate(input: AppointmentInput<'closeDate'>, ctx: ActionContext) {
  const { current, save } = await prepare(input.windowId, input.date, ctx)
  await save({ ...current, closed: true, reason: input.reason })
  // Pending ones too: a booking being made right now would otherwise slip in after the count.
  const { total } = await db()
    .collection(COLLECTIONS.bookings)
    .where({ windowId: input.windowId, date: input.date, status: db().command.in(['booked', 'pending']) })
    .count()
  if (total > 0) {
    await save(current)
    throw new AppError('CONFLICT', `该日已有${total}个预约，不能停止预约，请先联系群众改约`)
  }
  return { windowId: input.windowId, date: input.date, closed: true as const }
}

/** Adds extended hours (延时服务) to a window's date, weekends and holidays included. */
export async function addHours(input: AppointmentInput<'addHours'>, ctx: ActionContext) {
  const { current, save, slotsWith } = await prepare(input.windowId, input.date, ctx)
  if (current.closed) throw new AppError('CONFLICT', '该日已停止预约，不能增加时段')
  const next = { ...current, extraPeriods: [...current.extraPeriods, input.period] }
  await save(next)
  const slots = await slotsWith(next)
  // The new seats go to the 候补 queue first (oldest fitting entry), then to everyone.
  await offerFreeSeatsOf(input.windowId, input.date, slots, ctx.now)
  return { windowId: input.windowId, date: input.date, slots: slots.length }
}

/**
 * The window's bookable days as its lead plans them: today to the end of its booking horizon,
 * every calendar day (a rest day can open with extra hours), each with its hours, seats per slot,
 * bookings and the 候补 entries waiting for it.
 */
export async function windowDays(input: AppointmentInput<'windowDays'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  assertActsAtWindow(caller, await getWindow(input.windowId))
  const schedule = (await windowSchedules([input.windowId])).get(input.windowId)!
  const today = beijingDate(ctx.now)
  const dates = bookableDates(ctx.now, schedule.horizonWorkingDays, workCalendar())
  const _ = db().command
  const [overrides, booked, waiting] = await Promise.all([
    dayOverrides([input.windowId], dates),
    fetchAll<{ date: string }>(
      COLLECTIONS.bookings,
      { windowId: input.windowId, date: _.in(dates), status: _.in(['pending', 'booked', 'checked_in']) },
      { date: true },
    ),
    fetchAll<Pick<EntryDoc, 'from' | 'to'>>(
      COLLECTIONS.waitlist,
      { status: 'waiting', windowIds: input.windowId, to: _.gte(today) },
      { from: true, to: true },
    ),
  ])
  const days = dates.map((date) =>
    dayOf(input.windowId, date, schedule, overrides.get(dayKey(input.windowId, date)), {
      booked: booked.filter((b) => b.date === date).length,
      waiting: waiting.filter((e) => e.from <= date && date <= e.to).length,
    }),
  )
  return { windowId: input.windowId, capacity: schedule.capacity, today, days }
}

function dayOf(
  windowId: string,
  date: string,
  schedule: WindowSchedule,
  stored: StoredOverride | undefined,
  counts: { booked: number; waiting: number },
): WindowDay {
  const o = overrideOf(stored)
  const workingDay = workCalendar().isWorkingDay(date)
  const capacity = o.capacity ?? schedule.capacity
  return {
    date,
    workingDay,
    closed: o.closed,
    ...(o.reason ? { reason: o.reason } : {}),
    periods: workingDay ? schedule.periods : [],
    extraPeriods: o.extraPeriods,
    capacity,
    capacityChanged: capacity !== schedule.capacity,
    slots: daySlots(windowId, schedule, date, workingDay, o).length,
    ...counts,
  }
}
