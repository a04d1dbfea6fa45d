import type { ComplaintInput } from '../../../types/contracts/complaint'
import { resolveDueDate } from '../../../types/domain/complaint'
import { getDepartment } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { workCalendar } from '../../_kit/work-calendar'
import { assertAllowed, complaintPolicy, complaints, isOfficeFor, loadForOffice, officeViewOf, today, writeGuarded } from '../complaints'
import { tellComplainant, tellDepartment } from '../notices'

/**
 * The office's list: newest first, or the overdue ones (decision or reply past due) earliest due
 * first. A complaint about the calling supervisor is left out (a page may then hold fewer items).
 */
export async function inbox(input: ComplaintInput<'inbox'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const _ = db().command
  const skip = (input.page - 1) * input.pageSize
  const query = input.overdue
    ? complaints()
        .where({ open: true, ...(input.state ? { state: input.state } : {}), dueDate: _.lt(today(ctx.now)) })
        .orderBy('dueDate', 'asc')
    : complaints()
        .where(input.state ? { state: input.state } : {})
        .orderBy('submittedAt', 'desc')
  const { data } = await query
    .skip(skip)
    .limit(input.pageSize + 1)
    .get()
  return {
    items: data
      .slice(0, input.pageSize)
      .filter((d) => isOfficeFor(d, caller))
      .map((d) => officeViewOf(d, ctx.now)),
    hasMore: data.length > input.pageSize,
  }
}

/**
 * Accept, refuse with a reason (final), or transfer to the department that must answer (which
 * accepts it at the same moment when it was not yet accepted). Acceptance starts the reply clock.
 */
export async function decide(input: ComplaintInput<'decide'>, ctx: ActionContext) {
  const doc = await loadForOffice(input.complaintId, await ctx.caller())
  const policy = await complaintPolicy()
  const cal = workCalendar()
  if (input.decision === 'notAccept') {
    assertAllowed('notAccept', 'office', doc)
    const next = await writeGuarded(doc, { state: 'not_accepted', open: false, decidedAt: ctx.now, notAcceptReason: input.reason }, ctx.now)
    await tellComplainant(next, 'complaint.not_accepted', { reason: input.reason ?? '' })
    return officeViewOf(next, ctx.now)
  }
  const acceptedOn = doc.acceptedOn ?? today(ctx.now)
  const resolveDue = doc.resolveDue ?? resolveDueDate(acceptedOn, policy, cal)
  const accepting = doc.state === 'submitted' ? { decidedAt: ctx.now, acceptedOn, resolveDue, dueDate: resolveDue } : {}
  if (input.decision === 'accept') {
    assertAllowed('accept', 'office', doc)
    const next = await writeGuarded(doc, { state: 'accepted', ...accepting }, ctx.now)
    await tellComplainant(next, 'complaint.accepted', { resolveDue })
    return officeViewOf(next, ctx.now)
  }
  assertAllowed('transfer', 'office', doc)
  const dept = await getDepartment(input.departmentId!)
  if (!dept) throw new AppError('INVALID_INPUT', '未找到该部门', [{ path: 'departmentId', message: '未找到该部门' }])
  const next = await writeGuarded(
    doc,
    {
      state: 'transferred',
      ...accepting,
      departmentId: dept.id,
      departmentName: dept.name,
      transferredAt: ctx.now,
      ...(input.note ? { transferNote: input.note } : {}),
    },
    ctx.now,
  )
  await Promise.all([tellComplainant(next, 'complaint.transferred', { department: dept.name, resolveDue }), tellDepartment(next)])
  return officeViewOf(next, ctx.now)
}

/** The office's final reply closes the complaint; the complainant may then rate it once. */
export async function resolve(input: ComplaintInput<'resolve'>, ctx: ActionContext) {
  const doc = await loadForOffice(input.complaintId, await ctx.caller())
  assertAllowed('resolve', 'office', doc)
  const next = await writeGuarded(
    doc,
    { state: 'resolved', open: false, resolvedAt: ctx.now, officeReply: { text: input.reply, at: ctx.now } },
    ctx.now,
  )
  await tellComplainant(next, 'complaint.resolved', {})
  return officeViewOf(next, ctx.now)
}
