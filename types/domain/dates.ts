/**
 * Beijing calendar dates (`YYYY-MM-DD`) without the holiday library, so the app can import the
 * contracts that validate dates without bundling chinese-days: its ES module file sits in a
 * `"type": "commonjs"` package, which webpack refuses to parse, and its data would only weigh on
 * the mini-program's main package. working-days.ts re-exports everything here.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000
/** China has had one offset, UTC+8, all year since 1991: no time-zone database needed (the weapp runtime lacks one). */
export const BEIJING_OFFSET_MS = 8 * 3_600_000

export const isBeijingDate = (s: string): boolean => {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}

/**
 * An instant as Beijing wall-clock time in ISO form (`2026-12-01T20:30:00.000Z` reads 20:30 in
 * Beijing; the `Z` is not UTC here): slice it for the date, the time or the year.
 */
export const beijingIso = (instant: Date | number = new Date()): string =>
  new Date((typeof instant === 'number' ? instant : instant.getTime()) + BEIJING_OFFSET_MS).toISOString()

/** The Beijing calendar date of an instant. */
export const beijingDate = (instant: Date | number = new Date()): string => beijingIso(instant).slice(0, 10)

/** The Beijing wall-clock time of an instant, `HH:mm`. */
export const beijingClock = (instant: Date | number = new Date()): string => beijingIso(instant).slice(11, 16)

export const toUtcMs = (date: string): number => {
  if (!isBeijingDate(date)) throw new RangeError(`日期格式应为YYYY-MM-DD：${date}`)
  return Date.parse(`${date}T00:00:00Z`)
}
const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
export const addCalendarDays = (date: string, n: number): string => fromUtcMs(toUtcMs(date) + n * DAY_MS)
