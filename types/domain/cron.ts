/**
 * Timer triggers as WeChat runs them: each function's config.json `triggers` of type `timer`, with
 * the cron format of WeChat's cloud functions (developers.weixin.qq.com, 云开发 › 云函数 › 定时触发器):
 *
 *   seconds minutes hours day-of-month month day-of-week year     e.g. `0 0 18 * * * *` (18:00 daily)
 *
 *  - seven fields, each a number, `*`, a range `a-b`, a list `a,b`, or a step: `a/n`, `a-b/n`, or
 *    `*` then `/n` (every n-th value);
 *  - month 1–12 or JAN–DEC; day-of-week 0–6 or SUN–SAT with 0 = Sunday (the current WeChat and
 *    CloudBase pages; an older copy of the page said 0 = Monday); year 1970–2099;
 *  - when both day-of-month and day-of-week are given (neither is `*`), a day matching either
 *    counts ("两者为或关系");
 *  - the schedule is in UTC+8 ("触发器规则的时区为 UTC+8"), whatever the machine's time zone.
 * No npm package fits: the common cron parsers take 5 or 6 fields and no year.
 */

import { BEIJING_OFFSET_MS } from './dates'

export interface Cron {
  readonly expression: string
  /** Whether the schedule fires at this instant's second. */
  matches(at: Date): boolean
  /** The first whole second strictly after `after` at which it fires (null within ~5 years: never). */
  next(after: Date): Date | null
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

interface FieldSpec {
  name: string
  min: number
  max: number
  names?: string[]
  /** The first name maps to this number (JAN → 1, SUN → 0). */
  nameBase?: number
}

const FIELDS: FieldSpec[] = [
  { name: '秒', min: 0, max: 59 },
  { name: '分钟', min: 0, max: 59 },
  { name: '小时', min: 0, max: 23 },
  { name: '日', min: 1, max: 31 },
  { name: '月', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: '星期', min: 0, max: 6, names: DAYS, nameBase: 0 },
  { name: '年', min: 1970, max: 2099 },
]

export class CronError extends Error {}

function parseValue(text: string, f: FieldSpec, expr: string): number {
  const upper = text.toUpperCase()
  const named = f.names?.indexOf(upper) ?? -1
  const n = named >= 0 ? named + (f.nameBase ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isInteger(n) || n < f.min || n > f.max)
    throw new CronError(`cron 表达式 "${expr}" 的${f.name}字段取值 ${text} 不在 ${f.min}–${f.max} 之内`)
  return n
}

/** The set of values a field allows; `star` tells whether it was a bare `*`. */
function parseField(text: string, f: FieldSpec, expr: string): { values: Set<number>; star: boolean } {
  const values = new Set<number>()
  for (const part of text.split(',')) {
    const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part)
    if (!m) throw new CronError(`cron 表达式 "${expr}" 的${f.name}字段 "${text}" 不合法`)
    const [, range, stepText] = m
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new CronError(`cron 表达式 "${expr}" 的${f.name}字段步长 "${stepText}" 不合法`)
    let lo: number
    let hi: number
    if (range === '*') [lo, hi] = [f.min, f.max]
    else if (range.includes('-')) {
      const [a, b] = range.split('-')
      ;[lo, hi] = [parseValue(a, f, expr), parseValue(b, f, expr)]
      if (lo > hi) throw new CronError(`cron 表达式 "${expr}" 的${f.name}字段范围 "${range}" 起点大于终点`)
    } else {
      lo = parseValue(range, f, expr)
      // `a/n` runs from a to the field's end; a bare `a` is just a.
      hi = stepText === undefined ? lo : f.max
    }
    for (let v = lo; v <= hi; v += step) values.add(v)
  }
  return { values, star: text === '*' }
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/)
  if (parts.length !== 7)
    throw new CronError(`cron 表达式 "${expression}" 须有 7 个字段（秒 分钟 小时 日 月 星期 年），实际 ${parts.length} 个`)
  const [sec, min, hour, day, month, weekday, year] = parts.map((p, i) => parseField(p, FIELDS[i], expression))

  const dayMatches = (d: number, wd: number) => {
    if (day.star && weekday.star) return true
    if (day.star) return weekday.values.has(wd)
    if (weekday.star) return day.values.has(d)
    return day.values.has(d) || weekday.values.has(wd)
  }
  /** The Beijing calendar fields of an instant (UTC getters on the shifted time). */
  const fields = (at: Date) => {
    const b = new Date(at.getTime() + BEIJING_OFFSET_MS)
    return {
      y: b.getUTCFullYear(),
      mo: b.getUTCMonth() + 1,
      d: b.getUTCDate(),
      wd: b.getUTCDay(),
      h: b.getUTCHours(),
      mi: b.getUTCMinutes(),
      s: b.getUTCSeconds(),
    }
  }
  const dateMatches = (at: Date) => {
    const f = fields(at)
    return year.values.has(f.y) && month.values.has(f.mo) && dayMatches(f.d, f.wd)
  }

  return {
    expression,
    matches(at) {
      const f = fields(at)
      return dateMatches(at) && hour.values.has(f.h) && min.values.has(f.mi) && sec.values.has(f.s)
    },
    next(after) {
      // Day by day to a matching date, then second by second within it (at most 86,400 checks
      // of three Set lookups): simple, and fast enough for a scheduler that asks once per fire.
      let t = Math.floor(after.getTime() / 1000) * 1000 + 1000
      const limit = t + 5 * 366 * 86_400_000
      while (t < limit) {
        const at = new Date(t)
        if (!dateMatches(at)) {
          // The next Beijing midnight.
          const b = t + BEIJING_OFFSET_MS
          t = b - (b % 86_400_000) + 86_400_000 - BEIJING_OFFSET_MS
          continue
        }
        const f = fields(at)
        if (!hour.values.has(f.h)) t += (3600 - f.mi * 60 - f.s) * 1000
        else if (!min.values.has(f.mi)) t += (60 - f.s) * 1000
        else if (!sec.values.has(f.s)) t += 1000
        else return at
      }
      return null
    },
  }
}
