import { z } from '../zod'
import { beijingClock, beijingDate } from './dates'
import type { WorkingDayCalendar } from './working-days'

/**
 * 督办 (supervision orders): the centre office (效能监督) orders a department to put something
 * right — a case, a rating (差评), a complaint, or a pattern seen across several — with a reason,
 * a requirement and a deadline; the department's lead replies with what was done; the office
 * checks it and closes the order or sends it back. An order not answered by its deadline, or
 * answered late, is escalated once to 通报 for the centre's director. Municipal 电子监察 rules
 * (e.g. a city's 行政审批电子监察办法, copy on lawyee.net) have the department reply online within
 * 5 working days; 12345-style rules answer a reply still late with a written 通报.
 */

export const ORDER_OBJECT_KINDS = ['case', 'rating', 'complaint', 'pattern'] as const
export type OrderObjectKind = (typeof ORDER_OBJECT_KINDS)[number]
export const ORDER_OBJECT_LABELS: Record<OrderObjectKind, string> = {
  case: '办件',
  rating: '差评',
  complaint: '投诉',
  pattern: '共性问题',
}

/**
 * `open`: waiting for the department's reply; `replied`: waiting for the office's check;
 * `returned`: sent back by the office, waiting for a new reply; `closed`: checked and done.
 * Escalation (通报) is not a state: an escalated order still runs its course, and is flagged.
 */
export const ORDER_STATES = ['open', 'replied', 'returned', 'closed'] as const
export type OrderState = (typeof ORDER_STATES)[number]
export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  open: '待回复',
  replied: '待核查',
  returned: '已退回',
  closed: '已办结',
}

/** The lists a reader filters by: 待回复 (with the sent-back ones), 待核查, 已办结, and 通报 across states. */
export const ORDER_FILTERS = ['open', 'replied', 'closed', 'escalated'] as const
export type OrderFilter = (typeof ORDER_FILTERS)[number]
export const ORDER_FILTER_LABELS: Record<OrderFilter, string> = {
  open: '待回复',
  replied: '待核查',
  closed: '已办结',
  escalated: '通报',
}
export const FILTER_STATES: Record<Exclude<OrderFilter, 'escalated'>, OrderState[]> = {
  open: ['open', 'returned'],
  replied: ['replied'],
  closed: ['closed'],
}

export type OrderActor = 'lead' | 'office'
export const ORDER_ACTIONS = ['reply', 'close', 'sendBack'] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

/** The state table: who may take each step, from which states, and where it leads. */
export const ORDER_TRANSITIONS: Record<OrderAction, { by: OrderActor; from: readonly OrderState[]; to: OrderState }> = {
  reply: { by: 'lead', from: ['open', 'returned'], to: 'replied' },
  close: { by: 'office', from: ['replied'], to: 'closed' },
  sendBack: { by: 'office', from: ['replied'], to: 'returned' },
}

export const isAwaitingReply = (s: OrderState) => s === 'open' || s === 'returned'

/** Why `actor` may not take `action` on an order in `state`: `who` (not theirs to take) or `state` (not now); undefined when allowed. */
export function orderRefusal(action: OrderAction, actors: readonly OrderActor[], state: OrderState) {
  const t = ORDER_TRANSITIONS[action]
  if (!actors.includes(t.by))
    return { kind: 'who' as const, message: t.by === 'lead' ? '只有被督办部门的负责人可以回复' : '只有中心效能监督可以核查' }
  if (!t.from.includes(state))
    return { kind: 'state' as const, message: `督办单${ORDER_STATE_LABELS[state]}，不能${ORDER_ACTION_LABELS[action]}` }
  return undefined
}

export const ORDER_ACTION_LABELS: Record<OrderAction, string> = { reply: '回复', close: '办结', sendBack: '退回' }

export const allowedOrderActions = (state: OrderState, actors: readonly OrderActor[]): OrderAction[] =>
  ORDER_ACTIONS.filter((a) => !orderRefusal(a, actors, state))

