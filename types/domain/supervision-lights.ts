import { z } from '../zod'
import { CASE_STATE_LABELS, type CaseAction, type CaseState } from './case-machine'
import { idSchema, type Fee, type MatterKind } from './catalog'
import { beijingDate } from './dates'
import type { WorkingDayCalendar } from './working-days'

/**
 * 电子监察 on every open case: its light and the violations found on it. Pure rules, so the
 * supervision function, the case function (after each step) and the tests read the same table.
 *
 * The classic municipal rules (a city's 电子监察办法, and the 汉阴县 三色 system): green on entry,
 * yellow when the deadline nears (a signal 1 working day before the promised date), red when it is
 * overdue, when a step is over its own limit, or on a violation — a refusal without a stated
 * reason, off-standard fees, and the like. Every reason is written out so the department can see
 * what was found and appeal a false alarm (酒泉: most of 15 red and yellow lights in two months
 * were data-entry errors).
 */

export const LIGHTS = ['green', 'yellow', 'red'] as const
export type Light = (typeof LIGHTS)[number]
export const LIGHT_LABELS: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' }
const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 }

export const VIOLATION_CODES = [
  'overdue',
  'step_overdue',
  'accepted_missing_material',
  'accepted_wrong_window',
  'repeated_supplement',
  'refusal_without_reason',
  'moved_back_without_reason',
  'fee_mismatch',
] as const
export type ViolationCode = (typeof VIOLATION_CODES)[number]

export const VIOLATION_CATEGORIES = ['办理超时', '违规受理', '流程错误', '违规收费'] as const
export type ViolationCategory = (typeof VIOLATION_CATEGORIES)[number]

export const VIOLATION_CATEGORY: Record<ViolationCode, ViolationCategory> = {
  overdue: '办理超时',
  step_overdue: '办理超时',
  accepted_missing_material: '违规受理',
  accepted_wrong_window: '违规受理',
  repeated_supplement: '流程错误',
  refusal_without_reason: '流程错误',
  moved_back_without_reason: '流程错误',
  fee_mismatch: '违规收费',
}

export const VIOLATION_LABELS: Record<ViolationCode, string> = {
  overdue: '超期办理',
  step_overdue: '环节超时',
  accepted_missing_material: '材料不全受理',
  accepted_wrong_window: '非本事项窗口受理',
  repeated_supplement: '多次补正',
  refusal_without_reason: '不予办理未说明理由',
  moved_back_without_reason: '无理由退回',
  fee_mismatch: '收费与标准不符',
}

export const VIOLATION_STATUSES = ['open', 'appealed', 'upheld', 'dismissed'] as const
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number]
export const VIOLATION_STATUS_LABELS: Record<ViolationStatus, string> = {
  open: '待整改',
  appealed: '申诉中',
  upheld: '申诉未采纳',
  dismissed: '误报已撤销',
}
/** A dismissed violation (a false alarm the supervisor accepted) no longer counts toward the light. */
export const counts = (status: ViolationStatus) => status !== 'dismissed'

/** The case states that carry a light: submitted and not yet closed (a draft is the citizen's own business). */
export const LIT_STATES = [
  'submitted',
  'pre_review',
  'supplement_requested',
  'resubmitted',
  'accepted',
  'in_process',
  'approved',
  'rejected',
  'ready_for_pickup',
  'mailed',
] as const satisfies readonly CaseState[]
export const CLOSED_STATES = ['completed', 'withdrawn'] as const satisfies readonly CaseState[]
export const isLit = (s: CaseState) => (LIT_STATES as readonly CaseState[]).includes(s)

/** The steps whose time the centre answers for; the citizen's own waits (补正, 待领取, in the post) are not steps. */
export const STEP_KEYS = ['preReview', 'acceptance', 'approval', 'handout'] as const
export type StepKey = (typeof STEP_KEYS)[number]
export const STEP_LABELS: Record<StepKey, string> = { preReview: '预审', acceptance: '受理', approval: '审批', handout: '出件' }

/** The step a state belongs to; a resubmission waits in pre-review before acceptance and in approval after it. */
export function stepOf(state: CaseState, accepted: boolean): StepKey | undefined {
  switch (state) {
    case 'submitted':
    case 'pre_review':
      return 'preReview'
    case 'resubmitted':
      return accepted ? 'approval' : 'preReview'
    case 'accepted':
      return 'acceptance'
    case 'in_process':
      return 'approval'
    case 'approved':
    case 'rejected':
      return 'handout'
    default:
      return undefined
  }
}

