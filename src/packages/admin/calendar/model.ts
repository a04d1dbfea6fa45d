import type { CalendarYearView } from '../../../../types/contracts/calendar'
import type { DayType } from '../../../../types/domain/working-days'
import { monthDay, weekdayOf } from '../../../utils/dates'

/**
 * The year view's pure rules: which type each date has (from the year's listed days plus the
 * weekday, computed in UTC from the date string: no time-zone library, no device clock), the
 * Monday-first weeks of a month, and the Chinese labels the page and the diff table use.
 */

export interface GridDay {
  date: string
  dom: number
  type: DayType
  name?: string
  /** The first day of a run of days off with the same name carries the name (春节), the others 休. */
  first: boolean
}

type Listed = CalendarYearView['days'][number]

const pad = (n: number) => String(n).padStart(2, '0')
const isWeekend = (date: string) => weekdayOf(date) % 6 === 0
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const prevDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

export function dayTypeOf(date: string, listed?: Listed): DayType {
  if (listed?.kind === 'off') return 'holiday'
  if (listed?.kind === 'work') return isWeekend(date) ? 'makeup' : 'workday'
  return isWeekend(date) ? 'weekend' : 'workday'
}

/** The weeks of one month, Monday first; `null` pads the days of the neighbouring months. */
export function monthWeeks(year: number, month: number, byDate: ReadonlyMap<string, Listed>): (GridDay | null)[][] {
  const first = `${year}-${pad(month)}-01`
  const cells: (GridDay | null)[] = Array.from({ length: (weekdayOf(first) + 6) % 7 }, () => null)
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`
    const listed = byDate.get(date)
    const type = dayTypeOf(date, listed)
    const before = byDate.get(prevDate(date))
    const first = type === 'holiday' && !(before?.kind === 'off' && before.name === listed?.name)
    cells.push({ date, dom: d, type, name: listed?.name, first })
  }
  while (cells.length % 7 !== 0) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7))
}

export const byDateOf = (days: readonly Listed[]) => new Map(days.map((d) => [d.date, d]))

/**
 * The year the page opens on: from 1 November the next one (when its holidays are announced and
 * deadlines start to reach into it), else this year. `today` is the server's Beijing date.
 */
export const defaultYear = (today: string) => Number(today.slice(0, 4)) + (today.slice(5) >= '11-01' ? 1 : 0)

/** 工作日 / 周末 / 休息日（春节） / 调休上班日（春节）, for the diff table. */
export function dayInfoLabel(info: { type: DayType; name?: string }): string {
  const named = (label: string) => (info.name ? `${label}（${info.name}）` : label)
  if (info.type === 'holiday') return named('休息日')
  if (info.type === 'makeup') return named('调休上班日')
  return info.type === 'weekend' ? '周末' : '工作日'
}

export const DAY_SETTINGS = [
  { value: 'off', label: '设为休息日' },
  { value: 'work', label: '设为调休上班日' },
  { value: 'default', label: '恢复为平常日' },
] as const
export type DaySetting = (typeof DAY_SETTINGS)[number]['value']

/** 2027-01-04 → 1月4日 */
export const shortDate = monthDay

/** A run of dates as the notices write it: 1月1日至3日, or one day 4月5日. */
export function rangeText(dates: readonly string[]): string {
  if (dates.length === 0) return ''
  const [a, b] = [dates[0], dates[dates.length - 1]]
  if (a === b) return shortDate(a)
  return `${shortDate(a)}至${a.slice(0, 7) === b.slice(0, 7) ? `${Number(b.slice(8, 10))}日` : shortDate(b)}`
}