/** The steps an order's record keeps, one audit entry each. */
export const ORDER_STEP_KINDS = ['issued', 'replied', 'sent_back', 'closed', 'escalated'] as const
export type OrderStepKind = (typeof ORDER_STEP_KINDS)[number]
export const ORDER_STEP_LABELS: Record<OrderStepKind, string> = {
  issued: '发出督办',
  replied: '部门回复',
  sent_back: '退回重办',
  closed: '核查办结',
  escalated: '超期通报',
}

export const ESCALATION_CAUSES = ['no_reply', 'late_reply'] as const
export type EscalationCause = (typeof ESCALATION_CAUSES)[number]
export const ESCALATION_LABELS: Record<EscalationCause, string> = {
  no_reply: '逾期未回复',
  late_reply: '超期回复',
}

/** The policy in the `settings` document `supervision_orders_policy` (README, Settings). */
export const ordersPolicySchema = z.object({
  /** Working days the department has to reply, counted from the day after the order is issued. */
  replyWorkingDays: z.number().int().min(1).max(30),
  /** A red case gets an automatic order once it has been red this many working days. */
  autoAfterWorkingDays: z.number().int().min(1).max(10),
  /** The most working days the office may add when it sends an order back. */
  maxExtendWorkingDays: z.number().int().min(1).max(30),
})
export type OrdersPolicy = z.infer<typeof ordersPolicySchema>
export const DEFAULT_ORDERS_POLICY: OrdersPolicy = { replyWorkingDays: 5, autoAfterWorkingDays: 2, maxExtendWorkingDays: 10 }

/** The reply's due date: the n-th working day after the day of issue (the day itself does not count). */
export const orderDueDate = (issuedOn: string, workingDays: number, cal: WorkingDayCalendar): string =>
  cal.addWorkingDays(issuedOn, workingDays)

/** Whether an order waiting for its reply is past its due date on `today` (the due date itself is still in time). */
export const isOverdue = (o: { state: OrderState; dueDate: string }, today: string): boolean =>
  isAwaitingReply(o.state) && today > o.dueDate

/** Whether a reply given on `today` is late. */
export const isLateReply = (dueDate: string, today: string): boolean => today > dueDate

/**
 * The due date after a send-back: unchanged without an extension, else `extendDays` working days
 * after the later of the old due date and today. Past its due date, a send-back must extend it,
 * or the department would be late the moment it is told: `undefined` then.
 */
export function dueAfterSendBack(dueDate: string, today: string, extendDays: number, cal: WorkingDayCalendar): string | undefined {
  if (extendDays <= 0) return today > dueDate ? undefined : dueDate
  return cal.addWorkingDays(today > dueDate ? today : dueDate, extendDays)
}

/**
 * Whether a case red since `redSince` has been red for `days` working days at `now`: `days`
 * working days have passed since the day it turned red and, on the last of them, the time of day
 * it turned red. A day off in between does not count.
 */
export function redLongEnough(redSince: Date, now: Date, days: number, cal: WorkingDayCalendar): boolean {
  const passed = cal.workingDaysBetween(beijingDate(redSince), beijingDate(now))
  return passed > days || (passed === days && beijingClock(now) >= beijingClock(redSince))
}

/** A pattern order's name, which no object gives it: its reason, cut to fit a line (and a notice). */
export const patternTitle = (reason: string): string => {
  const chars = [...reason.trim()]
  return `共性问题：${chars.length > 16 ? `${chars.slice(0, 15).join('')}…` : chars.join('')}`
}

/**
 * The key that keeps one open order per object: `<kind>:<id>` while the order is open, the
 * order's own id once it is closed (a pattern order is about no single object: always its id).
 */
export const openKeyOf = (kind: OrderObjectKind, objectId: string | undefined, orderId: string, open: boolean): string =>
  open && kind !== 'pattern' && objectId ? `${kind}:${objectId}` : orderId
