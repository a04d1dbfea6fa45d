import type { SupervisionInput } from '../../../types/contracts/supervision'
import {
  dueAfterSendBack,
  FILTER_STATES,
  isLateReply,
  openKeyOf,
  orderDueDate,
  patternTitle,
} from '../../../types/domain/supervision-orders'
import { db } from '../../_kit/cloud'
import { isDuplicate } from '../../_kit/db'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { randomHex } from '../../_kit/ids'
import { workCalendar } from '../../_kit/work-calendar'
import { runEffects } from './effects'
import { orderDepartment, resolveObject } from './objects'
import {
  assertAllowed,
  byOf,
  loadReadable,
  objectView,
  orders,
  ordersPolicy,
  summaryOf,
  today,
  viewOf,
  writeStep,
  type OrderDoc,
  type OrderStep,
  type StoredObject,
} from './store'

type ObjectInput = SupervisionInput<'orderDraft'>['object']
const objectIdOf = (o: ObjectInput) =>
  o.kind === 'case' ? o.caseId : o.kind === 'rating' ? o.ratingId : o.kind === 'complaint' ? o.complaintId : undefined

async function openOrderAbout(o: ObjectInput): Promise<OrderDoc | undefined> {
  const id = objectIdOf(o)
  if (!id) return undefined
  const { data } = await orders()
    .where({ openKey: openKeyOf(o.kind, id, '', true) })
    .limit(1)
    .get()
  return data[0]
}

const busy = () => new AppError('CONFLICT', '该对象已有未办结的督办单，请在原督办单上跟进')

/** What the office sees before it issues an order: the object as the order will name it, its department, the default deadline. */
export async function orderDraft(input: SupervisionInput<'orderDraft'>, ctx: ActionContext) {
  const resolved = await resolveObject(input.object)
  const dept = resolved.departmentId ? await orderDepartment(resolved, undefined) : undefined
  const policy = await ordersPolicy()
  const open = await openOrderAbout(input.object)
  return {
    object: objectView(resolved.object),
    ...(dept ? { departmentId: dept.id, departmentName: dept.name } : {}),
    replyWorkingDays: policy.replyWorkingDays,
    maxWorkingDays: 30,
    defaultDueDate: orderDueDate(today(ctx.now), policy.replyWorkingDays, workCalendar()),
    ...(open ? { openOrderId: open._id } : {}),
  }
}

/** A new order's document, its first step (发出督办) on it; `by` none for an automatic one. */
export function newOrder(p: {
  id: string
  object: StoredObject
  department: { id: string; name: string }
  reason: string
  requirement: string
  dueDate: string
  by?: OrderStep['by']
  now: Date
}): OrderDoc {
  return {
    _id: p.id,
    openKey: openKeyOf(p.object.kind, p.object.id, p.id, true),
    object: p.object,
    departmentId: p.department.id,
    departmentName: p.department.name,
    reason: p.reason,
    requirement: p.requirement,
    auto: !p.by,
    issuedAt: p.now,
    issuedOn: today(p.now),
    ...(p.by ? { issuedBy: { staffNo: p.by.staffNo, name: p.by.name } } : {}),
    dueDate: p.dueDate,
    state: 'open',
    awaiting: true,
    escalated: false,
    steps: [{ seq: 1, kind: 'issued', at: p.now, ...(p.by ? { by: p.by } : {}), text: p.reason, dueDate: p.dueDate }],
    effectsSeq: 0,
    effectsPending: true,
    rev: 1,
    updatedAt: p.now,
  }
}

/**
 * Inserts a new order; answers false when its id or its object's open key is taken (a retried
 * automatic order, or an open order about the same object). Its audit entry and notices follow.
 */
export async function insertOrder(doc: OrderDoc): Promise<boolean> {
  try {
    await orders().add({ data: doc })
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
  }
  await runEffects(doc)
  return true
}

export async function issueOrder(input: SupervisionInput<'issueOrder'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  return once('supervision.issueOrder', caller.openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const resolved = await resolveObject(input.object)
    const department = await orderDepartment(resolved, input.departmentId)
    if (await openOrderAbout(input.object)) throw busy()
    const policy = await ordersPolicy()
    const dueDate = orderDueDate(today(ctx.now), input.workingDays ?? policy.replyWorkingDays, workCalendar())
    const doc = newOrder({
      id: `so-${randomHex(20)}`,
      object: resolved.object.kind === 'pattern' ? { ...resolved.object, title: patternTitle(input.reason) } : resolved.object,
      department,
      reason: input.reason,
      requirement: input.requirement,
      dueDate,
      by: byOf(caller),
      now: ctx.now,
    })
    if (!(await insertOrder(doc))) throw busy()
    return viewOf(doc, caller, ctx.now)
  })
}

