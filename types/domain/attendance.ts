import { z } from '../zod'
import { addCalendarDays, beijingDate } from './dates'
import { beijingInstant, minutesOf, periodSchema, type Period } from './schedule'

/**
 * 签到签退与考核: the hall's rotating sign-in code and the monthly attendance score. Pure: the staff
 * function scores with it, the pages read its labels and the code format.
 */

// ---------------------------------------------------------------------------------------------
// The rotating hall code (签到码)

/** The hall's code changes every 30 seconds: a photo sent home is useless within a minute. */
export const HALL_CODE_SECONDS = 30
export const HALL_CODE_DIGITS = 6
/** What the QR code holds: a prefix (so a scan of any other QR code is told apart) and the digits. */
export const HALL_CODE_PREFIX = 'ZWQD:'

/** The 30-second window an instant falls in (counted from the epoch, so every display agrees). */
export const hallCodeSlot = (ms: number): number => Math.floor(ms / (HALL_CODE_SECONDS * 1000))
export const slotStartMs = (slot: number): number => slot * HALL_CODE_SECONDS * 1000

/** Six decimal digits from a keyed hash (hex): the first 48 bits, reduced. */
export const digitsOfHash = (hex: string): string =>
  String(parseInt(hex.slice(0, 12), 16) % 10 ** HALL_CODE_DIGITS).padStart(HALL_CODE_DIGITS, '0')

/** The text the server hashes for a window: the Beijing date is part of it, so a code names its day. */
export const hallCodeMessage = (slot: number): string => `hall-code:v1:${beijingDate(slotStartMs(slot))}:${slot}`

export const hallCodePayload = (code: string): string => `${HALL_CODE_PREFIX}${code}`

/** The code inside what a scan returned, or what was typed (spaces forgiven); undefined when there is none. */
export function hallCodeFromText(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '').toUpperCase()
  const bare = compact.startsWith(HALL_CODE_PREFIX) ? compact.slice(HALL_CODE_PREFIX.length) : compact
  return new RegExp(`^\\d{${HALL_CODE_DIGITS}}$`).test(bare) ? bare : undefined
}

export const hallCodeSchema = z
  .string()
  .trim()
  .max(40)
  .refine((s) => hallCodeFromText(s) !== undefined, `签到码应为${HALL_CODE_DIGITS}位数字，请扫描大厅入口屏幕上的二维码`)
  .transform((s) => hallCodeFromText(s) as string)

/** A display's token: 32 hex characters, shown once to the administrator. */
export const displayTokenSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{32}$/, '屏幕登记码不正确')

// ---------------------------------------------------------------------------------------------
// The policy (settings/attendance_policy)

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM')

const points = z.number().int().min(0).max(100)

export const attendancePolicySchema = z.object({
  /** The half days staff must be at their post; without it, the window's booking hours (DEFAULT_SCHEDULE or schedules/<window>). */
  periods: z.array(periodSchema).min(1).max(4).optional(),
  base: z.number().int().min(0).max(1000),
  /** Late or early by at most this many minutes costs `latePoints` (苍南县: ≤ 10 minutes −1). */
  graceMinutes: z.number().int().min(0).max(120),
  latePoints: points,
  /** Late or early by more than `graceMinutes`: 脱岗 (苍南县: leaving the post > 15 minutes −3). */
  longLatePoints: points,
  /** At the post for less than this share of a half day: the half day is missed (旷工). */
  absentBelowPercent: z.number().int().min(1).max(100),
  absentPoints: points,
  /** A sign-in or a sign-out that is missing (签到 without 签退 by the day's end, or 签退 without 签到). */
  missedSignPoints: points,
  overduePoints: points,
  illegalFeePoints: points,
  bonusMax: z.number().int().min(0).max(100),
  /** One bonus point per this many 好评 (满意 or 非常满意, given by the citizen, about a ticket the person served). */
  goodRatingsPerPoint: z.number().int().min(1).max(1000),
  /** Whose attendance is scored (the hall's window posts); others may sign in but get no score. */
  roles: z.array(z.enum(['window_staff', 'dept_lead', 'supervisor', 'admin'])).min(1),
  /** Wrong sign-in codes one person may send in a day before sign-in is refused until the next day. */
  maxWrongCodesPerDay: z.number().int().min(3).max(100),
})
export type AttendancePolicy = z.infer<typeof attendancePolicySchema>

