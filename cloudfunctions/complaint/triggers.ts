import { COMPLAINT_STAGE_LABELS, complaintTitle, isSubjectOf, stageOfComplaint } from '../../types/domain/complaint'
import { pageLink, ROUTES } from '../../types/routes'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { log } from '../_kit/log'
import { writeNotification } from '../_kit/outbox'
import { complaints, today } from './complaints'

const PAGE = 100

/**
 * Hourly: the centre office (every active supervisor but one the complaint is about) is told once
 * per complaint and deadline that the decision or the final reply is past due, in the message
 * centre only. The notice's dedupe key is the complaint, the stage and its due date (a deadline
 * moved by the calendar is a new one); `overdueTold` is written after the notices, so a sweep
 * cut short writes them again, and the dedupe key keeps one of each. The notice names what the
 * complaint is about and the due date, never the tracking number or the complainant.
 */
export async function overdueSweep(now: Date) {
  const _ = db().command
  const day = today(now)
  const { data: office } = await db().collection(COLLECTIONS.staff).where({ role: 'supervisor', active: true }).limit(50).get()
  let told = 0
  let complaintsTold = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await complaints()
      .where({ open: true, dueDate: _.lt(day) })
      .orderBy('dueDate', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get()
    for (const doc of data) {
      const stage = stageOfComplaint(doc.state)
      if (!stage) continue
      const key = `${stage}:${doc.dueDate}`
      if (doc.overdueTold?.includes(key)) continue
      try {
        for (const s of office) {
          if (isSubjectOf(doc.about, { staffNo: String(s.staffNo), name: String(s.name) })) continue
          const { fresh } = await writeNotification({
            event: 'complaint.overdue',
            subjectId: `${doc._id}:${stage}-${doc.dueDate}`,
            recipient: String(s.openid),
            data: { title: complaintTitle(doc.about), stage: COMPLAINT_STAGE_LABELS[stage], dueDate: doc.dueDate },
            page: pageLink(ROUTES.staffComplaint, { id: doc._id }),
          })
          if (fresh) told++
        }
        // Not a transition: `rev` is left alone, so a decision taken meanwhile is not refused.
        await complaints()
          .where({ _id: doc._id })
          .update({ data: { overdueTold: _.push([key]) } })
        complaintsTold++
      } catch (e) {
        log.error('complaint.overdueSweep', e)
      }
    }
    if (data.length < PAGE) break
  }
  return { complaints: complaintsTold, told }
}
