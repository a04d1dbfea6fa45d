/**
 * Beijing calendar dates (`YYYY-MM-DD`) without the holiday library, so the app can import the
 * contracts that validate dates without bundling chinese-days: its ES module file sits in a
 * `"type": "commonjs"` package, which webpack refuses to parse, and its data would only weigh on
 * the mini-program's main package. working-days.ts re-exports everything here.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000
/** China has had one offset, UTC+8, all year since 1991: no time-zone database needed (the weapp runtime lacks one). */
const BEIJING_OFFSET_MS = 8 * 3_600_000

export const isBeijingDate = (s: string): boolean => {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}

/** The Beijing calendar date of an instant. */
export const beijingDate = (instant: Date = new Date()): string =>
  new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)

export const toUtcMs = (date: string): number => {
  if (!isBeijingDate(date)) throw new RangeError(`日期格式应为YYYY-MM-DD：${date}`)
  return Date.parse(`${date}T00:00:00Z`)
}
const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
export const addCalendarDays = (date: string, n: number): string => fromUtcMs(toUtcMs(date) + n * DAY_MS)