export const DEFAULT_ATTENDANCE_POLICY: AttendancePolicy = {
  base: 100,
  graceMinutes: 10,
  latePoints: 1,
  longLatePoints: 3,
  absentBelowPercent: 50,
  absentPoints: 5,
  missedSignPoints: 2,
  overduePoints: 5,
  illegalFeePoints: 5,
  bonusMax: 5,
  goodRatingsPerPoint: 10,
  roles: ['window_staff', 'dept_lead'],
  maxWrongCodesPerDay: 10,
}

/** The rules in force, in the words staff read on the attendance page. */
export const rulesText = (p: AttendancePolicy): string =>
  [
    `基础分${p.base}分`,
    `迟到或早退${p.graceMinutes}分钟以内扣${p.latePoints}分，超过${p.graceMinutes}分钟扣${p.longLatePoints}分`,
    `未到岗或在岗不足半天的${p.absentBelowPercent}%记缺勤半天，扣${p.absentPoints}分`,
    `漏签到或漏签退每次扣${p.missedSignPoints}分`,
    `办件超期每件扣${p.overduePoints}分，违规收费每件扣${p.illegalFeePoints}分`,
    `每${p.goodRatingsPerPoint}条好评加1分，最多加${p.bonusMax}分`,
  ].join('；') + '。'

// ---------------------------------------------------------------------------------------------
// Scoring

export const ITEM_KINDS = [
  'late',
  'early',
  'long_late',
  'long_early',
  'absent',
  'missed_sign_in',
  'missed_sign_out',
  'overdue',
  'illegal_fee',
  'bonus',
] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

export const ITEM_LABELS: Record<ItemKind, string> = {
  late: '迟到',
  early: '早退',
  long_late: '迟到超时（脱岗）',
  long_early: '早退超时（脱岗）',
  absent: '缺勤半天（旷工）',
  missed_sign_in: '漏签到',
  missed_sign_out: '漏签退',
  overdue: '办件超期',
  illegal_fee: '违规收费',
  bonus: '好评加分',
}

export interface AttendanceItem {
  kind: ItemKind
  /** The day it happened (for a violation: the day it was detected). */
  date: string
  /** Negative for a deduction, positive for the bonus. */
  points: number
  detail: string
}

/** One sign-in/sign-out record as the scoring reads it; either end may be missing. */
export interface ShiftSpan {
  date: string
  signedInAt?: Date
  signedOutAt?: Date
}

export interface ScoredViolation {
  code: string
  caseNo: string
  detectedAt: Date
}

export interface MonthInput {
  month: string
  /** The working days of the month up to today (the calendar's), in order. */
  workingDays: string[]
  periods: Period[]
  now: Date
  shifts: ShiftSpan[]
  violations: ScoredViolation[]
  goodRatings: number
  policy: AttendancePolicy
}

export interface MonthScore {
  score: number
  base: number
  deductions: number
  bonus: number
  items: AttendanceItem[]
  counts: Record<ItemKind, number>
}

const MIN = 60_000

/** The working days of `month` up to `today` (inclusive). */
export function workingDaysOfMonth(month: string, today: string, isWorkingDay: (d: string) => boolean): string[] {
  const out: string[] = []
  for (let d = `${month}-01`; d.startsWith(month) && d <= today; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) out.push(d)
  return out
}

/** Beijing `YYYY-MM` of a date or an instant. */
export const monthOf = (date: string) => date.slice(0, 7)

/**
 * The presence a record stands for on its day. A record without a sign-out (past its day) is taken
 * to last until the end of the half day it began in, and one without a sign-in (a sign-out after a
 * forgotten sign-in) from the start of the half day it ended in: the missing sign is scored once as
 * 漏签, never again as lateness. Today's open record lasts until now.
 */
function spanOf(s: ShiftSpan, periods: Period[], now: Date, today: string): { from: number; to: number } | undefined {
  const at = (hhmm: string) => beijingInstant(s.date, hhmm).getTime()
  if (s.signedInAt && s.signedOutAt) return { from: s.signedInAt.getTime(), to: s.signedOutAt.getTime() }
  if (s.signedInAt) {
    const from = s.signedInAt.getTime()
    if (s.date === today) return { from, to: Math.max(from, now.getTime()) }
    const p = periods.find((x) => at(x.end) > from)
    return { from, to: p ? at(p.end) : from }
  }
  if (s.signedOutAt) {
    const to = s.signedOutAt.getTime()
    const p = [...periods].reverse().find((x) => at(x.start) < to)
    return { from: p ? Math.min(at(p.start), to) : to, to }
  }
  return undefined
}

const emptyCounts = (): Record<ItemKind, number> => Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>

