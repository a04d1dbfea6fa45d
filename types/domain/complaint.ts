import { z } from '../zod'
import type { WorkingDayCalendar } from './working-days'
import { checkedCode } from './check-code'
import { INQUIRY_IMAGE_MAX_BYTES, INQUIRY_IMAGE_TYPES } from './inquiry'

/**
 * Complaints to the centre office (投诉). A citizen complains about a case, a window, a staff
 * member or the centre as a whole, under their name or anonymously. The office (role
 * `supervisor`) decides acceptance within 5 working days; an accepted complaint is answered by the
 * office itself or transferred to the department that must answer, and the office closes it with
 * its final reply within 10 working days of acceptance. The complainant rates the answer once.
 * One transition table decides on the server and tells the pages which buttons to show.
 */

export const COMPLAINT_SUBJECT_KINDS = ['case', 'window', 'staff', 'centre'] as const
export type ComplaintSubjectKind = (typeof COMPLAINT_SUBJECT_KINDS)[number]
export const COMPLAINT_SUBJECT_LABELS: Record<ComplaintSubjectKind, string> = {
  case: '办件',
  window: '窗口',
  staff: '工作人员',
  centre: '政务服务中心',
}

export const COMPLAINT_STATES = ['submitted', 'accepted', 'not_accepted', 'transferred', 'replied', 'resolved'] as const
export type ComplaintState = (typeof COMPLAINT_STATES)[number]
export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  not_accepted: '不予受理',
  transferred: '已转部门办理',
  replied: '部门已答复',
  resolved: '已办结',
}
/** How the pages colour a state (the Tag tones): waiting on the office orange, with a department blue, ended grey or green. */
export const COMPLAINT_STATE_TONES: Record<ComplaintState, 'blue' | 'green' | 'orange' | 'gray'> = {
  submitted: 'orange',
  accepted: 'blue',
  not_accepted: 'gray',
  transferred: 'blue',
  replied: 'blue',
  resolved: 'green',
}
/** States in which the complaint still waits for the office or a department (the overdue box). */
export const OPEN_COMPLAINT_STATES = ['submitted', 'accepted', 'transferred', 'replied'] as const satisfies readonly ComplaintState[]
export const isOpenComplaint = (s: ComplaintState) => (OPEN_COMPLAINT_STATES as readonly ComplaintState[]).includes(s)

export const COMPLAINT_ACTIONS = ['accept', 'notAccept', 'transfer', 'reply', 'resolve', 'rate'] as const
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number]

/** office: a supervisor; department: window staff or lead of the department it was transferred to; complainant: who submitted it. */
export type ComplaintActor = 'office' | 'department' | 'complainant'

export interface ComplaintTransition {
  action: ComplaintAction
  from: readonly ComplaintState[]
  /** `rate` changes no state: the complaint stays resolved. */
  to: ComplaintState
  by: ComplaintActor
  label: string
}

export const COMPLAINT_TRANSITIONS: readonly ComplaintTransition[] = [
  { action: 'accept', from: ['submitted'], to: 'accepted', by: 'office', label: '受理' },
  { action: 'notAccept', from: ['submitted'], to: 'not_accepted', by: 'office', label: '不予受理' },
  // Transferring a complaint not yet accepted accepts it at the same moment.
  { action: 'transfer', from: ['submitted', 'accepted'], to: 'transferred', by: 'office', label: '转部门办理' },
  { action: 'reply', from: ['transferred'], to: 'replied', by: 'department', label: '部门答复' },
  { action: 'resolve', from: ['accepted', 'replied'], to: 'resolved', by: 'office', label: '办结答复' },
  { action: 'rate', from: ['resolved'], to: 'resolved', by: 'complainant', label: '评价答复' },
]

export interface ComplaintFacts {
  state: ComplaintState
  rated: boolean
}

/** Why the action is refused: `who` (never for this actor → FORBIDDEN) or `when` (not now → CONFLICT); undefined when allowed. */
export function complaintRefusal(
  action: ComplaintAction,
  actor: ComplaintActor,
  f: ComplaintFacts,
): { kind: 'who' | 'when'; message: string } | undefined {
  const t = COMPLAINT_TRANSITIONS.find((x) => x.action === action)
  if (!t) return { kind: 'who', message: '不支持的操作' }
  if (t.by !== actor) return { kind: 'who', message: '您不能进行此操作' }
  if (!t.from.includes(f.state)) return { kind: 'when', message: `投诉${COMPLAINT_STATE_LABELS[f.state]}，不能${t.label}` }
  if (action === 'rate' && f.rated) return { kind: 'when', message: '您已评价过该投诉的答复' }
  return undefined
}

export const allowedComplaintActions = (actor: ComplaintActor, f: ComplaintFacts): ComplaintAction[] =>
  COMPLAINT_ACTIONS.filter((a) => !complaintRefusal(a, actor, f))

export const complaintTransition = (action: ComplaintAction): ComplaintTransition => COMPLAINT_TRANSITIONS.find((t) => t.action === action)!

/** The complainant's rating of the answer. */
export const COMPLAINT_RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const
export type ComplaintRating = (typeof COMPLAINT_RATINGS)[number]
export const COMPLAINT_RATING_LABELS: Record<ComplaintRating, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

