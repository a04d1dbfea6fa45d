import type { CaseInput } from '../../../types/contracts/case'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { workCalendar } from '../../_kit/work-calendar'
import { cases, summaryOf, today } from '../cases'

type WorklistInput = CaseInput<'worklist'>

/** Working days ahead that count as "due soon". */
const DUE_SOON_DAYS = 2

/**
 * The department's submitted cases (a 联办 department sees the cases it has a sub-task in);
 * supervisors see every department's. "Due soon" and "overdue" only count cases whose clock runs.
 * Names are masked here: the list is not a read of personal data.
 */
export async function worklist(input: WorklistInput, ctx: ActionContext) {
  const staff = (await ctx.caller()).staff!
  const _ = db().command
  const where: Record<string, unknown> = { submittedAt: _.exists(true) }
  if (staff.role === 'supervisor') {
    if (input.departmentId) where.departments = input.departmentId
  } else {
    if (input.departmentId && input.departmentId !== staff.departmentId) throw new AppError('FORBIDDEN', '只能查看本部门的办件')
    where.departments = staff.departmentId
  }
  if (input.state) where.state = input.state
  const day = today(ctx.now)
  if (input.due === 'overdue') Object.assign(where, { clockRunning: true, dueDate: _.lt(day) })
  if (input.due === 'soon')
    Object.assign(where, { clockRunning: true, dueDate: _.and([_.gte(day), _.lte(workCalendar().addWorkingDays(day, DUE_SOON_DAYS))]) })
  const { data } = await cases()
    .where(where)
    .orderBy(input.due ? 'dueDate' : 'submittedAt', input.due ? 'asc' : 'desc')
    .skip((input.page - 1) * input.pageSize)
    .limit(input.pageSize + 1)
    .get()
  return {
    items: data.slice(0, input.pageSize).map((d) => ({ ...summaryOf(d, ctx.now), departmentId: d.departmentId })),
    hasMore: data.length > input.pageSize,
  }
}
