import { z } from '../zod'
import { addCalendarDays, beijingDate } from './dates'
import type { WorkingDayCalendar } from './working-days'

/**
 * Window schedules and the slots they open. Pure: the appointment function and the booking
 * calendar page compute the same slots from the same inputs.
 */

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/
export const hhmmSchema = z.string().regex(HHMM, '时间格式应为HH:mm')
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
export const hhmmOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

export const periodSchema = z
  .object({ start: hhmmSchema, end: hhmmSchema })
  .refine((p) => minutesOf(p.start) < minutesOf(p.end), { message: '结束时间应晚于开始时间', path: ['end'] })
export type Period = z.infer<typeof periodSchema>

export const capacitySchema = z.number({ error: '请填写每时段名额' }).int('名额应为整数').min(1, '每时段至少1人').max(50, '每时段最多50人')

export const windowScheduleSchema = z.object({
  periods: z.array(periodSchema).min(1).max(6),
  /** The centre's rule: a slot is at most 30 minutes, so the queue stays predictable. */
  slotMinutes: z.number().int().min(5).max(30),
  capacity: capacitySchema,
  /** How many working days ahead (after today) can be booked. */
  horizonWorkingDays: z.number().int().min(1).max(30),
  /** A slot today can be booked until this many minutes before it starts. */
  sameDayCutoffMinutes: z.number().int().min(0).max(240),
})
export type WindowSchedule = z.infer<typeof windowScheduleSchema>

export const DEFAULT_SCHEDULE: WindowSchedule = {
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  slotMinutes: 30,
  capacity: 3,
  horizonWorkingDays: 10,
  sameDayCutoffMinutes: 30,
}

/** What staff changed for one window on one date: closed, extra hours (延时服务), or seats per slot. */
export interface DayOverride {
  closed: boolean
  extraPeriods: Period[]
  /** Seats per slot that day, instead of the window's usual number. */
  capacity?: number
}

export interface Slot {
  slotId: string
  windowId: string
  date: string
  start: string
  end: string
  capacity: number
}

/** Slot ids are deterministic (`win-03-20261126-0930`), so two requests for one slot always meet on one seat document. */
export const slotIdOf = (windowId: string, date: string, start: string) => `${windowId}-${date.replace(/-/g, '')}-${start.replace(':', '')}`

const SLOT_ID = /^([a-z0-9][a-z0-9-]*)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/
export function parseSlotId(slotId: string): { windowId: string; date: string; start: string } | undefined {
  const m = SLOT_ID.exec(slotId)
  return m ? { windowId: m[1], date: `${m[2]}-${m[3]}-${m[4]}`, start: `${m[5]}:${m[6]}` } : undefined
}
export const slotIdSchema = z
  .string()
  .max(64)
  .refine((s) => parseSlotId(s) !== undefined, '时段编号格式不正确')

/** The instant a Beijing wall-clock time happens (China keeps UTC+8 all year). */
export const beijingInstant = (date: string, hhmm: string): Date => new Date(`${date}T${hhmm}:00+08:00`)

/** The slots a window opens on a date: its hours on working days, plus any extra hours, unless closed. */
export function daySlots(windowId: string, schedule: WindowSchedule, date: string, isWorkingDay: boolean, override?: DayOverride): Slot[] {
  if (override?.closed) return []
  const periods = [...(isWorkingDay ? schedule.periods : []), ...(override?.extraPeriods ?? [])]
  const slots: Slot[] = []
  for (const p of periods) {
    for (let t = minutesOf(p.start); t + schedule.slotMinutes <= minutesOf(p.end); t += schedule.slotMinutes) {
      const start = hhmmOf(t)
      slots.push({
        slotId: slotIdOf(windowId, date, start),
        windowId,
        date,
        start,
        end: hhmmOf(t + schedule.slotMinutes),
        capacity: override?.capacity ?? schedule.capacity,
      })
    }
  }
  const seen = new Set<string>()
  return slots.filter((s) => (seen.has(s.slotId) ? false : (seen.add(s.slotId), true))).sort((a, b) => a.start.localeCompare(b.start))
}

/**
 * The dates open for booking: today and the next `horizon` working days, every calendar day in
 * between included (a weekend day can still open with extra hours). The calendar answers every
 * year (provisionally where no notice is entered yet), so the horizon crosses New Year as usual.
 */
export function bookableDates(now: Date, horizon: number, calendar: WorkingDayCalendar): string[] {
  const today = beijingDate(now)
  const dates = [today]
  for (let d = today, working = 0; working < horizon;) {
    d = addCalendarDays(d, 1)
    if (calendar.isWorkingDay(d)) working++
    dates.push(d)
  }
  return dates
}

/** Whether a slot can still be taken at `now`: it has not started within the same-day cut-off. */
export const isBeforeCutoff = (slot: Pick<Slot, 'date' | 'start'>, cutoffMinutes: number, now: Date): boolean =>
  beijingInstant(slot.date, slot.start).getTime() - cutoffMinutes * 60_000 > now.getTime()
