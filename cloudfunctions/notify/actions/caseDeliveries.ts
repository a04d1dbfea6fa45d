import type { NotifyInput } from '../../../types/contracts/notify'
import type { DeliveryChannel, DeliveryStatus } from '../../../types/contracts/notify'
import type { ActionContext } from '../../_kit/handler'
import { getMatterDoc } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError, notFound } from '../../_kit/errors'
import type { Caller } from '../../_kit/identity'
import { outbox } from '../store'

const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  retry: '发送失败，等待重试',
  sent: '已推送',
  failed: '推送失败',
  no_consent: '未订阅，仅站内消息',
}
const SENT_LABELS: Record<DeliveryChannel, string> = {
  subscription: '已推送（订阅消息）',
  official_account: '已推送（服务号）',
  message_centre: '已送达消息中心',
}

/**
 * The record a subject id stands for: the part before the first ':'. Producers file sub-subjects
 * under it (`<caseId>:<round>` for a supplement request, `<caseId>:<hour>` for a lookup notice,
 * `<inquiryId>:<seq>` for a reply), so a composite id is checked as the record it belongs to.
 */
export const subjectRootOf = (subjectId: string) => subjectId.split(':')[0]

type Row = Record<string, unknown>
/** Which record a root names, by the form of its id, and the departments that record belongs to. */
const SUBJECTS: Array<{ id: RegExp; collection: string; departments: (doc: Row) => Promise<string[]> | string[] }> = [
  {
    id: /^cs-[0-9a-f]{20}$/,
    collection: COLLECTIONS.cases,
    departments: (c) => (c.departments as string[] | undefined) ?? [c.departmentId as string],
  },
  { id: /^bk-[0-9a-f]{20}$/, collection: COLLECTIONS.bookings, departments: (b) => [b.departmentId as string] },
  { id: /^iq-[0-9a-f]{20}$/, collection: COLLECTIONS.inquiries, departments: (q) => [q.departmentId as string] },
  {
    id: /^\d{8}-[A-Z0-9]+-\d+$/,
    collection: COLLECTIONS.tickets,
    departments: async (t) =>
      [(await getMatterDoc(t.matterId as string).catch(() => undefined))?.departmentId].filter((d): d is string => !!d),
  },
]

/** The departments of the record a root names; undefined when the root is of no known kind or its record is missing. */
async function departmentsOf(root: string): Promise<string[] | undefined> {
  const kind = SUBJECTS.find((k) => k.id.test(root))
  if (!kind) return undefined
  const doc = (await db().collection(kind.collection).where({ _id: root }).limit(1).get()).data[0] as Row | undefined
  return doc ? (await kind.departments(doc)).filter(Boolean) : undefined
}

/**
 * Scope: supervisors and admins see every subject; other staff only a subject whose record (found
 * from the subject's root, never from the notifications themselves) belongs to their department.
 * Anything else, an unknown kind, a missing record or another department's, answers the same
 * NOT_FOUND, so the answer does not even tell which subjects exist.
 */
async function assertInScope(caller: Caller, root: string): Promise<void> {
  const s = caller.staff
  if (!s) throw new AppError('FORBIDDEN')
  if (s.role === 'supervisor' || s.role === 'admin') return
  const departments = await departmentsOf(root)
  if (!departments?.includes(s.departmentId)) throw notFound('未找到该事项的通知记录')
}

/** Enough to tell two recipients apart, not to address anyone. */
const maskOpenid = (o: string) => (o.length > 8 ? `${o.slice(0, 4)}…${o.slice(-4)}` : `${o.slice(0, 1)}…`)

const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined)

export async function caseDeliveries({ subjectId }: NotifyInput<'caseDeliveries'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const root = subjectRootOf(subjectId)
  await assertInScope(caller, root)
  const _ = db().command
  const { data } = await outbox()
    .where(_.or([{ subjectId }, { subjectRoot: subjectId }]))
    .orderBy('createdAt', 'asc')
    .limit(100)
    .get()
  // Only items of the record that was checked: both the item's subject and its stored root must name it.
  const items = data.filter((d) => subjectRootOf(d.subjectId) === root && subjectRootOf(d.subjectRoot ?? d.subjectId) === root)
  return {
    deliveries: items.map((d) => ({
      event: d.event,
      subjectId: d.subjectId,
      recipient: maskOpenid(d.recipient),
      status: d.status,
      statusLabel: (d.status === 'sent' && d.channel ? SENT_LABELS[d.channel] : STATUS_LABELS[d.status]) ?? d.status,
      ...(d.channel ? { channel: d.channel } : {}),
      attempts: d.attempts ?? 0,
      ...(d.lastError && d.status !== 'sent'
        ? { reason: d.lastError.reason }
        : d.status === 'no_consent'
          ? { reason: '用户未授权订阅该类消息，也未关注服务号' }
          : {}),
      ...(d.lastError?.errcode !== undefined && d.status !== 'sent' ? { errcode: d.lastError.errcode } : {}),
      createdAt: iso(d.createdAt)!,
      ...(d.sentAt ? { sentAt: iso(d.sentAt) } : {}),
      ...(d.status === 'retry' && d.dueAt ? { nextAttemptAt: iso(d.dueAt) } : {}),
    })),
  }
}
