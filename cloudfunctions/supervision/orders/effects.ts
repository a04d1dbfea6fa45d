import type { EventPayloads } from '../../../types/domain/event-payloads'
import { ESCALATION_LABELS } from '../../../types/domain/supervision-orders'
import { pageLink, ROUTES } from '../../../types/routes'
import type { StaffRole } from '../../../types/roles'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { insertOnce } from '../../_kit/db'
import { log } from '../../_kit/log'
import { writeNotification } from '../../_kit/outbox'
import { orders, type OrderDoc, type OrderStep } from './store'

type OrderEvent = Extract<keyof EventPayloads, `supervision.order_${string}`>

/** The audit entry of one step: insert-only, `_id` = `so:<orderId>:<seq>`, so a step is recorded once however often it is retried. */
export interface OrderAuditEntry {
  _id: string
  kind: 'supervision_order'
  orderId: string
  step: OrderStep['kind']
  seq: number
  departmentId: string
  objectKind: OrderDoc['object']['kind']
  objectId?: string
  by?: OrderStep['by']
  text?: string
  dueDate?: string
  cause?: OrderStep['cause']
  at: Date
}

const auditOf = (doc: OrderDoc, s: OrderStep): OrderAuditEntry => ({
  _id: `so:${doc._id}:${s.seq}`,
  kind: 'supervision_order',
  orderId: doc._id,
  step: s.kind,
  seq: s.seq,
  departmentId: doc.departmentId,
  objectKind: doc.object.kind,
  ...(doc.object.id ? { objectId: doc.object.id } : {}),
  ...(s.by ? { by: s.by } : {}),
  ...(s.text ? { text: s.text } : {}),
  ...(s.dueDate ? { dueDate: s.dueDate } : {}),
  ...(s.cause ? { cause: s.cause } : {}),
  at: s.at,
})

/** The active staff of a role (for leads, of one department): who a step's notice goes to. */
async function staffOf(role: StaffRole, departmentId?: string): Promise<string[]> {
  const { data } = await db()
    .collection<{ openid: string }>(COLLECTIONS.staff)
    .where({ role, active: true, ...(departmentId ? { departmentId } : {}) })
    .limit(50)
    .get()
  return data.map((s) => s.openid)
}

/** Who is told of a step, and what: the department's leads, the office, or the director. */
function noticeOf(doc: OrderDoc, s: OrderStep): { role: StaffRole; ownDepartment: boolean; event: OrderEvent; data: object } {
  const object = doc.object.title
  switch (s.kind) {
    case 'issued':
      return {
        role: 'dept_lead',
        ownDepartment: true,
        event: 'supervision.order_issued',
        data: { object, reason: doc.reason, dueDate: s.dueDate ?? doc.dueDate },
      }
    case 'sent_back':
      return {
        role: 'dept_lead',
        ownDepartment: true,
        event: 'supervision.order_returned',
        data: { object, reason: s.text ?? '', dueDate: s.dueDate ?? doc.dueDate },
      }
    case 'closed':
      return { role: 'dept_lead', ownDepartment: true, event: 'supervision.order_closed', data: { object } }
    case 'replied':
      return {
        role: 'supervisor',
        ownDepartment: false,
        event: 'supervision.order_replied',
        data: { object, department: doc.departmentName, timing: doc.reply?.late ? '超期' : '按期' },
      }
    case 'escalated':
      return {
        role: 'admin',
        ownDepartment: false,
        event: 'supervision.order_escalated',
        data: {
          object,
          department: doc.departmentName,
          cause: ESCALATION_LABELS[s.cause ?? 'no_reply'],
          dueDate: s.dueDate ?? doc.dueDate,
        },
      }
  }
}

/** One step's audit entry and notices. Each is keyed by the step, so writing them again writes nothing new. */
async function stepEffects(doc: OrderDoc, s: OrderStep): Promise<void> {
  await insertOnce(COLLECTIONS.audit, auditOf(doc, s))
  const n = noticeOf(doc, s)
  for (const recipient of await staffOf(n.role, n.ownDepartment ? doc.departmentId : undefined)) {
    await writeNotification({
      event: n.event,
      subjectId: `${doc._id}:${s.seq}`,
      recipient,
      data: n.data,
      page: pageLink(ROUTES.supervisionOrder, { id: doc._id }),
    } as Parameters<typeof writeNotification<OrderEvent>>[0])
  }
}

/**
 * The audit entries and notices of every step the order has that were not written yet, then the
 * mark that they are. A failure is logged and left to the effects sweep (the step itself stands:
 * it is on the order); the mark is only moved forward by the revision it saw.
 */
export async function runEffects(doc: OrderDoc): Promise<boolean> {
  try {
    for (const s of doc.steps.filter((x) => x.seq > doc.effectsSeq)) await stepEffects(doc, s)
    // Guarded by the revision: a step written meanwhile keeps `effectsPending` for its own call (or the sweep).
    await orders()
      .where({ _id: doc._id, rev: doc.rev })
      .update({ data: { effectsSeq: doc.steps.length, effectsPending: false } })
    return true
  } catch (e) {
    log.error('supervision.orders.effects', e)
    return false
  }
}

/** How long a step's own call has to write its effects before the sweep does. */
const GRACE_MS = 2 * 60_000

/** Finishes the effects of steps whose call was cut short (a crash, a timeout) after the step was written. */
export async function effectsSweep(now: Date): Promise<Record<string, number>> {
  const _ = db().command
  const { data } = await orders()
    .where({ effectsPending: true, updatedAt: _.lt(new Date(now.getTime() - GRACE_MS)) })
    .limit(100)
    .get()
  let finished = 0
  for (const doc of data) if (await runEffects(doc)) finished++
  return { finished }
}
