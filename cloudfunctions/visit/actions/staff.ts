import type { VisitBox, VisitInput } from '../../../types/contracts/visit'
import type { Staff } from '../../../types/domain/staff'
import { visitDates, type VisitState } from '../../../types/domain/visit'
import { ROLE_LABELS } from '../../../types/roles'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { workCalendar } from '../../_kit/work-calendar'
import { tellAssignee, tellCitizen } from '../notices'
import { slotTime } from '../../../types/domain/visit'
import { actorsOf, assertAllowed, loadForStaff, summaryOf, today, viewOf, visitPolicy, visits, writeGuarded } from '../visits'

const BOX_STATES: Record<VisitBox, VisitState[]> = {
  open: ['requested', 'reschedule_requested'],
  scheduled: ['assigned', 'confirmed'],
  done: ['visited', 'cancelled', 'declined'],
}

/**
 * The caller's list: a department lead their department's requests, window staff only those
 * assigned to them, a supervisor every department's with personal data masked. Waiting requests
 * oldest first (the most urgent), the others newest first.
 */
export async function inbox(input: VisitInput<'inbox'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const s = caller.staff!
  const _ = db().command
  const scope =
    s.role === 'supervisor'
      ? {}
      : s.role === 'dept_lead'
        ? { departmentId: s.departmentId }
        : { departmentId: s.departmentId, assigneeStaffNo: s.staffNo }
  const { data } = await visits()
    .where({ ...scope, state: _.in(BOX_STATES[input.box]) })
    .orderBy('submittedAt', input.box === 'open' ? 'asc' : 'desc')
    .skip((input.page - 1) * input.pageSize)
    .limit(input.pageSize + 1)
    .get()
  const masked = s.role === 'supervisor'
  return { items: data.slice(0, input.pageSize).map((d) => summaryOf(d, masked, ctx.now)), hasMore: data.length > input.pageSize }
}

export async function staffGet(input: VisitInput<'staffGet'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, masked } = await loadForStaff(input.visitId, caller)
  return viewOf(doc, actorsOf(doc, caller), masked, ctx.now)
}

/** Who of the department may go: its active window staff and leads. */
async function departmentStaff(departmentId: string): Promise<Staff[]> {
  const _ = db().command
  const { data } = await db()
    .collection<Staff>(COLLECTIONS.staff)
    .where({ departmentId, active: true, role: _.in(['window_staff', 'dept_lead']) })
    .limit(100)
    .get()
  return data.sort((a, b) => a.staffNo.localeCompare(b.staffNo))
}

export async function staffOptions(input: VisitInput<'staffOptions'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc } = await loadForStaff(input.visitId, caller)
  assertAllowed('assign', actorsOf(doc, caller), doc)
  const policy = await visitPolicy()
  return {
    staff: (await departmentStaff(doc.departmentId)).map((x) => ({ staffNo: x.staffNo, name: x.name, roleLabel: ROLE_LABELS[x.role] })),
    dates: visitDates(today(ctx.now), policy.horizonWorkingDays, workCalendar()),
  }
}

/**
 * The lead assigns one of the department's staff and a half day on a working day within the
 * horizon; the citizen is asked to confirm it. A reassignment tells the previous assignee.
 */
export async function assign(input: VisitInput<'assign'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc } = await loadForStaff(input.visitId, caller)
  assertAllowed('assign', actorsOf(doc, caller), doc)
  const who = (await departmentStaff(doc.departmentId)).find((x) => x.staffNo === input.staffNo)
  if (!who)
    throw new AppError('INVALID_INPUT', '只能派给本部门的在岗工作人员', [{ path: 'staffNo', message: '只能派给本部门的在岗工作人员' }])
  const policy = await visitPolicy()
  if (!visitDates(today(ctx.now), policy.horizonWorkingDays, workCalendar()).includes(input.slot.date))
    throw new AppError('INVALID_INPUT', '请选择可安排范围内的工作日', [{ path: 'slot.date', message: '请选择可安排范围内的工作日' }])
  const previous = doc.assignee
  const next = await writeGuarded(
    doc,
    {
      state: 'assigned',
      assignee: { staffNo: who.staffNo, name: who.name, openid: who.openid },
      assigneeStaffNo: who.staffNo,
      slot: input.slot,
      assignedAt: ctx.now,
    },
    ctx.now,
  )
  await tellCitizen(next, 'visit.assigned', { matterName: next.matterName, time: slotTime(input.slot), staffName: who.name })
  await tellAssignee(next, '已派给您，待申请人确认时间')
  if (previous && previous.staffNo !== who.staffNo) await tellAssignee(next, '已改派其他工作人员', previous)
  return viewOf(next, actorsOf(next, caller), false, ctx.now)
}

export async function decline(input: VisitInput<'decline'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc } = await loadForStaff(input.visitId, caller)
  assertAllowed('decline', actorsOf(doc, caller), doc)
  const next = await writeGuarded(doc, { state: 'declined', declineReason: input.reason }, ctx.now)
  await tellCitizen(next, 'visit.declined', { matterName: next.matterName, reason: input.reason })
  await tellAssignee(next, '部门负责人已取消本次上门')
  return viewOf(next, actorsOf(next, caller), false, ctx.now)
}
