import type { ComplaintInput } from '../../../types/contracts/complaint'
import { db } from '../../_kit/cloud'
import { notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { assertAllowed, complaints, departmentViewOf, isDepartmentCaller, loadById, writeGuarded } from '../complaints'

/** Complaints transferred to the caller's department, newest first; those about the caller themself are left out. */
export async function departmentList(input: ComplaintInput<'departmentList'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const _ = db().command
  const { data } = await complaints()
    .where({ departmentId: caller.staff!.departmentId, state: input.state ?? _.in(['transferred', 'replied']) })
    .orderBy('transferredAt', 'desc')
    .limit(100)
    .get()
  return { items: data.filter((d) => isDepartmentCaller(d, caller)).map((d) => departmentViewOf(d, ctx.now)) }
}

/**
 * The department's one answer. Staff of any other department, and the staff member the complaint
 * is about, get NOT_FOUND, exactly like a missing complaint.
 */
export async function reply(input: ComplaintInput<'reply'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadById(input.complaintId).catch(() => undefined)
  if (!doc || !isDepartmentCaller(doc, caller)) throw notFound('未找到该投诉')
  assertAllowed('reply', 'department', doc)
  const next = await writeGuarded(
    doc,
    { state: 'replied', departmentReply: { text: input.text, at: ctx.now, staffNo: caller.staff!.staffNo } },
    ctx.now,
  )
  return departmentViewOf(next, ctx.now)
}
