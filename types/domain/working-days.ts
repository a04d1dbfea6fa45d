import { getDayDetail } from 'chinese-days'
import { addCalendarDays, toUtcMs } from './dates'
import { statutoryHolidays } from './statutory-holidays'

/**
 * The centre's working-day calendar (工作日历) in Beijing dates (`YYYY-MM-DD`).
 *
 * A year is one of three things, in this order:
 *  1. a year the centre's administrator saved (the `calendar_years` collection): its listed days
 *     off and make-up working days, `official` once the State Council's notice is entered;
 *  2. a year chinese-days ships (2004–2026 in 1.5.7): official, from the notices it transcribes;
 *  3. any other year: provisional, the thirteen statutory days off (statutory-holidays.ts) and
 *     weekends, without 调休.
 * So every date has an answer: a deadline is never refused because a year is missing, and where
 * the answer is provisional the calendar says so (`spansProvisional`).
 */

export { addCalendarDays, beijingDate, isBeijingDate } from './dates'

/** First and last year chinese-days 1.5.7 has data for (`dist/years/*.json`; a unit test keeps this honest). */
export const LIBRARY_YEARS = { first: 2004, last: 2026 } as const

export { CALENDAR_YEARS } from './calendar-years'

export type YearStatus = 'official' | 'provisional'

/** A date that differs from the Monday–Friday week: a day off (法定节假日 or 调休休息) or a make-up working day (调休上班). */
export interface CalendarDay {
  date: string
  kind: 'off' | 'work'
  name: string
}

export interface CalendarSource {
  /** 国务院办公厅关于2027年部分节假日安排的通知, or how the year came to be. */
  title: string
  /** 国办发明电〔2026〕N号 */
  number?: string
  url?: string
}

export interface CalendarYear {
  year: number
  status: YearStatus
  /** Every day of the year that is not an ordinary weekday or weekend day, sorted. */
  days: CalendarDay[]
  source?: CalendarSource
}

export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup'

export interface DayInfo {
  date: string
  working: boolean
  type: DayType
  /** The holiday's name for a day off or a make-up day. */
  name?: string
}

export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean
  /** The n-th working day after `date` (n ≥ 1); n = 0 gives `date` itself if it is a working day, else the next one. */
  addWorkingDays(date: string, n: number): string
  /** Working days in the half-open range (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number
  dayInfo(date: string): DayInfo
  /** The year as the calendar answers it: stored, from the library, or provisional. */
  year(year: number): CalendarYear
  /** Whether any date from `from` to `to` (inclusive) lies in a provisional year. */
  spansProvisional(from: string, to: string): boolean
}

const yearOf = (date: string) => Number(date.slice(0, 4))
const isWeekend = (date: string) => {
  const weekday = new Date(toUtcMs(date)).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** The notices' names for the holidays chinese-days abbreviates. */
const NOTICE_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' }

/** A year chinese-days ships, read day by day (its names look like "Spring Festival,春节,4"). */
export function libraryYear(year: number): CalendarYear {
  const days: CalendarDay[] = []
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addCalendarDays(d, 1)) {
    const { work, name } = getDayDetail(d)
    const label = name.split(',')[1]
    // Weekday names ("Saturday") carry no comma: an ordinary day, not listed.
    if (label) days.push({ date: d, kind: work ? 'work' : 'off', name: NOTICE_NAMES[label] ?? label })
  }
  return { year, status: 'official', days, source: { title: `国务院办公厅关于${year}年部分节假日安排的通知（随 chinese-days 收录）` } }
}

/** A year no notice has been entered for: the statutory days off and weekends. */
export function provisionalYear(year: number): CalendarYear {
  return {
    year,
    status: 'provisional',
    days: statutoryHolidays(year).map((d) => ({ date: d.date, kind: 'off' as const, name: d.name })),
    source: { title: '按《全国年节及纪念日放假办法》推算（国务院尚未公布放假安排）' },
  }
}

export const isLibraryYear = (year: number) => year >= LIBRARY_YEARS.first && year <= LIBRARY_YEARS.last

/** The year when nothing is stored for it. */
export const builtInYear = (year: number): CalendarYear => (isLibraryYear(year) ? libraryYear(year) : provisionalYear(year))

export function createWorkingDayCalendar(stored: readonly CalendarYear[] = []): WorkingDayCalendar {
  const storedYears = new Map(stored.map((y) => [y.year, y]))
  // A notice may reach into the neighbouring year (「2022年12月31日至2023年1月2日放假」): such days
  // overrule that year's own entry, being the later decision.
  const reaching = new Map<number, CalendarDay[]>()
  for (const y of stored)
    for (const d of y.days) if (yearOf(d.date) !== y.year) reaching.set(yearOf(d.date), [...(reaching.get(yearOf(d.date)) ?? []), d])
  const resolved = new Map<number, { year: CalendarYear; byDate: Map<string, CalendarDay> }>()
  const resolve = (y: number) => {
    let r = resolved.get(y)
    if (!r) {
      const year = storedYears.get(y) ?? builtInYear(y)
      r = { year, byDate: new Map([...year.days, ...(reaching.get(y) ?? [])].map((d) => [d.date, d])) }
      resolved.set(y, r)
    }
    return r
  }

  const dayInfo = (date: string): DayInfo => {
    const weekend = isWeekend(date)
    const listed = resolve(yearOf(date)).byDate.get(date)
    if (listed?.kind === 'off') return { date, working: false, type: 'holiday', name: listed.name }
    if (listed?.kind === 'work') return { date, working: true, type: weekend ? 'makeup' : 'workday', name: listed.name }
    return { date, working: !weekend, type: weekend ? 'weekend' : 'workday' }
  }
  const isWorkingDay = (date: string) => dayInfo(date).working

  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('工作日数必须是非负整数')
    let d = date
    if (n === 0) {
      while (!isWorkingDay(d)) d = addCalendarDays(d, 1)
      return d
    }
    for (let left = n; left > 0;) {
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

  const spansProvisional = (from: string, to: string) => {
    const [a, b] = from <= to ? [from, to] : [to, from]
    for (let y = yearOf(a); y <= yearOf(b); y++) if (resolve(y).year.status === 'provisional') return true
    return false
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, dayInfo, year: (y) => resolve(y).year, spansProvisional }
}

/**
 * The calendar from built-in data only (the library's years, provisional beyond). The cloud
 * functions use the centre's calendar instead (cloudfunctions/_kit/work-calendar.ts); this one
 * serves pure rules and tests.
 */
export const builtInCalendar = createWorkingDayCalendar()
