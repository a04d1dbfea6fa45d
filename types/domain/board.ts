import { ID_NUMBER_IN_TEXT, maskName, MOBILE_IN_TEXT } from './masking'
import type { Period } from './schedule'

/**
 * Rules of the hall display board (大厅公示屏), shared by the board function and the board page.
 * Free of zod and of the app: the board page is a small bundle of its own.
 */

/** Rows of the 叫号 panel before the overflow column takes the rest (bcgov/queue-management smartboard: 8). */
export const NOW_CALLING_ROWS = 8
/** Calls beyond the rows, shown as ticket and window only. */
export const OVERFLOW_MAX = 16
export const RECENT_ROWS = 10
export const TICKER_ROWS = 20
/** Each call stays on the announcement banner at least this long, speech or not. */
export const CALL_MIN_MS = 5_000
/** How many times a call is spoken (after one chime). */
export const CALL_REPEAT = 2
/** A call at most this old when the board boots is still announced (a TV restarted right after a call). */
export const FRESH_CALL_MS = 20_000

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** What the banner and the speech say: 「请 A023 号到 5 号窗口办理」. */
export const callText = (ticket: string, windowNumber: number): string => `请 ${ticket} 号到 ${windowNumber} 号窗口办理`

/**
 * What is spoken: the ticket's digits one by one as Chinese numerals (A023 → A零二三, so no voice
 * reads it as 二十三), the window number as a number (5 号窗口, 12 号窗口 → 十二号窗口).
 */
export const callSpeech = (ticket: string, windowNumber: number): string =>
  `请${ticket.replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)])}号，到${windowNumber}号窗口办理`

/** 受理编号 on the board: its last 4 characters only. */
export const caseTail = (caseNo: string): string => caseNo.slice(-4)

/** The applicant on the board: the family name and one star whatever the length (张*, 欧阳*), so neither name nor length is told. */
export function boardName(name: string): string {
  const masked = maskName(name)
  const kept = masked.replace(/\*+$/, '')
  return kept ? `${kept}*` : '*'
}

/** 11 or more digits in a row that the patterns above did not take (numbers typed one after another, a bank card). */
const LONG_NUMBER = () => /\d{11,}[0-9Xx]?/g

/**
 * Public text (a matter's or a queue's name, an announcement's title) as the board shows it: ID
 * numbers, mobile numbers and any other run of 11 or more digits removed whole, the names of the people the answer is about masked.
 * Office landlines stay: they are published for citizens to call.
 */
export function boardText(text: string, names: readonly string[] = []): string {
  let out = text.replace(ID_NUMBER_IN_TEXT(), '***').replace(MOBILE_IN_TEXT(), '***').replace(LONG_NUMBER(), '***')
  for (const name of [...new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort((a, b) => b.length - a.length))
    out = out.split(name).join(boardName(name))
  return out
}

/**
 * When the hall closes on a day: the latest end among the windows' periods that day (their hours
 * on a working day, plus any 延时服务 hours), in minutes after midnight; null when no window opens.
 */
export function closingMinutes(
  days: ReadonlyArray<{ periods: readonly Period[]; extraPeriods: readonly Period[]; closed: boolean }>,
  isWorkingDay: boolean,
): number | null {
  let latest: number | null = null
  for (const d of days) {
    if (d.closed) continue
    for (const p of [...(isWorkingDay ? d.periods : []), ...d.extraPeriods])
      latest = Math.max(latest ?? 0, Number(p.end.slice(0, 2)) * 60 + Number(p.end.slice(3, 5)))
  }
  return latest
}
