import type { AppointmentInput } from '../../../types/contracts/appointment'
import { daySlots, type DayOverride } from '../../../types/domain/schedule'
import { beijingDate } from '../../../types/domain/working-days'
import { getWindow } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import { dayKey, dayOverrides, windowSchedules } from '../schedules'
import { workCalendar } from '../../_kit/work-calendar'
import { offerFreeSeatsOf } from '../waitlist/offer'

async function prepare(windowId: string, date: string, ctx: ActionContext) {
  const caller = await ctx.caller()
  assertActsAtWindow(caller, await getWindow(windowId))
  if (date < beijingDate(ctx.now))
    throw new AppError('INVALID_INPUT', '不能修改过去的日期', [{ path: 'date', message: '请选择今天或以后的日期' }])
  const current: DayOverride = (await dayOverrides([windowId], [date])).get(dayKey(windowId, date)) ?? { closed: false, extraPeriods: [] }
  const save = (o: DayOverride & { reason?: string }) =>
    db()
      .collection(COLLECTIONS.scheduleDays)
      .doc(dayKey(windowId, date))
      .set({ data: { windowId, date, ...o, by: caller.staff?.staffNo ?? '', at: ctx.now } })
  return { current, save }
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
  const { current, save } = await prepare(input.windowId, input.date, ctx)
  if (current.closed) throw new AppError('CONFLICT', '该日已停止预约，不能增加时段')
  const next = { closed: false, extraPeriods: [...current.extraPeriods, input.period] }
  await save(next)
  const schedule = (await windowSchedules([input.windowId])).get(input.windowId)!
  const slots = daySlots(input.windowId, schedule, input.date, workCalendar().isWorkingDay(input.date), next)
  // The new seats go to the 候补 queue first (oldest fitting entry), then to everyone.
  await offerFreeSeatsOf(input.windowId, input.date, slots, ctx.now)
  return { windowId: input.windowId, date: input.date, slots: slots.length }
}
