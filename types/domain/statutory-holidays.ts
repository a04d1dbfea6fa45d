import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days'
import { addCalendarDays } from './dates'

/**
 * The days off the statute itself fixes, for a year whose schedule the State Council has not
 * published yet: 《全国年节及纪念日放假办法》 as revised by 国务院令第795号 (in force 2025-01-01),
 * art. 2: 元旦 1 day (1 January); 春节 4 days (除夕 and 正月初一至初三); 清明节 1 day (the solar term);
 * 劳动节 2 days (1–2 May); 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (1–3 October).
 * Thirteen days. Nothing else is computed: 调休 and the compensation of a holiday that falls on a
 * weekend (art. 6–7) are decided by each year's notice, so a provisional year has no make-up days.
 * Lunar dates and 清明 come from chinese-days' lunar and solar-term data, never a hand-written table.
 */

export interface StatutoryDay {
  date: string
  name: string
}

/** The years chinese-days' lunar table covers (its data runs 1900–2100). */
export const LUNAR_YEARS = { first: 1901, last: 2099 } as const

const pad = (n: number) => String(n).padStart(2, '0')
const lunar = (year: number, month: number, day: number) => getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date
const run = (from: string, days: number, name: string): StatutoryDay[] =>
  Array.from({ length: days }, (_, i) => ({ date: addCalendarDays(from, i), name }))

export function statutoryHolidays(year: number): StatutoryDay[] {
  if (!Number.isInteger(year) || year < LUNAR_YEARS.first || year > LUNAR_YEARS.last) return []
  const newYear = lunar(year, 1, 1)
  const days = [
    { date: `${year}-01-01`, name: '元旦' },
    // 除夕 is the last day of the twelfth lunar month, whether it has 29 or 30 days: the eve of 正月初一.
    ...run(addCalendarDays(newYear, -1), 4, '春节'),
    { date: getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    ...run(`${year}-05-01`, 2, '劳动节'),
    { date: lunar(year, 5, 5), name: '端午节' },
    { date: lunar(year, 8, 15), name: '中秋节' },
    ...run(`${year}-10-01`, 3, '国庆节'),
  ]
  // 中秋 can fall on 1–3 October (2031, 2039): one day off with both names, as the notices write it.
  const byDate = new Map<string, string>()
  for (const d of days) byDate.set(d.date, byDate.has(d.date) ? `${d.name}、${byDate.get(d.date)}` : d.name)
  return [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date))
}