/**
 * One person's month. Per working day and half day that has ended: not at the post at all, or for
 * less than `absentBelowPercent` of it, is a missed half day (旷工); otherwise arriving after the
 * start or leaving before the end by up to `graceMinutes` is 迟到/早退, by more 脱岗. Each missing
 * sign (签到 or 签退) counts once. Overdue cases and illegal fees count per case. The bonus is one
 * point per `goodRatingsPerPoint` 好评, at most `bonusMax`. Deductions are not capped, as in the
 * county rules (苍南县: "扣分不设上限").
 */
export function scoreMonth(input: MonthInput): MonthScore {
  const { periods, now, policy } = input
  const today = beijingDate(now)
  const items: AttendanceItem[] = []
  const add = (kind: ItemKind, date: string, points: number, detail: string) => items.push({ kind, date, points, detail })
  /** Late or early by `minutes`: within the grace 迟到/早退, beyond it 脱岗. */
  const timing = (date: string, what: string, minutes: number, short: ItemKind, long: ItemKind) => {
    if (minutes <= 0) return
    const within = minutes <= policy.graceMinutes
    add(within ? short : long, date, -(within ? policy.latePoints : policy.longLatePoints), `${what}${minutes}分钟`)
  }
  const working = new Set(input.workingDays)
  const byDay = new Map<string, ShiftSpan[]>()
  for (const s of input.shifts) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s])

  for (const s of input.shifts) {
    if (!working.has(s.date)) continue
    if (!s.signedInAt && s.signedOutAt) add('missed_sign_in', s.date, -policy.missedSignPoints, '有签退、无签到')
    if (s.signedInAt && !s.signedOutAt && s.date < today) add('missed_sign_out', s.date, -policy.missedSignPoints, '签到后当天未签退')
  }

  for (const date of input.workingDays) {
    const spans = (byDay.get(date) ?? []).flatMap((s) => spanOf(s, periods, now, today) ?? [])
    for (const p of periods) {
      const start = beijingInstant(date, p.start).getTime()
      const end = beijingInstant(date, p.end).getTime()
      if (end > now.getTime()) continue
      const name = `${p.start}–${p.end}`
      const clipped = spans
        .map((x) => ({ from: Math.max(x.from, start), to: Math.min(x.to, end) }))
        .filter((x) => x.to > x.from)
        .sort((a, b) => a.from - b.from)
      let present = 0
      let reach = start
      for (const x of clipped) {
        present += Math.max(0, x.to - Math.max(x.from, reach))
        reach = Math.max(reach, x.to)
      }
      if (present * 100 < (end - start) * policy.absentBelowPercent) {
        add('absent', date, -policy.absentPoints, clipped.length ? `${name} 在岗不足${policy.absentBelowPercent}%` : `${name} 未到岗`)
        continue
      }
      const late = Math.floor((clipped[0].from - start) / MIN)
      const early = Math.floor((end - Math.max(...clipped.map((x) => x.to))) / MIN)
      timing(date, `${name} 迟到`, late, 'late', 'long_late')
      timing(date, `${name} 早退`, early, 'early', 'long_early')
    }
  }

  for (const v of input.violations) {
    const date = beijingDate(v.detectedAt)
    if (v.code === 'overdue') add('overdue', date, -policy.overduePoints, `办件 ${v.caseNo} 超过承诺时限`)
    if (v.code === 'fee_mismatch') add('illegal_fee', date, -policy.illegalFeePoints, `办件 ${v.caseNo} 收费与收费标准不符`)
  }

  const bonus = Math.min(policy.bonusMax, Math.floor(input.goodRatings / policy.goodRatingsPerPoint))
  if (bonus > 0) add('bonus', input.workingDays.at(-1) ?? `${input.month}-01`, bonus, `本月好评${input.goodRatings}条`)

  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const counts = emptyCounts()
  for (const i of items) counts[i.kind] += 1
  const deductions = -items.filter((i) => i.points < 0).reduce((n, i) => n + i.points, 0)
  return { score: policy.base - deductions + bonus, base: policy.base, deductions, bonus, items, counts }
}

/** A window's score: the mean of the scores of the people posted there, one decimal. */
export const windowScore = (scores: number[]): number | undefined =>
  scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : undefined

/** Periods sorted by start; a check that they do not overlap keeps a half day from counting twice. */
export function orderedPeriods(periods: Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
  return sorted.every((p, i) => i === 0 || minutesOf(sorted[i - 1].end) <= minutesOf(p.start)) ? sorted : sorted.slice(0, 1)
}
