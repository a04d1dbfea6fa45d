import { addCalendarDays } from './dates'
import type { ParsedNotice } from './holiday-notice'
import type { CalendarDay, CalendarSource, CalendarYear, DayInfo, WorkingDayCalendar } from './working-days'

/**
 * What an administrator's change does to a year of the working-day calendar, as pure rules: the
 * year it proposes, the days that differ, and whether the staff should be warned about a year
 * that is still provisional.
 */

export type DaySetting = 'off' | 'work' | 'default'

/** A notice replaces the whole year and makes it official. */
export function yearFromNotice(notice: ParsedNotice, source: CalendarSource): CalendarYear {
  return { year: notice.year, status: 'official', days: notice.days.map((d) => ({ ...d })), source }
}

/** One day set by hand keeps the year's status: an official year stays official, a provisional one provisional. */
export function yearWithDay(current: CalendarYear, date: string, set: DaySetting, name: string | undefined): CalendarYear {
  const days: CalendarDay[] = current.days.filter((d) => d.date !== date)
  if (set !== 'default') days.push({ date, kind: set, name: name ?? (set === 'off' ? '休息日' : '调休上班') })
  return { ...current, days: days.sort((a, b) => a.date.localeCompare(b.date)) }
}

export interface DayDiff {
  date: string
  before: Omit<DayInfo, 'date'>
  after: Omit<DayInfo, 'date'>
}

const same = (a: DayInfo, b: DayInfo) => a.working === b.working && a.type === b.type && (a.name ?? '') === (b.name ?? '')
const strip = ({ date: _date, ...rest }: DayInfo) => rest

/**
 * Every date whose answer differs between two calendars, over the year and the month on each side
 * (a notice may reach into the neighbouring year around New Year).
 */
export function diffCalendars(before: WorkingDayCalendar, after: WorkingDayCalendar, year: number): DayDiff[] {
  const out: DayDiff[] = []
  for (let d = `${year - 1}-12-01`; d <= `${year + 1}-01-31`; d = addCalendarDays(d, 1)) {
    const a = before.dayInfo(d)
    const b = after.dayInfo(d)
    if (!same(a, b)) out.push({ date: d, before: strip(a), after: strip(b) })
  }
  return out
}

/** Dates that stopped being working days: bookings on them need the citizen to reschedule. */
export const closedDates = (diff: readonly DayDiff[]) => diff.filter((d) => d.before.working && !d.after.working).map((d) => d.date)

/** From 1 November, staff are warned about next year as well as the current one while it is provisional. */
export const WARN_FROM_MONTH_DAY = '11-01'

export function provisionalYearsToWarn(today: string, cal: WorkingDayCalendar): number[] {
  const year = Number(today.slice(0, 4))
  const candidates = today.slice(5) >= WARN_FROM_MONTH_DAY ? [year, year + 1] : [year]
  return candidates.filter((y) => cal.year(y).status === 'provisional')
}

export const provisionalBannerText = (years: readonly number[]) =>
  `${years.join('、')}年放假安排国务院尚未公布，相关期限和预约日期暂按法定节假日推算。公布后请系统管理员在「工作日历」中录入通知，期限将自动更新。`

/** A line for the change log, e.g. 「录入通知：国务院办公厅关于2027年…（国办发明电〔2026〕9号），12天变化」. */
export function changeSummary(
  kind: 'notice' | 'day',
  diff: readonly DayDiff[],
  source?: CalendarSource,
  date?: string,
  set?: DaySetting,
): string {
  if (kind === 'notice')
    return `录入通知：${source?.title ?? '国务院放假安排'}${source?.number ? `（${source.number}）` : ''}，${diff.length}天变化`
  const label = set === 'off' ? '设为休息日' : set === 'work' ? '设为调休上班日' : '恢复为平常日'
  return `${date} ${label}`
}
