/**
 * Date labels for Beijing calendar dates (`YYYY-MM-DD`) as the server sends them. Pure string and
 * calendar arithmetic: the device clock is never read (a phone's date can be wrong; business dates
 * come from the server).
 */

import { beijingClock } from '../../types/domain/dates'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

const parts = (date: string) => date.split('-').map(Number) as [number, number, number]

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => {
  const [y, m, d] = parts(date)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

export const weekdayLabel = (date: string) => WEEKDAYS[weekdayOf(date)]

/** 9月28日 */
export const monthDay = (date: string) => {
  const [, m, d] = parts(date)
  return `${m}月${d}日`
}

/** 2026年9月28日（周一） */
export const longDate = (date: string) => {
  const [y] = parts(date)
  return `${y}年${monthDay(date)}（${weekdayLabel(date)}）`
}

export const dayOfMonth = (date: string) => parts(date)[2]

/** 2026年9月 */
export const monthLabel = (date: string) => {
  const [y, m] = parts(date)
  return `${y}年${m}月`
}

export const addDays = (date: string, n: number): string => {
  const [y, m, d] = parts(date)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** Beijing wall-clock HH:mm of an ISO instant; '' for a string that is not one. */
export const beijingTimeOf = (iso: string): string => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? '' : beijingClock(t)
}
