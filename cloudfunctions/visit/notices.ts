import type { EventPayloads } from '../../types/domain/event-payloads'
import type { Staff } from '../../types/domain/staff'
import { slotLabel } from '../../types/domain/visit'
import { pageLink, ROUTES } from '../../types/routes'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { log } from '../_kit/log'
import { enqueueNotification } from '../_kit/outbox'
import type { VisitDoc } from './visits'

type VisitEvent = Extract<keyof EventPayloads, `visit.${string}`>

/**
 * One notice about a request. The subject is `<visitId>:<rev>`, the revision the step wrote, so
 * each step is its own message (a second assignment is news) while a retried step is written
 * once (`seq` names a notice that is no step, such as a deadline passed). A failed write is
 * logged and never undoes the step it reports.
 */
async function tell<E extends VisitEvent>(
  doc: VisitDoc,
  event: E,
  recipient: string,
  data: EventPayloads[E],
  staffPage: boolean,
  seq = doc.rev,
) {
  try {
    await enqueueNotification({
      event,
      subjectId: `${doc._id}:${seq}`,
      recipient,
      data,
      page: staffPage ? pageLink(ROUTES.staffVisit, { id: doc._id }) : pageLink(ROUTES.visitDetail, { id: doc._id }),
    } as Parameters<typeof enqueueNotification<E>>[0])
  } catch (e) {
    log.error(`visit.notify.${event}`, e)
  }
}

/** Pushed where the citizen granted it (visit_progress), and always in their message centre. */
export const tellCitizen = <E extends 'visit.assigned' | 'visit.declined' | 'visit.visited'>(
  doc: VisitDoc,
  event: E,
  data: EventPayloads[E],
) => tell(doc, event, doc.openid, data, false)

/** The active leads of the request's department: who assigns. */
export async function leadsOf(departmentId: string): Promise<Staff[]> {
  const { data } = await db().collection<Staff>(COLLECTIONS.staff).where({ role: 'dept_lead', departmentId, active: true }).limit(20).get()
  return data
}

export async function tellLeads<E extends 'visit.requested' | 'visit.overdue'>(
  doc: VisitDoc,
  event: E,
  data: EventPayloads[E],
  seq = doc.rev,
) {
  for (const lead of await leadsOf(doc.departmentId)) await tell(doc, event, lead.openid, data, true, seq)
}

export const tellAssignee = (doc: VisitDoc, step: string, assignee = doc.assignee) =>
  assignee && doc.slot
    ? tell(doc, 'visit.task', assignee.openid, { matterName: doc.matterName, step, time: slotLabel(doc.slot) }, true)
    : Promise.resolve()
