import { z } from '../zod'
import { addCalendarDays } from './dates'
import type { WorkingDayCalendar } from './working-days'

/**
 * 上门服务 (door-to-door service): a citizen who cannot come to the hall asks for staff to come to
 * them, for a matter whose catalogue entry offers it (`flags.doorToDoor`). The flow seen in county
 * centres (卫辉市, 潢川县, 郑州: request → 派单 → 约定时间 → 上门 → 受理) is one table here:
 *
 * | from                              | action        | who       | to                    |
 * | requested, reschedule_requested   | assign        | lead      | assigned              |
 * | assigned, confirmed               | assign        | lead      | assigned (reassigned) |
 * | assigned                          | confirm       | citizen   | confirmed             |
 * | assigned, confirmed               | reschedule    | citizen   | reschedule_requested  |
 * | any active state                  | cancel        | citizen   | cancelled             |
 * | any active state                  | decline       | lead      | declined              |
 * | confirmed                         | record        | assignee  | visited               |
 * | visited (no case linked yet)      | linkCase      | assignee  | visited               |
 *
 * "lead" is a 负责人 (dept_lead) of the matter's department; "assignee" the staff member the lead
 * assigned. Deadlines count working days on the centre's calendar from the day of the request:
 * the department contacts the citizen (assigns a time) within `contactWorkingDays` and visits
 * within `visitWorkingDays`, or on the citizen's earliest preferred day when every preferred day
 * is later (a citizen who asks for next Thursday is not visited late on Thursday).
 */

export const VISIT_STATES = ['requested', 'assigned', 'confirmed', 'reschedule_requested', 'visited', 'cancelled', 'declined'] as const
export type VisitState = (typeof VISIT_STATES)[number]
export const VISIT_STATE_LABELS: Record<VisitState, string> = {
  requested: '待派单',
  assigned: '待确认时间',
  confirmed: '已约定时间',
  reschedule_requested: '申请改期',
  visited: '已上门',
  cancelled: '已取消',
  declined: '未能安排',
}
export const ACTIVE_VISIT_STATES = ['requested', 'assigned', 'confirmed', 'reschedule_requested'] as const satisfies readonly VisitState[]
export const isActiveVisit = (s: VisitState): boolean => (ACTIVE_VISIT_STATES as readonly VisitState[]).includes(s)

export const VISIT_ACTIONS = ['assign', 'confirm', 'reschedule', 'cancel', 'decline', 'record', 'linkCase'] as const
export type VisitAction = (typeof VISIT_ACTIONS)[number]
export type VisitActor = 'citizen' | 'lead' | 'assignee'

const FROM: Record<VisitAction, { who: VisitActor; from: readonly VisitState[] }> = {
  assign: { who: 'lead', from: ['requested', 'reschedule_requested', 'assigned', 'confirmed'] },
  confirm: { who: 'citizen', from: ['assigned'] },
  reschedule: { who: 'citizen', from: ['assigned', 'confirmed'] },
  cancel: { who: 'citizen', from: ACTIVE_VISIT_STATES },
  decline: { who: 'lead', from: ACTIVE_VISIT_STATES },
  record: { who: 'assignee', from: ['confirmed'] },
  linkCase: { who: 'assignee', from: ['visited'] },
}

/** The actions `actors` may take on a request in `state` (the pages show exactly these). */
export function allowedVisitActions(state: VisitState, actors: readonly VisitActor[], caseLinked: boolean): VisitAction[] {
  return VISIT_ACTIONS.filter((a) => actors.includes(FROM[a].who) && FROM[a].from.includes(state) && !(a === 'linkCase' && caseLinked))
}

/** Why `action` is refused, or nothing: `who` when the actor may never take it, `state` when not now. */
export function visitRefusal(action: VisitAction, actors: readonly VisitActor[], state: VisitState, caseLinked: boolean) {
  if (!actors.includes(FROM[action].who)) return { kind: 'who' as const, message: '您不能办理此操作' }
  if (!allowedVisitActions(state, actors, caseLinked).includes(action))
    return { kind: 'state' as const, message: `上门服务当前为「${VISIT_STATE_LABELS[state]}」，不能办理此操作` }
  return undefined
}

