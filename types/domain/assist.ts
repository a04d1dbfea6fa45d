import { z } from '../zod'
import type { WorkingDayCalendar } from './working-days'

/**
 * 帮办代办 (assisted service). A citizen — often an elderly person, or a relative for them — asks
 * the centre for help with a matter. The centre office or its 帮办 desk claims the request under
 * 首问负责制 (the first one to take it answers for it to the end, as with inquiries), contacts the
 * citizen and may prepare the online application on their behalf: the prepared form waits in the
 * request until the citizen checks it in the application page and submits it from their own
 * account, so nobody files for another person. The helper closes the request with what was done.
 * Policy anchors: 国发〔2024〕3号 (高效办成一件事) asks county centres for 帮办代办; practice in
 * 潢川县 and 新平县 (帮办代办驿站, 厅内帮办) is summarised in the README.
 */

/** The request's id (`as-` and 20 hex digits); the case contract takes it too, for an application a helper prepared. */
export const assistIdSchema = z.string().regex(/^as-[0-9a-f]{20}$/, '帮办申请编号格式不正确')

export const ASSIST_REASONS = ['elderly', 'disabled', 'ill', 'no_smartphone', 'enterprise', 'other'] as const
export type AssistReason = (typeof ASSIST_REASONS)[number]
export const ASSIST_REASON_LABELS: Record<AssistReason, string> = {
  elderly: '年老体弱',
  disabled: '残疾',
  ill: '重病',
  no_smartphone: '不会使用智能手机',
  enterprise: '企业集中办理',
  other: '其他',
}

export const ASSIST_STATES = ['requested', 'claimed', 'drafted', 'confirmed', 'closed', 'cancelled'] as const
export type AssistState = (typeof ASSIST_STATES)[number]
export const ASSIST_STATE_LABELS: Record<AssistState, string> = {
  requested: '待认领',
  claimed: '帮办中',
  drafted: '待确认申请',
  confirmed: '已提交申请',
  closed: '已办结',
  cancelled: '已取消',
}
export const OPEN_ASSIST_STATES = ['requested', 'claimed', 'drafted', 'confirmed'] as const satisfies readonly AssistState[]
export const isOpenAssist = (s: AssistState) => (OPEN_ASSIST_STATES as readonly AssistState[]).includes(s)

export const ASSIST_ACTIONS = ['claim', 'prepare', 'close', 'cancel', 'confirm'] as const
export type AssistAction = (typeof ASSIST_ACTIONS)[number]

/** requester: who asked; desk: the office or 帮办 desk before anyone claimed; owner: the helper who claimed it. */
export type AssistActor = 'requester' | 'desk' | 'owner'

interface AssistTransition {
  action: AssistAction
  from: readonly AssistState[]
  to: AssistState
  by: AssistActor
  label: string
}

export const ASSIST_TRANSITIONS: readonly AssistTransition[] = [
  { action: 'claim', from: ['requested'], to: 'claimed', by: 'desk', label: '认领' },
  // A prepared application may be prepared again (the citizen asked for a change by phone).
  { action: 'prepare', from: ['claimed', 'drafted'], to: 'drafted', by: 'owner', label: '代填申请' },
  // The citizen submits the prepared application from their own account (case.createDraft with the request's id).
  { action: 'confirm', from: ['drafted'], to: 'confirmed', by: 'requester', label: '确认申请' },
  { action: 'close', from: ['claimed', 'drafted', 'confirmed'], to: 'closed', by: 'owner', label: '办结' },
  { action: 'cancel', from: ['requested', 'claimed', 'drafted'], to: 'cancelled', by: 'requester', label: '取消' },
]

export interface AssistFacts {
  state: AssistState
  /** Whether the matter can be applied for online: only then can an application be prepared. */
  online: boolean
}

/** Why the action is refused: `who` (never for this actor → FORBIDDEN) or `when` (not now → CONFLICT); undefined when allowed. */
export function assistRefusal(
  action: AssistAction,
  actor: AssistActor,
  f: AssistFacts,
): { kind: 'who' | 'when'; message: string } | undefined {
  const t = ASSIST_TRANSITIONS.find((x) => x.action === action)
  if (!t) return { kind: 'who', message: '不支持的操作' }
  if (t.by !== actor) return { kind: 'who', message: '您不能进行此操作' }
  if (!t.from.includes(f.state)) return { kind: 'when', message: `帮办申请${ASSIST_STATE_LABELS[f.state]}，不能${t.label}` }
  if (action === 'prepare' && !f.online) return { kind: 'when', message: '该事项不能网上申请，请到窗口办理' }
  return undefined
}

export const allowedAssistActions = (actor: AssistActor, f: AssistFacts): AssistAction[] =>
  ASSIST_ACTIONS.filter((a) => !assistRefusal(a, actor, f))

export const assistTransition = (action: AssistAction): AssistTransition => ASSIST_TRANSITIONS.find((t) => t.action === action)!

/** The assist policy; the `settings` document `assist_policy` overrides any field. */
export const assistPolicySchema = z.object({
  /** Working days the desk has to claim a request and contact the citizen (the day of the request does not count). */
  claimWorkingDays: z.number().int().min(1).max(10),
  /**
   * Departments whose staff form the 帮办 desk and may claim requests, besides the centre office
   * (role supervisor). Empty by default: each centre names its own desk.
   */
  deskDepartmentIds: z.array(z.string()).max(20),
  /** Open requests one account may have at a time. */
  maxOpenPerAccount: z.number().int().min(1).max(20),
})
export type AssistPolicy = z.infer<typeof assistPolicySchema>

export const DEFAULT_ASSIST_POLICY: AssistPolicy = { claimWorkingDays: 1, deskDepartmentIds: [], maxOpenPerAccount: 3 }

/** Who works the 帮办 desk: the centre office (role supervisor) and the staff of the desk departments the policy names. */
export const worksAssistDesk = (staff: { role: string; departmentId: string }, policy: Pick<AssistPolicy, 'deskDepartmentIds'>): boolean =>
  staff.role === 'supervisor' ||
  ((staff.role === 'window_staff' || staff.role === 'dept_lead') && policy.deskDepartmentIds.includes(staff.departmentId))

export const claimDueDate = (requestedOn: string, policy: Pick<AssistPolicy, 'claimWorkingDays'>, cal: WorkingDayCalendar) =>
  cal.addWorkingDays(requestedOn, policy.claimWorkingDays)

/** A short title for notices (thing fields hold 20 characters). */
export const assistTitle = (matterName: string | undefined) => (matterName ? `帮办：${matterName}`.slice(0, 20) : '帮办代办申请')