/** Working days a step may take (0: the same working day); null: no limit of its own (the promised date covers it). */
const stepDays = z.number().int().min(0).max(60).nullable()
export const stepLimitsSchema = z.object({ preReview: stepDays, acceptance: stepDays, approval: stepDays, handout: stepDays })
export type StepLimits = z.infer<typeof stepLimitsSchema>

/**
 * Defaults per kind. 即办件 is done on the spot: accepted, decided and handed out the same
 * working day; an online submission is pre-reviewed within 1 working day (one sent in the evening
 * is read the next morning). 联办件 and 上报件: each step within 5 working days (the centre's own
 * rule for those kinds, catalog.ts matterLimitProblems). 承诺件: pre-review, the start of
 * processing and the hand-out within 1 working day each; the approval itself has the promised date.
 */
export const DEFAULT_STEP_LIMITS: Record<MatterKind, StepLimits> = {
  immediate: { preReview: 1, acceptance: 0, approval: 0, handout: 0 },
  promised: { preReview: 1, acceptance: 1, approval: null, handout: 1 },
  joint: { preReview: 5, acceptance: 5, approval: 5, handout: 5 },
  reported: { preReview: 5, acceptance: 5, approval: 5, handout: 5 },
}

const yellowFields = {
  /** Yellow when at most this many working days are left before the promised date. */
  yellowDaysLeft: z.number().int().min(0).max(30),
  /** Yellow when at most this share of the promised working days is left (0.2 = 20 %). */
  yellowShare: z.number().min(0).max(1),
}

export const supervisionPolicySchema = z.object({
  ...yellowFields,
  /** Step limits per kind, each field replacing its default. */
  stepLimits: z
    .object({
      immediate: stepLimitsSchema.partial(),
      promised: stepLimitsSchema.partial(),
      joint: stepLimitsSchema.partial(),
      reported: stepLimitsSchema.partial(),
    })
    .partial(),
  /** Per matter (by id): its own yellow thresholds and step limits over the kind's. */
  matters: z.record(
    idSchema,
    z.object({
      yellowDaysLeft: yellowFields.yellowDaysLeft.optional(),
      yellowShare: yellowFields.yellowShare.optional(),
      stepLimits: stepLimitsSchema.partial().optional(),
    }),
  ),
  /** A refusal's reason shorter than this names no ground (「不符合条件」) and is flagged. */
  minReasonChars: z.number().int().min(1).max(100),
  /** How many open cases one run of the 15-minute job recomputes; the next run goes on from there. */
  relightPerRun: z.number().int().min(50).max(5000),
})
export type SupervisionPolicy = z.infer<typeof supervisionPolicySchema>

export const DEFAULT_SUPERVISION_POLICY: SupervisionPolicy = {
  yellowDaysLeft: 1,
  yellowShare: 0.2,
  stepLimits: {},
  matters: {},
  minReasonChars: 8,
  relightPerRun: 1000,
}

export interface MatterRules {
  yellowDaysLeft: number
  yellowShare: number
  steps: StepLimits
}

/** The rules for one matter: its own override over its kind's limits over the defaults. */
export function rulesFor(policy: SupervisionPolicy, matterId: string, kind: MatterKind): MatterRules {
  const own = policy.matters[matterId] ?? {}
  return {
    yellowDaysLeft: own.yellowDaysLeft ?? policy.yellowDaysLeft,
    yellowShare: own.yellowShare ?? policy.yellowShare,
    steps: { ...DEFAULT_STEP_LIMITS[kind], ...policy.stepLimits[kind], ...own.stepLimits },
  }
}

/** The fee charged when a case is finished (办结), as the window records it. */
export const chargedFeeSchema = z.union([
  z.strictObject({ free: z.literal(true) }),
  z.strictObject({
    amount: z
      .number({ error: '请填写收费金额' })
      .positive('收费金额应大于0，免费请选择免费')
      .max(1_000_000, '收费金额过大')
      .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6, '收费金额最多两位小数'),
  }),
])
export type ChargedFee = z.infer<typeof chargedFeeSchema>
export const chargedFeeLabel = (f: ChargedFee) => ('free' in f ? '免费' : `${yuan(f.amount)}元`)
const yuan = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2))

