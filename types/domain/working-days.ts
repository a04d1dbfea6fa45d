import { isWorkday as libraryIsWorkday } from 'chinese-days'
import defaultOverrides from './holiday-overrides.json'
import { addCalendarDays, toUtcMs, WorkingDayCalendarError } from './dates'

/**
 * Working days in Beijing dates (`YYYY-MM-DD`), from the official holiday calendar.
 *
 * chinese-days ships one year at a time and silently treats a year it has no data for as an
 * ordinary Monday-Friday year (measured: it calls 2027-01-01 a working day). A deadline computed
 * that way would be wrong without warning, so every question about a year outside the data is
 * refused with WorkingDayCalendarError until the library is updated or the year is added to
 * holiday-overrides.json.
 */

/** First and last year chinese-days 1.5.7 has data for (`dist/years/*.json`; a unit test keeps this honest). */
export const LIBRARY_YEARS = { first: 2004, last: 2026 } as const

export interface HolidayOverrides {
  years: Record<string, { holidays: string[]; workdays: string[] }>
}

export { addCalendarDays, beijingDate, isBeijingDate, WorkingDayCalendarError } from './dates'

export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean
  /** The n-th working day after `date` (n ≥ 1); n = 0 gives `date` itself if it is a working day, else the next one. */
  addWorkingDays(date: string, n: number): string
  /** Working days in the half-open range (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number
  coversYear(year: number): boolean
}

export function createWorkingDayCalendar(overrides: HolidayOverrides = { years: {} }): WorkingDayCalendar {
  const overrideYears = new Map(
    Object.entries(overrides.years).map(([y, v]) => [Number(y), { off: new Set(v.holidays), on: new Set(v.workdays) }]),
  )
  const coversYear = (year: number) =>
    overrideYears.has(year) || (year >= LIBRARY_YEARS.first && year <= LIBRARY_YEARS.last)

  const isWorkingDay = (date: string): boolean => {
    const year = new Date(toUtcMs(date)).getUTCFullYear()
    if (!coversYear(year)) throw new WorkingDayCalendarError(year)
    const o = overrideYears.get(year)
    if (o) {
      if (o.on.has(date)) return true
      if (o.off.has(date)) return false
      if (year > LIBRARY_YEARS.last) {
        const weekday = new Date(toUtcMs(date)).getUTCDay()
        return weekday !== 0 && weekday !== 6
      }
    }
    return libraryIsWorkday(date)
  }

  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('工作日数必须是非负整数')
    let d = date
    if (n === 0) {
      while (!isWorkingDay(d)) d = addCalendarDays(d, 1)
      return d
    }
    for (let left = n; left > 0; ) {
      d = addCalendarDays(d, 1)
      if (isWorkingDay(d)) left--
    }
    return d
  }

  const workingDaysBetween = (from: string, to: string): number => {
    if (to < from) return -workingDaysBetween(to, from)
    let count = 0
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) count++
    return count
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, coversYear }
}

/** The calendar the product uses: the library plus the project's override file. */
export const workingDays = createWorkingDayCalendar(defaultOverrides as HolidayOverrides)
