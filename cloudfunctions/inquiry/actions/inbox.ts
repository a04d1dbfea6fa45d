import type { InquiryInput } from '../../../types/contracts/inquiry'
import { nearCutoff } from '../../../types/domain/inquiry'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { inquiries, inquiryPolicy, summaryOf, textMask, today } from '../inquiries'
import { workCalendar } from '../../_kit/work-calendar'

type InboxInput = InquiryInput<'inbox'>

/**
 * The staff inbox. Unclaimed: the department's inquiries nobody owns yet, oldest first. Mine: the
 * ones the caller owns. Overdue: those waiting for a reply on or past their due date (or within
 * the policy's "near" days), for the department lead (own department) and supervisors (all).
 */
export async function inbox(input: InboxInput, ctx: ActionContext) {
  const s = (await ctx.caller()).staff!
  const _ = db().command
  const where: Record<string, unknown> = {}
  if (s.role === 'supervisor') {
    if (input.box === 'mine') throw new AppError('FORBIDDEN', '效能监督不直接负责咨询')
    if (input.departmentId) where.departmentId = input.departmentId
  } else {
    if (input.departmentId && input.departmentId !== s.departmentId) throw new AppError('FORBIDDEN', '只能查看本部门的咨询')
    where.departmentId = s.departmentId
  }
  const [policy, mask] = await Promise.all([inquiryPolicy(), textMask()])
  let order: [string, 'asc' | 'desc']
  if (input.box === 'unclaimed') {
    Object.assign(where, { state: 'open' })
    order = ['askedAt', 'asc']
  } else if (input.box === 'mine') {
    Object.assign(where, { ownerStaffNo: s.staffNo, state: _.in(['claimed', 'answered']) })
    order = ['lastMessageAt', 'desc']
  } else {
    if (s.role === 'window_staff') throw new AppError('FORBIDDEN', '临近或超期的咨询由部门负责人和效能监督查看')
    Object.assign(where, { awaitingReply: true, dueDate: _.lte(nearCutoff(today(ctx.now), policy, workCalendar())) })
    order = ['dueDate', 'asc']
  }
  const { data } = await inquiries()
    .where(where)
    .orderBy(order[0], order[1])
    .skip((input.page - 1) * input.pageSize)
    .limit(input.pageSize + 1)
    .get()
  return { items: data.slice(0, input.pageSize).map((d) => summaryOf(d, ctx.now, policy, mask)), hasMore: data.length > input.pageSize }
}
