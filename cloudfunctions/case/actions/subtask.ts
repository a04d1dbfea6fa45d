import type { CaseInput } from '../../../types/contracts/case'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { cases, loadCase } from '../cases'

/**
 * 联办件: a department marks its own sub-task done while the case is in process. Each department
 * writes only its own element, so two departments finishing at once do not collide; approval waits
 * until every one is done (the state table checks it).
 */
export async function completeSubtask({ caseId }: CaseInput<'completeSubtask'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, access } = await loadCase(caseId, caller)
  const staff = caller.staff!
  if (access.kind !== 'staff' && access.kind !== 'joint') throw new AppError('FORBIDDEN')
  if (doc.state !== 'in_process') throw new AppError('CONFLICT', '办件办理中才能办结子任务')
  const i = (doc.subtasks ?? []).findIndex((t) => t.departmentId === staff.departmentId)
  if (i < 0) throw new AppError('CONFLICT', '本部门没有该办件的子任务')
  if (!doc.subtasks![i].done) {
    const _ = db().command
    await cases()
      .where({ _id: doc._id, state: 'in_process', [`subtasks.${i}.done`]: false })
      .update({
        data: {
          [`subtasks.${i}.done`]: true,
          [`subtasks.${i}.doneAt`]: ctx.now,
          [`subtasks.${i}.staffNo`]: staff.staffNo,
          rev: _.inc(1),
          updatedAt: ctx.now,
        },
      })
  }
  const { data } = await cases().where({ _id: doc._id }).limit(1).get()
  return { caseId, subtasks: (data[0].subtasks ?? []).map((t) => ({ departmentId: t.departmentId, done: t.done })) }
}