/** What the detectors read about a case: facts the case function records at each step. */
export interface CaseFactsForLights {
  state: CaseState
  accepted: boolean
  events: Array<{
    seq: number
    action: CaseAction
    from: CaseState
    to: CaseState
    at: Date
    staffNo?: string
    note?: string
    reason?: string
  }>
  deadline?: { dueDate: string; workingDaysLeft: number; overdue: boolean; paused: boolean; limitDays: number; legalDueDate?: string }
  decidedOn?: string
  acceptance?: { staffNo: string; window?: { id: string; number: number }; staffWindowIds: string[]; missing: string[] }
  matterWindowIds: string[]
  fee?: { charged: ChargedFee; standard: Fee; staffNo: string }
  result?: { decision?: 'approved' | 'rejected'; reason?: string }
}

export interface Detected {
  /** `<code>` or `<code>:<n>`: the violation's id within its case. */
  key: string
  code: ViolationCode
  detail: string
  /** The staff member whose step it was, when one is. */
  staffNo?: string
}

const lastStaff = (f: CaseFactsForLights) => [...f.events].reverse().find((e) => e.staffNo)?.staffNo

/** The working days from `from` to `to`, for a sentence («超期2个工作日»). */
const daysLate = (cal: WorkingDayCalendar, from: string, to: string) => Math.max(1, cal.workingDaysBetween(from, to))

/** Backward moves: from a later stage to an earlier one (补正 names its items, so it always has its reasons). */
const STAGE: Partial<Record<CaseState, number>> = {
  submitted: 1,
  supplement_requested: 1,
  resubmitted: 1,
  pre_review: 2,
  accepted: 3,
  in_process: 4,
  approved: 5,
  rejected: 5,
  ready_for_pickup: 6,
  mailed: 6,
  completed: 7,
}

/** Every violation the case's facts show today. A violation once found stands: callers write each once. */
export function detectViolations(
  f: CaseFactsForLights,
  rules: MatterRules,
  minReasonChars: number,
  today: string,
  cal: WorkingDayCalendar,
): Detected[] {
  const out: Detected[] = []
  const day = f.decidedOn ?? today
  const d = f.deadline
  if (d) {
    if (d.overdue) {
      out.push({
        key: 'overdue',
        code: 'overdue',
        detail: f.decidedOn
          ? `承诺办结日期${d.dueDate}，${f.decidedOn}才办结，超期${daysLate(cal, d.dueDate, f.decidedOn)}个工作日`
          : `承诺办结日期${d.dueDate}，已超期${daysLate(cal, d.dueDate, day)}个工作日仍未办结`,
        staffNo: lastStaff(f),
      })
    } else if (d.legalDueDate && day > d.legalDueDate) {
      out.push({ key: 'overdue', code: 'overdue', detail: `法定办结日期${d.legalDueDate}已过`, staffNo: lastStaff(f) })
    }
  }
  out.push(...stepsOverdue(f, rules.steps, today, cal))
  const a = f.acceptance
  if (a) {
    if (a.missing.length)
      out.push({
        key: 'accepted_missing_material',
        code: 'accepted_missing_material',
        detail: `受理时缺少必需材料：${a.missing.join('、')}`,
        staffNo: a.staffNo,
      })
    const wrong = a.window
      ? !f.matterWindowIds.includes(a.window.id)
      : a.staffWindowIds.length > 0 && !a.staffWindowIds.some((w) => f.matterWindowIds.includes(w))
    if (wrong)
      out.push({
        key: 'accepted_wrong_window',
        code: 'accepted_wrong_window',
        detail: a.window ? `在${a.window.number}号窗口受理，该窗口不办理此事项` : '受理人所在窗口均不办理此事项',
        staffNo: a.staffNo,
      })
  }
  const supplements = f.events.filter((e) => e.action === 'requestSupplement')
  if (supplements.length > 1)
    out.push({
      key: 'repeated_supplement',
      code: 'repeated_supplement',
      detail: `补正告知${supplements.length}次（第2次在${beijingDate(supplements[1].at)}），未一次性告知`,
      staffNo: supplements[1].staffNo,
    })
  if (f.result?.decision === 'rejected') {
    const reason = (f.result.reason ?? '').trim()
    if (Array.from(reason).length < minReasonChars) {
      const by = f.events.find((e) => e.action === 'reject')?.staffNo
      out.push({
        key: 'refusal_without_reason',
        code: 'refusal_without_reason',
        detail: reason ? `不予办理的理由仅${Array.from(reason).length}个字，未写明理由和依据` : '不予办理未写明理由和依据',
        ...(by ? { staffNo: by } : {}),
      })
    }
  }
  for (const e of f.events) {
    const back = (STAGE[e.to] ?? 99) < (STAGE[e.from] ?? 0)
    if (back && e.action !== 'requestSupplement' && !(e.reason ?? e.note ?? '').trim())
      out.push({
        key: `moved_back_without_reason:${e.seq}`,
        code: 'moved_back_without_reason',
        detail: `${beijingDate(e.at)}由「${CASE_STATE_LABELS[e.from]}」退回「${CASE_STATE_LABELS[e.to]}」，未写明理由`,
        ...(e.staffNo ? { staffNo: e.staffNo } : {}),
      })
  }
  const fee = f.fee
  if (fee) {
    const mismatch = feeMismatch(fee.charged, fee.standard)
    if (mismatch) out.push({ key: 'fee_mismatch', code: 'fee_mismatch', detail: mismatch, staffNo: fee.staffNo })
  }
  return out
}

