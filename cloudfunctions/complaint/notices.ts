import { complaintTitle } from '../../types/domain/complaint'
import type { EventPayloads } from '../../types/domain/event-payloads'
import { pageLink, ROUTES } from '../../types/routes'
import { log } from '../_kit/log'
import { enqueueNotification } from '../_kit/outbox'
import type { ComplaintDoc } from './complaints'

type ComplaintEvent = 'complaint.accepted' | 'complaint.not_accepted' | 'complaint.transferred' | 'complaint.resolved'
type Extra<E extends ComplaintEvent> = Omit<EventPayloads[E], 'trackingNo' | 'title'>

/**
 * Tells a real-name complainant of a decision (the message centre; these events are
 * message-only). An anonymous complainant gets nothing: the outbox and the message centre key
 * every entry by recipient OPENID and subject, and would write down the very link anonymity
 * hides; they follow the complaint with its number and password. A failed write is logged, never
 * undoes the decision.
 */
export async function tellComplainant<E extends ComplaintEvent>(doc: ComplaintDoc, event: E, extra: Extra<E>): Promise<void> {
  if (doc.anonymous) return
  try {
    await enqueueNotification({
      event,
      subjectId: doc._id,
      recipient: doc.openid,
      data: { trackingNo: doc.trackingNo, title: complaintTitle(doc.about), ...extra },
      page: pageLink(ROUTES.complaintTrack, { no: doc.trackingNo }),
    } as Parameters<typeof enqueueNotification<E>>[0])
  } catch (e) {
    log.error(`complaint.notify.${event}`, e)
  }
}
