import { notificationKey, type NotificationEvent } from '../../types/domain/notification'
import { messageText, subjectKindOf } from '../../types/domain/template-format'
import { now } from './clock'
import { cloud, db } from './cloud'
import { COLLECTIONS } from './collections'

export interface Notify {
  event: NotificationEvent
  subjectId: string
  recipient: string
  data: Record<string, string | number>
  page: string
}

const isDuplicate = (e: unknown) =>
  /duplicate|E11000|-502001|DUPLICATE/i.test(String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e))

/** Inserts a document whose `_id` is its dedupe key; answers false when it was already there. */
async function addOnce(collection: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await db().collection(collection).add({ data })
    return true
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
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
export async function writeNotification(n: Notify): Promise<{ id: string; fresh: boolean }> {
  const _id = notificationKey(n.event, n.subjectId, n.recipient)
  const createdAt = db().serverDate()
  const { title, body } = messageText(n.event, n.data, now())
  const [fresh] = await Promise.all([
    // subjectRoot: the case, booking or ticket itself (a supplement round's subject is `<caseId>:<round>`), for staff's delivery view.
    addOnce(COLLECTIONS.outbox, { _id, ...n, subjectRoot: n.subjectId.replace(/:\d+$/, ''), status: 'pending', attempts: 0, createdAt }),
    addOnce(COLLECTIONS.messages, {
      _id,
      openid: n.recipient,
      event: n.event,
      kind: subjectKindOf(n.event),
      subjectId: n.subjectId,
      title,
      body,
      page: n.page,
      read: false,
      createdAt,
    }),
  ])
  return { id: _id, fresh }
}

/**
 * Writes a notification (above) and asks for its immediate delivery. Answers false when the
 * request was already there.
 */
export async function enqueueNotification(n: Notify): Promise<boolean> {
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

export { isDuplicate }
