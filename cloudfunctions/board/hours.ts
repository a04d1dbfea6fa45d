import { closingMinutes } from '../../types/domain/board'
import { DEFAULT_SCHEDULE, windowScheduleSchema, type DayOverride } from '../../types/domain/schedule'
import { windowsById } from '../_kit/catalog'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { workCalendar } from '../_kit/work-calendar'

/**
 * When the hall closes on `date`, in minutes after midnight (Beijing), from the windows' booking
 * schedules (the `schedules` documents over the centre's defaults) and the day's closures and
 * 延时服务 hours (`schedule_days`), as the appointment function opens slots; null when no window opens.
 */
export async function closingOf(date: string): Promise<number | null> {
  const windows = await windowsById()
  const [schedules, days] = await Promise.all([
    fetchAll<Record<string, unknown>>(COLLECTIONS.schedules),
    fetchAll<DayOverride & { windowId: string }>(COLLECTIONS.scheduleDays, { windowId: db().command.in([...windows.keys()]), date }),
  ])
  const scheduleOf = new Map(schedules.map((s) => [String(s._id), s]))
  const dayOf = new Map(days.map((d) => [d.windowId, d]))
  return closingMinutes(
    [...windows.keys()].map((id) => {
      const parsed = windowScheduleSchema.safeParse({ ...DEFAULT_SCHEDULE, ...scheduleOf.get(id), _id: undefined })
      const day = dayOf.get(id)
      return {
        periods: parsed.success ? parsed.data.periods : DEFAULT_SCHEDULE.periods,
        extraPeriods: day?.extraPeriods ?? [],
        closed: day?.closed ?? false,
      }
    }),
    workCalendar().isWorkingDay(date),
  )
}
