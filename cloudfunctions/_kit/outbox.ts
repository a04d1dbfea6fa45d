import type { DeliveryStatus } from '../../types/contracts/notify'
import { checkPayload } from '../../types/domain/event-payloads'
import { notificationKey, type NotificationEvent, type NotificationRequest } from '../../types/domain/notification'
import { messageText, subjectKindOf } from '../../types/domain/template-format'
import { now } from './clock'
import { cloud, db } from './cloud'
import { COLLECTIONS } from './collections'
import { insertOnce } from './db'

/**
 * An outbox document as the producer writes it: the request, under its dedupe key, waiting for
 * the notify function, which keeps its delivery state on it (notify/store.ts OutboxDoc).
 */
export type OutboxItem<E extends NotificationEvent = NotificationEvent> = NotificationRequest<E> & {
  _id: string
  /** The case, booking or ticket itself (a supplement round's subject is `<caseId>:<round>`), for staff's delivery view. */
  subjectRoot: string
  status: DeliveryStatus
  attempts: number
  createdAt: Date
}

/**
 * The request checked, its payload against its event's schema (a bad one throws
 * InvalidPayloadError, which the caller logs, and nothing is written), as the outbox document.
 */
function outboxItem<E extends NotificationEvent>(n: NotificationRequest<E>, createdAt: unknown) {
  return {
    ...n,
    data: checkPayload(n.event, n.data),
    _id: notificationKey(n.event, n.subjectId, n.recipient),
    subjectRoot: n.subjectId.replace(/:\d+$/, ''),
    status: 'pending' as const,
    attempts: 0,
    createdAt,
  }
}

/**
 * Records a notification where the event happens: the outbox request for the notify function and
 * the message-centre entry, both under the dedupe key event:subject:recipient, so writing the same
 * event twice (a retried action, a sweeper finishing a crashed one, two timer runs) leaves exactly
 * one of each. The message is in the centre from this moment, whether or not a push follows.
 * Answers whether the outbox request is new. Callers write it in the same step as the change it
 * reports, and make sure a sweeper writes it when that step was cut short (appointment/settle.ts).
 */
export async function writeNotification<E extends NotificationEvent>(n: NotificationRequest<E>): Promise<{ id: string; fresh: boolean }> {
  const createdAt = db().serverDate()
  const item = outboxItem(n, createdAt)
  const { title, body } = messageText(n.event, item.data, now())
  const [fresh] = await Promise.all([
    insertOnce(COLLECTIONS.outbox, item),
    insertOnce(COLLECTIONS.messages, {
      _id: item._id,
      openid: item.recipient,
      event: item.event,
      kind: subjectKindOf(item.event),
      subjectId: item.subjectId,
      title,
      body,
      page: item.page,
      read: false,
      createdAt,
    }),
  ])
  return { id: item._id, fresh }
}

/**
 * Records the outbox request alone, for a notice whose producer must not wait for anything more
 * (the case lookup): the notify drain writes its message-centre entry when it delivers it, within
 * a minute. Answers whether the request is new.
 */
export const queueNotification = <E extends NotificationEvent>(n: NotificationRequest<E>): Promise<boolean> =>
  insertOnce(COLLECTIONS.outbox, outboxItem(n, db().serverDate()))

/**
 * Writes a notification (above) and asks for its immediate delivery. Answers false when the
 * request was already there.
 */
export async function enqueueNotification<E extends NotificationEvent>(n: NotificationRequest<E>): Promise<boolean> {
  const { id, fresh } = await writeNotification(n)
  if (fresh) await deliverSoon([id])
  return fresh
}

/** How long the producing function waits for the immediate delivery attempt. */
const SOON_BUDGET_MS = 1000

/**
 * A head start for fresh notifications: asks the notify function to deliver them now rather than
 * at its next drain (within a minute). A function may not leave work running after it returns, so
 * this is awaited, but for at most SOON_BUDGET_MS: the notify invocation goes on by itself once
 * the request is out, and whatever it does not finish the drain does. Never throws. Skipped in
 * timer triggers, whose batches (reminders) the drain sends, and when NOTIFY_SOON=off.
 */
export async function deliverSoon(ids: string[]): Promise<void> {
  if (!ids.length || process.env.NOTIFY_SOON === 'off') return
  if (
    String(cloud.getWXContext().SOURCE ?? '')
      .split(',')
      .includes('wx_trigger')
  )
    return
  let timer: ReturnType<typeof setTimeout> | undefined
  const call = Promise.resolve()
    .then((): unknown => cloud.callFunction({ name: 'notify', data: { action: 'deliverSoon', ids } }))
    .catch(() => undefined)
  await Promise.race([call, new Promise((done) => (timer = setTimeout(done, SOON_BUDGET_MS)))])
  clearTimeout(timer)
}