/** How the fee charged differs from the catalogue's standard, or undefined when it matches. */
export function feeMismatch(charged: ChargedFee, standard: Fee): string | undefined {
  const amount = 'free' in charged ? 0 : charged.amount
  if (standard.free) return amount > 0 ? `该事项不收费，办结时记录收费${yuan(amount)}元` : undefined
  if (Math.abs(amount - standard.amount) < 0.005) return undefined
  return `收费标准${yuan(standard.amount)}元（${standard.standard}），办结时记录${chargedFeeLabel(charged)}`
}

/** Each step's stay, from the timeline: when it began, when it ended (or not yet), and who ended it. */
function stepsOverdue(f: CaseFactsForLights, limits: StepLimits, today: string, cal: WorkingDayCalendar): Detected[] {
  const out: Detected[] = []
  let accepted = false
  let open: { step: StepKey; seq: number; from: string } | undefined
  const close = (endDay: string | undefined, staffNo: string | undefined) => {
    if (!open) return
    const limit = limits[open.step]
    if (limit !== null) {
      const by = cal.addWorkingDays(open.from, limit)
      const end = endDay ?? today
      if (end > by)
        out.push({
          key: `step_overdue:${open.seq}`,
          code: 'step_overdue',
          detail: `${STEP_LABELS[open.step]}环节${open.from}开始，限${limit === 0 ? '当日' : `${limit}个工作日`}（${by}前）完成，${endDay ? `${endDay}才完成` : '至今未完成'}`,
          ...(staffNo ? { staffNo } : {}),
        })
    }
    open = undefined
  }
  for (const e of f.events) {
    if (e.action === 'accept') accepted = true
    const step = stepOf(e.to, accepted)
    if (open && open.step === step) continue
    close(beijingDate(e.at), e.staffNo)
    if (step) open = { step, seq: e.seq, from: beijingDate(e.at) }
  }
  if (open && isLit(f.state)) close(undefined, lastStaff(f))
  return out
}

export interface LightReason {
  code: ViolationCode | 'due_soon'
  label: string
  detail: string
}

/**
 * The light: red with every violation that counts, else yellow when the promised date nears
 * (at most `yellowDaysLeft` working days, or at most `yellowShare` of the promised days left,
 * while the clock runs and nothing is decided yet), else green.
 */
export function lightOf(
  f: Pick<CaseFactsForLights, 'deadline' | 'decidedOn'>,
  rules: Pick<MatterRules, 'yellowDaysLeft' | 'yellowShare'>,
  violations: Array<{ code: ViolationCode; detail: string }>,
): { light: Light; reasons: LightReason[] } {
  const reasons: LightReason[] = violations.map((v) => ({ code: v.code, label: VIOLATION_LABELS[v.code], detail: v.detail }))
  const d = f.deadline
  const soon =
    d &&
    !d.overdue &&
    !d.paused &&
    !f.decidedOn &&
    (d.workingDaysLeft <= rules.yellowDaysLeft || (d.limitDays > 0 && d.workingDaysLeft <= rules.yellowShare * d.limitDays))
  if (soon)
    reasons.push({
      code: 'due_soon',
      label: '临近办结期限',
      detail: d.workingDaysLeft <= 0 ? `承诺办结日期${d.dueDate}，今日到期` : `承诺办结日期${d.dueDate}，仅剩${d.workingDaysLeft}个工作日`,
    })
  const light: Light = violations.length ? 'red' : soon ? 'yellow' : 'green'
  return { light, reasons }
}

export const worse = (a: Light, b: Light) => RANK[a] > RANK[b]
