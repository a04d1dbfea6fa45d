import type { DeliveryStatus } from '../../../types/contracts/notify'
import type { ActionContext } from '../../_kit/handler'
import { getMatterDoc } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { Caller } from '../../_kit/identity'
import { outbox, type OutboxDoc } from '../store'

const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  retry: '发送失败，等待重试',
  sent: '已推送',
  failed: '推送失败',
  no_consent: '未订阅，仅站内消息',
}

/** The departments a subject belongs to: a case's departments, a booking's, a queue ticket's matter's. */
async function departmentsOf(items: OutboxDoc[], subjectId: string): Promise<string[] | undefined> {
  const kind = items[0].event.split('.')[0]
  const one = async (collection: string) => (await db().collection(collection).where({ _id: subjectId }).limit(1).get()).data[0]
  if (kind === 'case') {
    const c = await one(COLLECTIONS.cases)
    return c ? (c.departments as string[] | undefined) ?? [c.departmentId as string] : undefined
  }
  if (kind === 'booking') {
    const b = await one(COLLECTIONS.bookings)
    return b?.departmentId ? [b.departmentId as string] : undefined
  }
  if (kind === 'queue') {
    const t = await one(COLLECTIONS.tickets)
    return t?.matterId ? [(await getMatterDoc(t.matterId as string).catch(() => undefined))?.departmentId].filter((d): d is string => !!d) : undefined
  }
  return undefined
}

/**
 * Scope: supervisors and admins see every subject; other staff only subjects of their own
 * department, when the subject names one (cases, bookings and queue tickets do; a subject without
 * a department record is open to all staff). Recipients are shown masked.
 */
async function assertInScope(caller: Caller, items: OutboxDoc[], subjectId: string): Promise<void> {
  const s = caller.staff
  if (!s) throw new AppError('FORBIDDEN')
  if (s.role === 'supervisor' || s.role === 'admin') return
  const departments = await departmentsOf(items, subjectId)
  if (departments?.length && !departments.includes(s.departmentId)) throw new AppError('FORBIDDEN', '该事项不属于您的部门')
}

/** Enough to tell two recipients apart, not to address anyone. */
const maskOpenid = (o: string) => (o.length > 8 ? `${o.slice(0, 4)}…${o.slice(-4)}` : `${o.slice(0, 1)}…`)

const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined)

export async function caseDeliveries({ subjectId }: { subjectId: string }, ctx: ActionContext) {
  const caller = await ctx.caller()
  const _ = db().command
  const { data } = await outbox().where(_.or([{ subjectId }, { subjectRoot: subjectId }])).orderBy('createdAt', 'asc').limit(100).get()
  if (!data.length) return { deliveries: [] }
  await assertInScope(caller, data, subjectId)
  return {
    deliveries: data.map((d) => ({
      event: d.event,
      subjectId: d.subjectId,
      recipient: maskOpenid(d.recipient),
      status: d.status,
      statusLabel: STATUS_LABELS[d.status] ?? d.status,
      attempts: d.attempts ?? 0,
      ...(d.lastError && d.status !== 'sent' ? { reason: d.lastError.reason } : d.status === 'no_consent' ? { reason: '用户未授权订阅该类消息' } : {}),
      ...(d.lastError?.errcode !== undefined && d.status !== 'sent' ? { errcode: d.lastError.errcode } : {}),
      createdAt: iso(d.createdAt)!,
      ...(d.sentAt ? { sentAt: iso(d.sentAt) } : {}),
      ...(d.status === 'retry' && d.dueAt ? { nextAttemptAt: iso(d.dueAt) } : {}),
    })),
  }
}
