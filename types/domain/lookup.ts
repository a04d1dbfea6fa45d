import type { CaseState } from './case-machine'

/**
 * Case lookup without a grant (进度查询): case number + the applicant's full name + the last 4
 * characters of the ID number or of the phone. Failed attempts are limited per OPENID and per case
 * number; every well-formed wrong guess answers the same thing.
 */

/** At most this many failed attempts per OPENID and per case number within LOOKUP_WINDOW_MS. */
export const LOOKUP_MAX_FAILURES = 5
export const LOOKUP_WINDOW_MS = 3_600_000

/** The one answer to a wrong number, a wrong name or wrong digits (and to a draft). */
export const LOOKUP_MISS_MESSAGE = '未查到办件，请核对办件编号、申请人姓名和证件号或手机号后四位'

/** `9月21日 10:05` in Beijing time: when the caller may try again. */
export function retryMessage(at: Date): string {
  const b = new Date(at.getTime() + 8 * 3_600_000)
  const hh = String(b.getUTCHours()).padStart(2, '0')
  const mm = String(b.getUTCMinutes()).padStart(2, '0')
  return `查询失败次数过多，请于${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${hh}:${mm}后再试`
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
