import { notificationKey, type NotificationEvent } from '../../types/domain/notification'
import { cloud, db } from './cloud'
import { COLLECTIONS } from './collections'

export interface Notify {
  event: NotificationEvent
  subjectId: string
  recipient: string
  data: Record<string, string | number>
  page: string
}

const isDuplicate = (e: unknown) => /duplicate|E11000|-502001|DUPLICATE/i.test(String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e))

/**
 * Writes a notification request to the outbox. The dedupe key is the document id, so writing the
 * same event twice (a retried action, two timer runs) leaves exactly one request.
 * Answers false when the request was already there.
 */
export async function enqueueNotification(n: Notify): Promise<boolean> {
  const _id = notificationKey(n.event, n.subjectId, n.recipient)
  try {
    // subjectRoot: the case, booking or ticket itself (a supplement round's subject is `<caseId>:<round>`), for staff's delivery view.
    await db()
      .collection(COLLECTIONS.outbox)
      .add({ data: { _id, ...n, subjectRoot: n.subjectId.replace(/:\d+$/, ''), status: 'pending', attempts: 0, createdAt: db().serverDate() } })
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
  }
  await deliverSoon(_id)
  return true
}

/** How long the producing function waits for the immediate delivery attempt. */
const SOON_BUDGET_MS = 1000

/**
 * A head start for a fresh notification: asks the notify function to deliver it now rather than at
 * its next drain (within a minute). A function may not leave work running after it returns, so
 * this is awaited, but for at most SOON_BUDGET_MS: the notify invocation goes on by itself once
 * the request is out, and whatever it does not finish the drain does. Never throws. Skipped in
 * timer triggers, whose batches (reminders) the drain sends, and when NOTIFY_SOON=off.
 */
async function deliverSoon(id: string): Promise<void> {
  if (process.env.NOTIFY_SOON === 'off') return
  if (String(cloud.getWXContext().SOURCE ?? '').split(',').includes('wx_trigger')) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const call = Promise.resolve()
    .then((): unknown => cloud.callFunction({ name: 'notify', data: { action: 'deliverSoon', ids: [id] } }))
    .catch(() => undefined)
  await Promise.race([call, new Promise((done) => (timer = setTimeout(done, SOON_BUDGET_MS)))])
  clearTimeout(timer)
}

export { isDuplicate }
