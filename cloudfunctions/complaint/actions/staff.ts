import type { ComplaintInput } from '../../../types/contracts/complaint'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { randomHex } from '../../_kit/ids'
import { departmentViewOf, isDepartmentCaller, isOfficeFor, loadById, loadForOffice, officeViewOf } from '../complaints'
import { photoViews } from '../photos'

/**
 * One complaint for staff: the office's view to a supervisor, the department's to window staff
 * and leads of the department it was transferred to. Anyone else — another department, the staff
 * member it is about, a department before the transfer — hears NOT_FOUND, as for a missing one.
 * The photos' URLs are issued after that check.
 */
export async function get(input: ComplaintInput<'get'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadById(input.complaintId).catch(() => undefined)
  if (doc && isOfficeFor(doc, caller))
    return { view: 'office' as const, ...officeViewOf(doc, ctx.now), photos: await photoViews(doc.photos) }
  if (doc && isDepartmentCaller(doc, caller))
    return { view: 'department' as const, ...departmentViewOf(doc, ctx.now), photos: await photoViews(doc.photos) }
  throw notFound('未找到该投诉')
}

/**
 * The full contact phone of a real-name complaint, for the office to call the complainant back.
 * The audit entry (who, when, why) is written before the number is answered: a read that could
 * not be recorded is not answered. An anonymous complaint has no phone at all.
 */
export async function revealPhone(input: ComplaintInput<'revealPhone'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadForOffice(input.complaintId, caller)
  if (doc.anonymous || !doc.contactPhone) throw new AppError('CONFLICT', doc.anonymous ? '匿名投诉没有联系电话' : '投诉人没有留联系电话')
  const s = caller.staff!
  await db()
    .collection(COLLECTIONS.audit)
    .add({
      data: {
        _id: `au-${randomHex(20)}`,
        kind: 'complaint_phone_read',
        complaintId: doc._id,
        staffNo: s.staffNo,
        role: s.role,
        departmentId: s.departmentId,
        reason: input.reason,
        at: ctx.now,
      },
    })
  return { phone: doc.contactPhone }
}
