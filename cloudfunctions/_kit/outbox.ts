import { notificationKey, type NotificationEvent } from '../../types/domain/notification'
import { db } from './cloud'
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
  try {
    await db()
      .collection(COLLECTIONS.outbox)
      .add({ data: { _id: notificationKey(n.event, n.subjectId, n.recipient), ...n, status: 'pending', attempts: 0, createdAt: db().serverDate() } })
    return true
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
  }
}

export { isDuplicate }
