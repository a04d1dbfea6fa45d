import type { CaseState } from './case-machine'
import { beijingClock, beijingDate } from './dates'
import { typedCode } from './check-code'

/**
 * Case lookup without a grant (进度查询): the case number, the case's query code (查询码), and
 * the applicant's full name with the last 4 characters of the ID number or of the phone.
 *
 * The case number is not a secret: it is on the applicant's receipts and notifications, staff see
 * it, relatives are told it. A limit per case number therefore let anyone who knew one lock the
 * genuine relative out (five wrong guesses from five accounts, every hour). The query code is the
 * secret instead: 11 random digits and a check digit, shown only to the applicant (the case
 * page, and the acceptance receipt where one is printed). With 10^11 codes and at most
 * LOOKUP_MAX_FAILURES failed tries an hour per account (and per device, where the client names
 * one), even 10,000 accounts guessing for a year (4.4·10^8 tries) find one case's code with a
 * chance below 0.5 % — and still need the name and a last 4. So nothing is locked per case: a stranger's failures never refuse
 * anyone else. Repeated failures on a real number are only told to the applicant, in the message
 * centre. Every well-formed wrong guess answers the same thing.
 */

/** At most this many failed attempts per OPENID (and per device) within LOOKUP_WINDOW_MS. */
export const LOOKUP_MAX_FAILURES = 5
export const LOOKUP_WINDOW_MS = 3_600_000
/** Failures on one case number within LOOKUP_WINDOW_MS after which its applicant is told (nothing is locked). */
export const LOOKUP_NOTICE_AFTER = 5

/** The one answer to a wrong number, a wrong code, a wrong name or wrong digits (and to a draft). */
export const LOOKUP_MISS_MESSAGE = '未查到办件，请核对办件编号、查询码、申请人姓名和证件号或手机号后四位'

export const QUERY_CODE_LENGTH = 12

/** The Luhn check digit (ISO/IEC 7812-1): catches every single wrong digit and almost every swap of neighbours. */
function luhnDigit(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

/** `randomIndex(n)` answers a uniform integer in [0, n): crypto.randomInt on the server. */
export function newQueryCode(randomIndex: (n: number) => number): string {
  const body = Array.from({ length: QUERY_CODE_LENGTH - 1 }, () => String(randomIndex(10))).join('')
  return body + luhnDigit(body)
}

/** Spaces, dashes and full-width digits as typed or read aloud do not matter. */
export const normaliseQueryCode = typedCode

export function isValidQueryCode(value: string): boolean {
  const s = normaliseQueryCode(value)
  return s.length === QUERY_CODE_LENGTH && /^\d+$/.test(s) && luhnDigit(s.slice(0, -1)) === s[s.length - 1]
}

/** `4821 0937 5562`: read and typed in groups of four. */
export const formatQueryCode = (code: string) => code.replace(/(\d{4})(?=\d)/g, '$1 ')

/** `9月21日 10:05` in Beijing time: when the caller may try again. */
export function retryMessage(at: Date): string {
  const [, month, day] = beijingDate(at).split('-').map(Number)
  return `查询失败次数过多，请于${month}月${day}日 ${beijingClock(at)}后再试`
}

/**
 * Coarse stages for the public lookup: enough to know where the case stands, nothing about the
 * decision (approved and rejected are both "办结") or what is missing.
 */
export const LOOKUP_STAGES = ['received', 'supplement', 'processing', 'decided', 'ready', 'mailed', 'completed', 'closed'] as const
export type LookupStage = (typeof LOOKUP_STAGES)[number]

export const LOOKUP_STAGE_LABELS: Record<LookupStage, string> = {
  received: '已提交，待受理',
  supplement: '待申请人补正材料',
  processing: '办理中',
  decided: '已办结，待送达',
  ready: '可领取',
  mailed: '已寄出',
  completed: '已完成',
  closed: '已撤回',
}

/** Undefined for a draft: an unsubmitted application is not found by a lookup. */
export function lookupStageOf(state: CaseState): LookupStage | undefined {
  switch (state) {
    case 'draft':
      return undefined
    case 'submitted':
    case 'pre_review':
    case 'resubmitted':
      return 'received'
    case 'supplement_requested':
      return 'supplement'
    case 'accepted':
    case 'in_process':
      return 'processing'
    case 'approved':
    case 'rejected':
      return 'decided'
    case 'ready_for_pickup':
      return 'ready'
    case 'mailed':
      return 'mailed'
    case 'completed':
      return 'completed'
    case 'withdrawn':
      return 'closed'
  }
}

/** Normalises a name for comparison: full-width forms and surrounding or inner spaces do not matter. */
export const normaliseName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '')
