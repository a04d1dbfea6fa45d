import type { Matter } from '../../types/domain/catalog'
import {
  bookableDates,
  daySlots,
  DEFAULT_SCHEDULE,
  isBeforeCutoff,
  parseSlotId,
  windowScheduleSchema,
  type DayOverride,
  type Slot,
  type WindowSchedule,
} from '../../types/domain/schedule'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError } from '../_kit/errors'
import { fetchAll } from '../_kit/fetchAll'
import { workCalendar } from '../_kit/work-calendar'

/** A window's schedule: its document in `schedules` over the centre's defaults. */
export async function windowSchedules(windowIds: string[]): Promise<Map<string, WindowSchedule>> {
  const docs = await fetchAll<Record<string, unknown>>(COLLECTIONS.schedules, { _id: db().command.in(windowIds) })
  const byId = new Map(docs.map((d) => [String(d._id), d]))
  return new Map(windowIds.map((id) => [id, windowScheduleSchema.parse({ ...DEFAULT_SCHEDULE, ...byId.get(id), _id: undefined })]))
}

export const dayKey = (windowId: string, date: string) => `${windowId}-${date}`

export async function dayOverrides(windowIds: string[], dates: string[]): Promise<Map<string, DayOverride>> {
  const _ = db().command
  const docs = await fetchAll<DayOverride & { windowId: string; date: string }>(COLLECTIONS.scheduleDays, {
    windowId: _.in(windowIds),
    date: _.in(dates),
  })
  return new Map(docs.map((d) => [dayKey(d.windowId, d.date), d]))
}

/** Every slot of the matter's windows (or any windows) on the given dates that can still be booked at `now`. */
export async function openSlots(matter: Pick<Matter, 'windowIds'>, dates: string[] | 'horizon', now: Date): Promise<Slot[]> {
  const schedules = await windowSchedules(matter.windowIds)
  const datesOf = (s: WindowSchedule) => bookableDates(now, s.horizonWorkingDays, workCalendar())
  const wanted = dates === 'horizon' ? [...new Set([...schedules.values()].flatMap(datesOf))] : dates
  const overrides = await dayOverrides(matter.windowIds, wanted)
  return matter.windowIds.flatMap((windowId) => {
    const schedule = schedules.get(windowId)!
    const open = new Set(datesOf(schedule))
    return wanted
      .filter((d) => open.has(d))
      .flatMap((d) => daySlots(windowId, schedule, d, workCalendar().isWorkingDay(d), overrides.get(dayKey(windowId, d))))
      .filter((s) => isBeforeCutoff(s, schedule.sameDayCutoffMinutes, now))
  })
}

/** The latest date any of the matter's windows can be booked for. */
export async function horizonOf(matter: Matter, now: Date): Promise<string[]> {
  const schedules = await windowSchedules(matter.windowIds)
  return [...new Set([...schedules.values()].flatMap((s) => bookableDates(now, s.horizonWorkingDays, workCalendar())))].sort()
}

/** The slot a booking asks for, if the matter is booked at that window and the slot is open now. */
export async function bookableSlot(slotId: string, matter: Matter, now: Date): Promise<Slot> {
  return slotIn(matter, slotId, await slotSchedule(slotId), now)
}

/**
 * What decides whether a slot is open: its window's schedule and the day's override, read side by
 * side (a booking waits for one round trip, not two). Undefined for a malformed slot id.
 */
export async function slotSchedule(slotId: string): Promise<{ schedule: WindowSchedule; override?: DayOverride } | undefined> {
  const parsed = parseSlotId(slotId)
  if (!parsed) return undefined
  const [schedules, overrides] = await Promise.all([windowSchedules([parsed.windowId]), dayOverrides([parsed.windowId], [parsed.date])])
  return { schedule: schedules.get(parsed.windowId)!, override: overrides.get(dayKey(parsed.windowId, parsed.date)) }
}

/** The slot, checked against the matter and the schedule read by slotSchedule; refused with the reason otherwise. */
export function slotIn(matter: Matter, slotId: string, read: Awaited<ReturnType<typeof slotSchedule>>, now: Date): Slot {
  const refuse = (message: string) => new AppError('INVALID_INPUT', message, [{ path: 'slotId', message }])
  const parsed = parseSlotId(slotId)
  if (!parsed || !read) throw refuse('时段编号格式不正确')
  if (!matter.flags.appointment)
    throw new AppError('INVALID_INPUT', '该事项无需预约，可直接到大厅办理', [{ path: 'matterId', message: '该事项不提供预约' }])
  if (!matter.windowIds.includes(parsed.windowId)) throw refuse('该窗口不办理此事项')
  const { schedule, override } = read
  const open = bookableDates(now, schedule.horizonWorkingDays, workCalendar()).includes(parsed.date)
  const slot = open
    ? daySlots(parsed.windowId, schedule, parsed.date, workCalendar().isWorkingDay(parsed.date), override).find(
        (s) => s.slotId === slotId && isBeforeCutoff(s, schedule.sameDayCutoffMinutes, now),
      )
    : undefined
  if (!slot) throw refuse('该时段不开放预约或已截止，请选择其他时段')
  return slot
}
