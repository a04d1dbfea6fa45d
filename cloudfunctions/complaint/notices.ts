import { complaintTitle, isSubjectOf } from '../../types/domain/complaint'
import type { Staff } from '../../types/domain/staff'
import type { EventPayloads } from '../../types/domain/event-payloads'
import { pageLink, ROUTES } from '../../types/routes'
import { log } from '../_kit/log'
import { enqueueNotification, writeNotification } from '../_kit/outbox'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
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
/**
 * Tells the staff of the department a complaint was transferred to that it waits for their reply
 * (the message centre; a notice to staff spends no citizen's grant). A member the complaint is
 * about is left out, as every department view leaves them out. A failed write is logged.
 */
export async function tellDepartment(doc: ComplaintDoc): Promise<void> {
  try {
    const { data } = await db()
      .collection(COLLECTIONS.staff)
      .where({ departmentId: doc.departmentId, active: true, role: db().command.in(['window_staff', 'dept_lead']) })
      .limit(100)
      .get()
    for (const s of data as Staff[]) {
      if (isSubjectOf(doc.about, s)) continue
      await writeNotification({
        event: 'complaint.assigned',
        subjectId: doc._id,
        recipient: s.openid,
        data: { title: complaintTitle(doc.about), resolveDue: doc.resolveDue ?? doc.dueDate },
        page: pageLink(ROUTES.staffComplaint, { id: doc._id }),
      })
    }
  } catch (e) {
    log.error('complaint.notify.department', e)
  }
}

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