export const VISIT_REASONS = ['elderly', 'disabled', 'ill', 'enterprise', 'other'] as const
export type VisitReason = (typeof VISIT_REASONS)[number]
export const VISIT_REASON_LABELS: Record<VisitReason, string> = {
  elderly: '年老体弱',
  disabled: '残疾',
  ill: '重病',
  enterprise: '企业集中办理',
  other: '其他',
}

/** Who asks, in relation to the person served: a relative may ask for an elderly parent. */
export const VISIT_RELATIONS = ['self', 'child', 'spouse', 'parent', 'relative', 'staff_of_enterprise'] as const
export type VisitRelation = (typeof VISIT_RELATIONS)[number]
export const VISIT_RELATION_LABELS: Record<VisitRelation, string> = {
  self: '本人',
  child: '子女',
  spouse: '配偶',
  parent: '父母',
  relative: '其他亲属',
  staff_of_enterprise: '企业经办人',
}

export const HALF_DAYS = ['am', 'pm'] as const
export type HalfDay = (typeof HALF_DAYS)[number]
export const HALF_DAY_LABELS: Record<HalfDay, string> = { am: '上午', pm: '下午' }
export interface VisitSlot {
  date: string
  half: HalfDay
}
/** `2026-09-29 上午`: a half day as every page and notice writes it. */
export const slotLabel = (s: VisitSlot) => `${s.date} ${HALF_DAY_LABELS[s.half]}`
/** The slot as a template time value: the half day's working hours (09:00~12:00, 13:30~17:30). */
export const slotTime = (s: VisitSlot) => `${s.date} ${s.half === 'am' ? '09:00-12:00' : '13:30-17:30'}`

/** How many preferred half days a request may name. */
export const MAX_PREFERRED = 3

export const visitPolicySchema = z.object({
  /** Working days, after the day of the request, in which the department assigns a time (联系群众). */
  contactWorkingDays: z.number().int().min(1).max(10),
  /** Working days, after the day of the request, in which the visit takes place. */
  visitWorkingDays: z.number().int().min(1).max(30),
  /** How many working days ahead (after today) the citizen may prefer and the lead may assign. */
  horizonWorkingDays: z.number().int().min(1).max(30),
})
export type VisitPolicy = z.infer<typeof visitPolicySchema>
/** The research's proposal (contact ≤ 1 working day, visit ≤ 5); the horizon as online booking's default. */
export const DEFAULT_VISIT_POLICY: VisitPolicy = { contactWorkingDays: 1, visitWorkingDays: 5, horizonWorkingDays: 10 }

/** The working days a visit may be preferred or set on: from the next working day after `today` through the horizon. */
export function visitDates(today: string, horizon: number, cal: WorkingDayCalendar): string[] {
  const out: string[] = []
  for (let d = today; out.length < horizon;) {
    d = addCalendarDays(d, 1)
    if (cal.isWorkingDay(d)) out.push(d)
  }
  return out
}

/** The two deadlines of a request made on `submittedOn`, given the preferred days. */
export function visitDeadlines(submittedOn: string, preferred: readonly VisitSlot[], policy: VisitPolicy, cal: WorkingDayCalendar) {
  const contactDue = cal.addWorkingDays(submittedOn, policy.contactWorkingDays)
  const byRule = cal.addWorkingDays(submittedOn, policy.visitWorkingDays)
  const earliest = [...preferred.map((p) => p.date)].sort()[0]
  const visitDue = earliest && earliest > byRule ? earliest : byRule
  return { contactDue, visitDue }
}

/** Which deadline a request is past on `today`, if any: the assignment's while nobody was ever assigned, then the visit's. */
export function overdueStage(
  doc: { state: VisitState; contactDue: string; visitDue: string },
  today: string,
): 'contact' | 'visit' | undefined {
  if (!isActiveVisit(doc.state)) return undefined
  if (doc.state === 'requested' && doc.contactDue < today) return 'contact'
  if (doc.visitDue < today) return 'visit'
  return undefined
}
export const OVERDUE_STAGE_LABELS = { contact: '派单联系', visit: '上门服务' } as const

/** How a page colours a request: waiting on someone, visited, or ended without a visit. */
export const visitTone = (s: VisitState): 'waiting' | 'done' | 'ended' =>
  s === 'visited' ? 'done' : isActiveVisit(s) ? 'waiting' : 'ended'