/** The centre's complaint policy; the `settings` document `complaint_policy` overrides any field. */
export const complaintPolicySchema = z.object({
  /** Working days the office has to decide acceptance (the day of submission does not count). */
  decideWorkingDays: z.number().int().min(1).max(30),
  /** Working days from acceptance to the office's final reply (the day of acceptance does not count; day 10 is in time). */
  resolveWorkingDays: z.number().int().min(1).max(60),
  /** Failed tracking lookups one account may make in an hour. */
  trackMaxFailures: z.number().int().min(1).max(100),
})
export type ComplaintPolicy = z.infer<typeof complaintPolicySchema>

export const DEFAULT_COMPLAINT_POLICY: ComplaintPolicy = {
  decideWorkingDays: 5,
  resolveWorkingDays: 10,
  trackMaxFailures: 5,
}
export const TRACK_WINDOW_MS = 60 * 60 * 1000

export const decideDueDate = (submittedOn: string, policy: Pick<ComplaintPolicy, 'decideWorkingDays'>, cal: WorkingDayCalendar) =>
  cal.addWorkingDays(submittedOn, policy.decideWorkingDays)
export const resolveDueDate = (acceptedOn: string, policy: Pick<ComplaintPolicy, 'resolveWorkingDays'>, cal: WorkingDayCalendar) =>
  cal.addWorkingDays(acceptedOn, policy.resolveWorkingDays)
/** A due date is kept to its end: overdue from the next day on. */
export const isOverdue = (dueDate: string, today: string) => today > dueDate

/**
 * Tracking numbers (投诉编号): `TS` + 10 random characters + 1 check character (check-code.ts).
 * Guessing is stopped by the password (anonymous) or the account (real-name) and the lookup budget,
 * not by the length.
 */
const trackingNumbers = checkedCode('TS', 10)
export const newTrackingNo = trackingNumbers.make
export const isValidTrackingNo = trackingNumbers.isValid

/** The query password (查询密码) of an anonymous complaint: 8 digits. */
export const PASSWORD_DIGITS = 8
export const isPasswordShape = (s: string) => /^\d{8}$/.test(s)

/** What a complaint is about, as stored and as the office sees it. */
export interface ComplaintAbout {
  kind: ComplaintSubjectKind
  caseId?: string
  windowId?: string
  staffNo?: string
  staffName?: string
}

/**
 * Whether a staff member is the subject of the complaint (by staff number, or by name as the
 * complainant typed it): such a member may not see or answer it, so the complaint's details
 * never reach the person it is about through the department's list.
 */
export const isSubjectOf = (about: ComplaintAbout, staff: { staffNo: string; name: string }): boolean =>
  about.kind === 'staff' &&
  ((!!about.staffNo && about.staffNo === staff.staffNo.toUpperCase()) ||
    (!!about.staffName && about.staffName.replace(/\s+/g, '') === staff.name.replace(/\s+/g, '')))

/** A short title for notices (thing fields hold 20 characters). */
export const complaintTitle = (about: Pick<ComplaintAbout, 'kind'>) => `对${COMPLAINT_SUBJECT_LABELS[about.kind]}的投诉`

/**
 * Photos of a complaint: at most 3, JPEG or PNG up to 2 MB each, checked by their bytes — the
 * same rule as an inquiry's photos, so one picker and one message serve both.
 */
export const COMPLAINT_PHOTO_MAX = 3
export const COMPLAINT_PHOTO_MAX_BYTES = INQUIRY_IMAGE_MAX_BYTES
export const COMPLAINT_PHOTO_TYPES = INQUIRY_IMAGE_TYPES
export type ComplaintPhotoType = (typeof COMPLAINT_PHOTO_TYPES)[number]

/** The two deadlines the office watches: the decision on acceptance, and the final reply. */
export const COMPLAINT_STAGES = ['decide', 'resolve'] as const
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number]
export const COMPLAINT_STAGE_LABELS: Record<ComplaintStage, string> = { decide: '受理决定', resolve: '办结答复' }
/** The deadline an open complaint waits on: the decision while submitted, the final reply afterwards. */
export const stageOfComplaint = (s: ComplaintState): ComplaintStage | undefined =>
  s === 'submitted' ? 'decide' : isOpenComplaint(s) ? 'resolve' : undefined

/**
 * How the complainant's rating of the answer counts in 好差评 (the rating function's five levels):
 * 满意 → satisfied, 基本满意 → basic, 不满意 → dissatisfied.
 */
export const COMPLAINT_RATING_LEVELS = { satisfied: 'satisfied', basic: 'basic', unsatisfied: 'dissatisfied' } as const satisfies Record<
  ComplaintRating,
  string
>

/**
 * What a complaint is about, in words for the pages: 办件 + its number, the window's name (as
 * `windowName` gives it), the staff member as the complainant named them, or the centre.
 */
export function aboutLabel(about: ComplaintAbout, windowName: (windowId: string) => string = (id) => id): string {
  if (about.kind === 'case') return about.caseId ? `办件 ${about.caseId}` : '办件'
  if (about.kind === 'window') return about.windowId ? windowName(about.windowId) : '窗口'
  if (about.kind === 'staff') return ['工作人员', about.staffName, about.staffNo].filter(Boolean).join(' ')
  return COMPLAINT_SUBJECT_LABELS.centre
}
