import type { VisitInput } from '../../../types/contracts/visit'
import type { CaseState } from '../../../types/domain/case-machine'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { tellCitizen } from '../notices'
import { actorsOf, assertAllowed, loadForStaff, viewOf, writeGuarded, type VisitDoc } from '../visits'

interface CaseRef {
  _id: string
  caseNo: string
  openid: string
  matterId: string
  state: CaseState
}

/** States a visit cannot be linked to: a draft is not an application yet, a withdrawn case is over. */
const UNLINKABLE: readonly CaseState[] = ['draft', 'withdrawn']
/** One answer for a number that does not exist and for someone else's case, so a guess learns nothing. */
const NO_SUCH_CASE = '未找到申请人本人办理的该事项办件，请核对办件编号'

/**
 * The case the staff member names, if it is the same citizen's (same OPENID: the account that
 * asked for the visit) and the same matter. Nothing is written into the case: the link lives on
 * the visit only, so a visit never reaches into another person's account.
 */
async function caseToLink(doc: VisitDoc, caseNo: string, staffNo: string, now: Date) {
  const { data } = await db().collection<CaseRef>(COLLECTIONS.cases).where({ caseNo }).limit(1).get()
  const c = data[0]
  if (!c || c.openid !== doc.openid || c.matterId !== doc.matterId)
    throw new AppError('INVALID_INPUT', NO_SUCH_CASE, [{ path: 'caseNo', message: NO_SUCH_CASE }])
  if (UNLINKABLE.includes(c.state)) {
    const message = c.state === 'draft' ? '该办件还是草稿，请申请人提交后再关联' : '该办件已撤回，不能关联'
    throw new AppError('INVALID_INPUT', message, [{ path: 'caseNo', message }])
  }
  return { caseId: c._id, caseNo: c.caseNo, at: now, staffNo }
}

/** The assignee records the visit: the materials taken (from the matter's checklist), a note, and optionally the case. */
export async function record(input: VisitInput<'record'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc } = await loadForStaff(input.visitId, caller)
  assertAllowed('record', actorsOf(doc, caller), doc)
  const bad = input.materials.findIndex((i) => i >= doc.materials.length)
  if (bad >= 0)
    throw new AppError('INVALID_INPUT', '材料不在该事项的清单中', [{ path: `materials.${bad}`, message: '材料不在该事项的清单中' }])
  const staff = caller.staff!
  const linkedCase = input.caseNo ? await caseToLink(doc, input.caseNo, staff.staffNo, ctx.now) : undefined
  const materials = [...new Set(input.materials)].sort((a, b) => a - b).map((i) => doc.materials[i])
  const next = await writeGuarded(
    doc,
    {
      state: 'visited',
      visit: { at: ctx.now, staffNo: staff.staffNo, staffName: staff.name, materials, ...(input.note ? { note: input.note } : {}) },
      ...(linkedCase ? { linkedCase } : {}),
    },
    ctx.now,
  )
  await tellCitizen(next, 'visit.visited', { matterName: next.matterName, ...(linkedCase ? { caseNo: linkedCase.caseNo } : {}) })
  return viewOf(next, actorsOf(next, caller), false, ctx.now)
}

/** A case the citizen submitted after the visit (on the spot, with the staff member's help) linked by its number, once. */
export async function linkCase(input: VisitInput<'linkCase'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc } = await loadForStaff(input.visitId, caller)
  assertAllowed('linkCase', actorsOf(doc, caller), doc)
  const linkedCase = await caseToLink(doc, input.caseNo, caller.staff!.staffNo, ctx.now)
  const next = await writeGuarded(doc, { linkedCase }, ctx.now)
  return viewOf(next, actorsOf(next, caller), false, ctx.now)
}