/**
 * The caller's list. A lead reads their department's orders only; the office and the director
 * every department's, or one. Waiting for a reply: the earliest due first, so the overdue lead;
 * waiting for the office: the longest waiting first; closed and 通报: newest first.
 */
export async function listOrders(input: SupervisionInput<'listOrders'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const s = caller.staff!
  const _ = db().command
  const departmentId = s.role === 'dept_lead' ? s.departmentId : input.departmentId
  const scope = departmentId ? { departmentId } : {}
  const base =
    input.filter === 'escalated'
      ? orders()
          .where({ ...scope, escalated: true })
          .orderBy('issuedAt', 'desc')
      : input.filter === 'open'
        ? orders()
            .where({ ...scope, state: _.in(FILTER_STATES.open) })
            .orderBy('dueDate', 'asc')
        : orders()
            .where({ ...scope, state: _.in(FILTER_STATES[input.filter]) })
            .orderBy('updatedAt', input.filter === 'replied' ? 'asc' : 'desc')
  const { data } = await base
    .skip((input.page - 1) * input.pageSize)
    .limit(input.pageSize + 1)
    .get()
  return { items: data.slice(0, input.pageSize).map((d) => summaryOf(d, caller, ctx.now)), hasMore: data.length > input.pageSize }
}

export async function getOrder(input: SupervisionInput<'getOrder'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  return viewOf(await loadReadable(input.orderId, caller), caller, ctx.now)
}

/**
 * The lead's reply. After the due date it is a late reply, and the order is escalated to 通报 in
 * the same write unless the sweep already did (never twice).
 */
export async function replyOrder(input: SupervisionInput<'replyOrder'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadReadable(input.orderId, caller)
  assertAllowed('reply', doc, caller)
  const by = byOf(caller)!
  const late = isLateReply(doc.dueDate, today(ctx.now))
  const escalate = late && !doc.escalated
  const steps: Array<Omit<OrderStep, 'seq'>> = [{ kind: 'replied', at: ctx.now, by, text: input.text }]
  if (escalate) steps.push({ kind: 'escalated', at: ctx.now, cause: 'late_reply', dueDate: doc.dueDate })
  const next = await writeStep(
    doc,
    {
      state: 'replied',
      reply: { text: input.text, at: ctx.now, by: { staffNo: by.staffNo, name: by.name }, late },
      ...(escalate ? { escalated: true, escalation: { at: ctx.now, cause: 'late_reply' as const, dueDate: doc.dueDate } } : {}),
    },
    steps,
    ctx.now,
  )
  await runEffects(next)
  return viewOf(next, caller, ctx.now)
}

export async function closeOrder(input: SupervisionInput<'closeOrder'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadReadable(input.orderId, caller)
  assertAllowed('close', doc, caller)
  const note = input.note || undefined
  const next = await writeStep(
    doc,
    { state: 'closed', closedAt: ctx.now, ...(note ? { closeNote: note } : {}) },
    [{ kind: 'closed', at: ctx.now, by: byOf(caller), ...(note ? { text: note } : {}) }],
    ctx.now,
  )
  await runEffects(next)
  return viewOf(next, caller, ctx.now)
}

export async function sendBackOrder(input: SupervisionInput<'sendBackOrder'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadReadable(input.orderId, caller)
  assertAllowed('sendBack', doc, caller)
  const policy = await ordersPolicy()
  const refuse = (message: string) => new AppError('INVALID_INPUT', message, [{ path: 'extendDays', message }])
  if (input.extendDays > policy.maxExtendWorkingDays) throw refuse(`最多延长${policy.maxExtendWorkingDays}个工作日`)
  const dueDate = dueAfterSendBack(doc.dueDate, today(ctx.now), input.extendDays, workCalendar())
  if (!dueDate) throw refuse('回复期限已过，退回时请延长期限')
  const next = await writeStep(
    doc,
    { state: 'returned', sendBack: { reason: input.reason, at: ctx.now }, dueDate },
    [{ kind: 'sent_back', at: ctx.now, by: byOf(caller), text: input.reason, dueDate }],
    ctx.now,
  )
  await runEffects(next)
  return viewOf(next, caller, ctx.now)
}
