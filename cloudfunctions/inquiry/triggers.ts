import { dueLevel, nearCutoff } from '../../types/domain/inquiry'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { insertOnce } from '../_kit/db'
import { notifyAsker } from './actions/messages'
import { inquiries, inquiryMessages, inquiryPolicy, today } from './inquiries'
import { workCalendar } from '../_kit/work-calendar'

const PAGE = 100
/** A reply whose outbox request is still missing after this long is queued again. */
const REQUEUE_AFTER_MS = 60_000

/**
 * Every quarter of an hour. (1) Inquiries waiting for a reply that are near or past their due
 * date get a flag, once per due date and level (the update is conditional on the previous flag);
 * an overdue one is also written to the audit collection for 效能监督, once (its id is the key).
 * (2) A staff reply whose 'inquiry.answered' request was not written is queued again.
 */
export async function deadlineSweep(now: Date) {
  const _ = db().command
  const policy = await inquiryPolicy()
  const day = today(now)
  let flagged = 0
  let escalated = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await inquiries()
      .where({ awaitingReply: true, dueDate: _.lte(nearCutoff(day, policy, workCalendar())) })
      .orderBy('dueDate', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get()
    for (const d of data) {
      const level = dueLevel(d.dueDate, day, policy, workCalendar())
      const key = `${d.dueDate}:${level}`
      if (level === 'ok' || d.flagKey === key) continue
      const { stats } = await inquiries()
        .where({ _id: d._id, flagKey: d.flagKey, dueDate: d.dueDate, awaitingReply: true })
        .update({ data: { flagKey: key, flags: _.push([{ level, dueDate: d.dueDate, at: now }]) } })
      if (stats.updated !== 1) continue
      flagged++
      if (level !== 'overdue') continue
      const escalation = {
        _id: `iq-overdue:${d._id}:${d.dueDate}`,
        kind: 'inquiry_overdue',
        inquiryId: d._id,
        departmentId: d.departmentId,
        staffNo: d.ownerStaffNo,
        dueDate: d.dueDate,
        at: now,
      }
      if (await insertOnce(COLLECTIONS.audit, escalation)) escalated++
    }
    if (data.length < PAGE) break
  }

  let requeued = 0
  const { data: unsent } = await inquiryMessages()
    .where({ notified: false, at: _.lte(new Date(now.getTime() - REQUEUE_AFTER_MS)) })
    .limit(PAGE)
    .get()
  for (const m of unsent) {
    const { data } = await inquiries().where({ _id: m.inquiryId }).limit(1).get()
    if (data[0] && (await notifyAsker(data[0], m))) requeued++
  }
  return { flagged, escalated, requeued }
}
