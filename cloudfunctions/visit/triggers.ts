import { OVERDUE_STAGE_LABELS, overdueStage } from '../../types/domain/visit'
import { db } from '../_kit/cloud'
import { scheduled } from '../_kit/schedule'
import { tellLeads } from './notices'
import { today, visits, type VisitDoc } from './visits'

/** Notice numbers of the deadline notices (no step has a revision this high). */
const OVERDUE_SEQ = { contact: 9001, visit: 9002 } as const

/**
 * Tells the department's leads, once per stage, of a request past its deadline: nobody assigned
 * within the contact deadline, or not visited within the visit deadline. The notice is written
 * before the request is marked, under a key of its own: a sweep cut short in between tells
 * nobody twice on its next run.
 */
export async function overdueSweep(now: Date): Promise<Record<string, number>> {
  const _ = db().command
  const day = today(now)
  const [late, notAssigned] = await Promise.all([
    visits()
      .where({ active: true, visitDue: _.lt(day) })
      .limit(100)
      .get(),
    visits()
      .where({ state: 'requested', contactDue: _.lt(day) })
      .limit(100)
      .get(),
  ])
  const byId = new Map<string, VisitDoc>([...late.data, ...notAssigned.data].map((d) => [d._id, d]))
  let told = 0
  for (const doc of byId.values()) {
    const stage = overdueStage(doc, day)
    if (!stage || doc.overdueTold.includes(stage)) continue
    const dueDate = stage === 'contact' ? doc.contactDue : doc.visitDue
    await tellLeads(doc, 'visit.overdue', { matterName: doc.matterName, stage: OVERDUE_STAGE_LABELS[stage], dueDate }, OVERDUE_SEQ[stage])
    await visits()
      .where({ _id: doc._id })
      .update({ data: { overdueTold: _.addToSet(stage) } })
    told++
  }
  return { told }
}

export const triggers = scheduled({ overdueSweep: { cron: '0 0 * * * * *', run: overdueSweep } })
