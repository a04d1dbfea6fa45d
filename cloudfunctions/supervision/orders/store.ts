import type { OrderObjectView, OrderSummary, OrderView } from '../../../types/contracts/supervision/orders'
import {
  allowedOrderActions,
  DEFAULT_ORDERS_POLICY,
  ESCALATION_LABELS,
  isAwaitingReply,
  isOverdue,
  openKeyOf,
  ORDER_OBJECT_LABELS,
  ORDER_STATE_LABELS,
  ORDER_STEP_LABELS,
  orderRefusal,
  ordersPolicySchema,
  type EscalationCause,
  type OrderAction,
  type OrderActor,
  type OrderObjectKind,
  type OrdersPolicy,
  type OrderState,
  type OrderStepKind,
} from '../../../types/domain/supervision-orders'
import { beijingDate } from '../../../types/domain/working-days'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError, notFound } from '../../_kit/errors'
import type { Caller } from '../../_kit/identity'
import { readSetting } from '../../_kit/settings'

export interface StaffRef {
  staffNo: string
  name: string
}

/** One step of an order as kept on it: the record its audit entry and its notices are made from. */
export interface OrderStep {
  seq: number
  kind: OrderStepKind
  at: Date
  by?: StaffRef & { role: string }
  text?: string
  /** The due date the step set or left (issue, send-back) or passed (通报). */
  dueDate?: string
  cause?: EscalationCause
}

/** The object as stored: only what the order shows (no applicant, rater or complainant). */
export interface StoredObject {
  kind: OrderObjectKind
  id?: string
  title: string
  caseNo?: string
  matterName?: string
}

/**
 * A 督办单 as stored. `awaiting` mirrors "waiting for the department's reply" (open or returned)
 * for the escalation sweep's one query. Each step bumps `rev` and appends to `steps` in the same
 * guarded write; its audit entry and notices follow, and `effectsSeq` says up to which step they
 * are written: while `effectsPending`, the effects sweep finishes what a cut-short call left.
 */
export interface OrderDoc {
  _id: string
  openKey: string
  object: StoredObject
  departmentId: string
  departmentName: string
  reason: string
  requirement: string
  auto: boolean
  issuedAt: Date
  issuedOn: string
  issuedBy?: StaffRef
  dueDate: string
  state: OrderState
  awaiting: boolean
  reply?: { text: string; at: Date; by: StaffRef; late: boolean }
  sendBack?: { reason: string; at: Date }
  closeNote?: string
  closedAt?: Date
  escalated: boolean
  escalation?: { at: Date; cause: EscalationCause; dueDate: string }
  steps: OrderStep[]
  effectsSeq: number
  effectsPending: boolean
  rev: number
  updatedAt: Date
}

export const orders = () => db().collection<OrderDoc>(COLLECTIONS.supervisionOrders)
export const today = (now: Date) => beijingDate(now)
const iso = (d: Date | string) => new Date(d).toISOString()

export const ordersPolicy = (): Promise<OrdersPolicy> => readSetting('supervision_orders_policy', ordersPolicySchema, DEFAULT_ORDERS_POLICY)

/** What the caller is to the order: a lead of its department, the centre office (several roles never overlap). */
export function actorsOf(doc: Pick<OrderDoc, 'departmentId'>, caller: Caller): OrderActor[] {
  const s = caller.staff
  if (s?.role === 'supervisor') return ['office']
  if (s?.role === 'dept_lead' && s.departmentId === doc.departmentId) return ['lead']
  return []
}

/** Whether the caller may read the order: the office and the director (admin) every one, a lead their department's. */
export const canRead = (doc: Pick<OrderDoc, 'departmentId'>, caller: Caller): boolean =>
  caller.staff?.role === 'admin' || actorsOf(doc, caller).length > 0

export async function loadById(orderId: string): Promise<OrderDoc | undefined> {
  const { data } = await orders().where({ _id: orderId }).limit(1).get()
  return data[0]
}

/** The order if the caller may read it; another department's is answered as a missing one. */
export async function loadReadable(orderId: string, caller: Caller): Promise<OrderDoc> {
  const doc = await loadById(orderId)
  if (!doc || !canRead(doc, caller)) throw notFound('未找到该督办单')
  return doc
}

