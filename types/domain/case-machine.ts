/**
 * The case state machine (办件状态): one table, enforced by the case function and read by the app
 * to decide which buttons to show. Every transition names who may take it.
 *
 * 补正 (supplement) normally happens in pre-review, before acceptance; it can also happen while an
 * accepted case is in process, and then the legal clock pauses until the citizen resubmits.
 */
export const CASE_STATES = [
  'draft',
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
  'completed',
  'withdrawn',
] as const
export type CaseState = (typeof CASE_STATES)[number]

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  draft: '草稿',
  submitted: '已提交',
  pre_review: '预审中',
  supplement_requested: '待补正',
  resubmitted: '已补正',
  accepted: '已受理',
  in_process: '办理中',
  approved: '已办结（准予）',
  rejected: '已办结（不予）',
  ready_for_pickup: '待领取',
  mailed: '已寄出',
  completed: '已完成',
  withdrawn: '已撤回',
}

/** Who acts: the applicant (the citizen who owns the case) or staff of the case's department. */
/** The states in which the applicant may still change what they send (form, applicant, delivery, materials). */
export const EDITABLE_STATES = ['draft', 'supplement_requested'] as const satisfies readonly CaseState[]
export const isEditable = (state: CaseState): boolean => (EDITABLE_STATES as readonly CaseState[]).includes(state)

export type CaseActor = 'applicant' | 'window_staff' | 'dept_lead'

export const CASE_ACTIONS = [
  'submit',
  'startPreReview',
  'requestSupplement',
  'resubmit',
  'accept',
  'startProcessing',
  'completeImmediately',
  'approve',
  'reject',
  'readyForPickup',
  'mail',
  'complete',
  'withdraw',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export interface Transition {
  action: CaseAction
  from: readonly CaseState[]
  to: CaseState
  by: readonly CaseActor[]
  label: string
}

/**
 * A step as the citizen (and a bound relative) reads it on the timeline: the outcome, in plain
 * words, rather than what the clerk did (「开始预审」, 「通知领取」 stay the staff's words).
 */
export function citizenStepLabel(action: CaseAction, from: CaseState): string {
  if (action === 'complete') return from === 'mailed' ? '已签收' : '已领取'
  return CITIZEN_STEP_LABELS[action]
}
const CITIZEN_STEP_LABELS: Record<Exclude<CaseAction, 'complete'>, string> = {
  submit: '已提交申请',
  startPreReview: '材料预审中',
  requestSupplement: '需要补正',
  resubmit: '已提交补正',
  accept: '已受理',
  startProcessing: '审批中',
  completeImmediately: '已办结',
  approve: '审批通过',
  reject: '审批未通过',
  readyForPickup: '可领取',
  mail: '已寄出',
  withdraw: '已撤回',
}

const STAFF: readonly CaseActor[] = ['window_staff', 'dept_lead']
const BEFORE_ACCEPTANCE: readonly CaseState[] = ['draft', 'submitted', 'pre_review', 'supplement_requested', 'resubmitted']

export const CASE_TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: ['draft'], to: 'submitted', by: ['applicant'], label: '提交申请' },
  { action: 'startPreReview', from: ['submitted', 'resubmitted'], to: 'pre_review', by: STAFF, label: '开始预审' },
  { action: 'requestSupplement', from: ['pre_review', 'in_process'], to: 'supplement_requested', by: STAFF, label: '一次性告知补正' },
  { action: 'resubmit', from: ['supplement_requested'], to: 'resubmitted', by: ['applicant'], label: '提交补正材料' },
  { action: 'accept', from: ['pre_review'], to: 'accepted', by: STAFF, label: '受理' },
  { action: 'startProcessing', from: ['accepted', 'resubmitted'], to: 'in_process', by: STAFF, label: '开始办理' },
  { action: 'completeImmediately', from: ['accepted'], to: 'completed', by: STAFF, label: '即办办结' },
  { action: 'approve', from: ['in_process'], to: 'approved', by: STAFF, label: '准予办结' },
  { action: 'reject', from: ['in_process'], to: 'rejected', by: ['dept_lead'], label: '不予办理' },
  { action: 'readyForPickup', from: ['approved', 'rejected'], to: 'ready_for_pickup', by: STAFF, label: '通知领取' },
  { action: 'mail', from: ['approved', 'rejected'], to: 'mailed', by: STAFF, label: '邮寄送达' },
  { action: 'complete', from: ['ready_for_pickup', 'mailed'], to: 'completed', by: STAFF, label: '确认送达' },
  { action: 'withdraw', from: BEFORE_ACCEPTANCE, to: 'withdrawn', by: ['applicant'], label: '撤回申请' },
]

/** Facts about the case that some transitions depend on. */
export interface CaseFacts {
  state: CaseState
  matterKind: 'immediate' | 'promised' | 'joint' | 'reported'
  /** Set once accepted: a resubmission then goes back into processing, not to pre-review. */
  accepted: boolean
  /** 联办件: every department's sub-task is done. */
  allSubtasksDone: boolean
}

/** Why a transition is refused, or undefined when it is allowed. */
export function refusal(action: CaseAction, actor: CaseActor, c: CaseFacts): string | undefined {
  const t = CASE_TRANSITIONS.find((x) => x.action === action)
  if (!t) return '不支持的操作'
  if (!t.by.includes(actor)) return '您不能进行此操作'
  if (!t.from.includes(c.state)) return `办件${CASE_STATE_LABELS[c.state]}，不能${t.label}`
  if (action === 'completeImmediately' && c.matterKind !== 'immediate') return '只有即办件可以当场办结'
  if (action === 'approve' && c.matterKind === 'joint' && !c.allSubtasksDone) return '联办件须各部门子任务全部完成后才能办结'
  if (action === 'startPreReview' && c.state === 'resubmitted' && c.accepted) return '已受理的办件补正后应继续办理'
  if (action === 'startProcessing' && c.state === 'resubmitted' && !c.accepted) return '未受理的办件补正后应重新预审'
  return undefined
}

/** The actions an actor may take now: the UI shows exactly these buttons. */
export const allowedActions = (actor: CaseActor, c: CaseFacts): CaseAction[] =>
  CASE_TRANSITIONS.filter((t) => refusal(t.action, actor, c) === undefined).map((t) => t.action)

export const transitionOf = (action: CaseAction): Transition => CASE_TRANSITIONS.find((t) => t.action === action)!

/** The states of a case that end its handling (办结): decided, handed out or mailed. The clock has stopped; from then on it can be rated. */
export const FINISHED_CASE_STATES = [
  'approved',
  'rejected',
  'ready_for_pickup',
  'mailed',
  'completed',
] as const satisfies readonly CaseState[]
export const isFinishedCase = (state: string) => (FINISHED_CASE_STATES as readonly string[]).includes(state)