export function assertAllowed(action: OrderAction, doc: OrderDoc, caller: Caller): void {
  const why = orderRefusal(action, actorsOf(doc, caller), doc.state)
  if (why) throw new AppError(why.kind === 'who' ? 'FORBIDDEN' : 'CONFLICT', why.message)
}

/** The step's author as the record keeps it. */
export const byOf = (caller: Caller): OrderStep['by'] =>
  caller.staff ? { staffNo: caller.staff.staffNo, name: caller.staff.name, role: caller.staff.role } : undefined

/**
 * One step: the change and its record in one write guarded by the revision read, so a concurrent
 * step answers CONFLICT and a step is never half written. Closing frees the object for a new order
 * in the same write (`openKey` becomes the order's id).
 */
export async function writeStep(
  doc: OrderDoc,
  data: Partial<OrderDoc>,
  steps: Array<Omit<OrderStep, 'seq'>>,
  now: Date,
): Promise<OrderDoc> {
  const state = data.state ?? doc.state
  const records: OrderStep[] = steps.map((s, i) => ({ ...s, seq: doc.steps.length + 1 + i }))
  const change: Partial<OrderDoc> = {
    ...data,
    awaiting: isAwaitingReply(state),
    openKey: openKeyOf(doc.object.kind, doc.object.id, doc._id, state !== 'closed'),
    steps: [...doc.steps, ...records],
    effectsPending: true,
    rev: doc.rev + 1,
    updatedAt: now,
  }
  const { stats } = await orders().where({ _id: doc._id, rev: doc.rev }).update({ data: change })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该督办单已被更新，请刷新后重试')
  return { ...doc, ...change }
}

export const objectView = (o: StoredObject): OrderObjectView => ({
  kind: o.kind,
  kindLabel: ORDER_OBJECT_LABELS[o.kind],
  ...(o.id ? { id: o.id } : {}),
  title: o.title,
  ...(o.caseNo ? { caseNo: o.caseNo } : {}),
  ...(o.matterName ? { matterName: o.matterName } : {}),
})

const ref = (r: StaffRef) => ({ staffNo: r.staffNo, name: r.name })

export function viewOf(doc: OrderDoc, caller: Caller, now: Date): OrderView {
  return {
    orderId: doc._id,
    object: objectView(doc.object),
    departmentId: doc.departmentId,
    departmentName: doc.departmentName,
    reason: doc.reason,
    requirement: doc.requirement,
    auto: doc.auto,
    issuedAt: iso(doc.issuedAt),
    ...(doc.issuedBy ? { issuedBy: ref(doc.issuedBy) } : {}),
    dueDate: doc.dueDate,
    state: doc.state,
    stateLabel: ORDER_STATE_LABELS[doc.state],
    overdue: isOverdue(doc, today(now)),
    ...(doc.reply ? { reply: { text: doc.reply.text, at: iso(doc.reply.at), by: ref(doc.reply.by), late: doc.reply.late } } : {}),
    ...(doc.sendBack ? { sendBack: { reason: doc.sendBack.reason, at: iso(doc.sendBack.at) } } : {}),
    ...(doc.closeNote ? { closeNote: doc.closeNote } : {}),
    ...(doc.escalation
      ? { escalation: { at: iso(doc.escalation.at), cause: doc.escalation.cause, causeLabel: ESCALATION_LABELS[doc.escalation.cause] } }
      : {}),
    steps: doc.steps.map((s) => ({
      kind: s.kind,
      label: ORDER_STEP_LABELS[s.kind],
      at: iso(s.at),
      ...(s.by ? { by: ref(s.by) } : {}),
      ...(s.text ? { text: s.text } : {}),
      ...(s.dueDate ? { dueDate: s.dueDate } : {}),
    })),
    allowedActions: allowedOrderActions(doc.state, actorsOf(doc, caller)),
  }
}

export function summaryOf(doc: OrderDoc, caller: Caller, now: Date): OrderSummary {
  const v = viewOf(doc, caller, now)
  return {
    orderId: v.orderId,
    object: v.object,
    departmentName: v.departmentName,
    reason: v.reason,
    auto: v.auto,
    issuedAt: v.issuedAt,
    dueDate: v.dueDate,
    state: v.state,
    stateLabel: v.stateLabel,
    overdue: v.overdue,
    ...(v.escalation ? { escalation: v.escalation } : {}),
  }
}
