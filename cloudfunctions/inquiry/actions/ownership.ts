import type { InquiryInput } from '../../../types/contracts/inquiry'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import {
  assertAllowed,
  assignableStaff,
  departmentName,
  replyClock,
  inquiries,
  inquiryPolicy,
  loadInquiry,
  writeGuarded,
  type HistoryEntry,
  type InquiryDoc,
} from '../inquiries'
import { freePlace } from '../open-quota'

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }])
const ownership = (d: Pick<InquiryDoc, '_id' | 'state' | 'departmentId' | 'ownerStaffNo' | 'ownerName'>) => ({
  inquiryId: d._id,
  state: d.state,
  departmentId: d.departmentId,
  ...(d.ownerStaffNo ? { owner: { staffNo: d.ownerStaffNo, name: d.ownerName } } : {}),
})
const record = (entry: HistoryEntry) => db().command.push([entry])

/**
 * 首问负责制: the first staff member of the department to claim owns the inquiry. The claim is one
 * conditional update on the empty owner, so of any number of simultaneous claims exactly one wins.
 */
export async function claim({ inquiryId }: InquiryInput<'claim'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const s = caller.staff!
  const { doc, standing } = await loadInquiry(inquiryId, caller)
  if (standing.deptStaff && doc.ownerStaffNo && doc.state !== 'closed')
    throw new AppError('CONFLICT', `该咨询已由${doc.ownerName}（${doc.ownerStaffNo}）认领`)
  assertAllowed('claim', doc, standing)
  const _ = db().command
  const { stats } = await inquiries()
    .where({ _id: doc._id, ownerStaffNo: '', state: 'open', departmentId: s.departmentId })
    .update({
      data: {
        ownerStaffNo: s.staffNo,
        ownerName: s.name,
        state: 'claimed',
        history: record({ kind: 'claimed', at: ctx.now, staffNo: s.staffNo, departmentId: s.departmentId }),
        rev: _.inc(1),
        updatedAt: ctx.now,
      },
    })
  if (stats.updated !== 1) {
    const { data } = await inquiries().where({ _id: doc._id }).limit(1).get()
    const now = data[0]
    throw new AppError(
      'CONFLICT',
      now?.ownerStaffNo ? `该咨询已由${now.ownerName}（${now.ownerStaffNo}）认领` : '该咨询状态已变化，请刷新后重试',
    )
  }
  return ownership({ ...doc, state: 'claimed', ownerStaffNo: s.staffNo, ownerName: s.name })
}

type TransferInput = InquiryInput<'transfer'>

/**
 * The owner hands the inquiry on, saying why: to another department (it waits there to be
 * claimed, and to be answered by the due date already promised) or to a colleague of the same
 * department. Other departments' people are reached through their department, not by name.
 */
export async function transfer(input: TransferInput, ctx: ActionContext) {
  const caller = await ctx.caller()
  const me = caller.staff!
  const { doc, standing } = await loadInquiry(input.inquiryId, caller)
  assertAllowed('transfer', doc, standing)
  let next: InquiryDoc
  if (input.toDepartmentId) {
    if (input.toDepartmentId === doc.departmentId) throw invalid('toDepartmentId', '该咨询已在本部门，请选择其他部门或转交同事')
    const name = await departmentName(input.toDepartmentId)
    const clock = doc.awaitingReply ? { dueDate: doc.dueDate, waitingSince: doc.waitingSince } : replyClock(ctx.now, await inquiryPolicy())
    next = {
      ...doc,
      departmentId: input.toDepartmentId,
      departmentName: name,
      ownerStaffNo: '',
      ownerName: '',
      state: 'open',
      awaitingReply: true,
      ...clock,
    }
  } else {
    const target = await assignableStaff(input.toStaffNo!)
    if (target.departmentId !== doc.departmentId) throw invalid('toStaffNo', '只能转交给本部门的同事；转其他部门请选择部门')
    if (target.staffNo === me.staffNo) throw invalid('toStaffNo', '不能转交给自己')
    next = { ...doc, ownerStaffNo: target.staffNo, ownerName: target.name }
  }
  const entry: HistoryEntry = {
    kind: 'transferred',
    at: ctx.now,
    staffNo: me.staffNo,
    departmentId: doc.departmentId,
    ...(input.toDepartmentId ? { toDepartmentId: input.toDepartmentId } : { toStaffNo: next.ownerStaffNo }),
    reason: input.reason,
  }
  await writeGuarded(doc, changed(doc, next, entry), ctx.now)
  return ownership(next)
}

/**
 * A department lead gives an inquiry of the department to one of its people; a supervisor to
 * anyone, moving it to that person's department. The reason is recorded.
 */
export async function reassign(input: InquiryInput<'reassign'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const me = caller.staff!
  const { doc, standing } = await loadInquiry(input.inquiryId, caller)
  assertAllowed('reassign', doc, standing)
  const target = await assignableStaff(input.toStaffNo)
  if (!standing.supervisor && target.departmentId !== doc.departmentId) throw invalid('toStaffNo', '部门负责人只能改派给本部门的工作人员')
  if (target.staffNo === doc.ownerStaffNo) throw new AppError('CONFLICT', `该咨询已由${target.name}负责`)
  const moved = target.departmentId !== doc.departmentId
  const next: InquiryDoc = {
    ...doc,
    ownerStaffNo: target.staffNo,
    ownerName: target.name,
    state: doc.state === 'open' ? 'claimed' : doc.state,
    ...(moved ? { departmentId: target.departmentId, departmentName: await departmentName(target.departmentId) } : {}),
  }
  const entry: HistoryEntry = {
    kind: 'reassigned',
    at: ctx.now,
    staffNo: me.staffNo,
    departmentId: doc.departmentId,
    toStaffNo: target.staffNo,
    ...(moved ? { toDepartmentId: target.departmentId } : {}),
    reason: input.reason,
  }
  await writeGuarded(doc, changed(doc, next, entry), ctx.now)
  return ownership(next)
}

/** The fields that differ, plus the history entry: only those are written. */
function changed(before: InquiryDoc, after: InquiryDoc, entry: HistoryEntry): Record<string, unknown> {
  const keys = ['departmentId', 'departmentName', 'ownerStaffNo', 'ownerName', 'state', 'awaitingReply', 'dueDate', 'waitingSince'] as const
  const out: Record<string, unknown> = { history: record(entry) }
  for (const k of keys) if (before[k] !== after[k]) out[k] = after[k]
  return out
}

/** Staff end an inquiry (the owner, or the department lead), saying why; nothing is awaited any more. */
export async function close(input: InquiryInput<'close'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, standing } = await loadInquiry(input.inquiryId, caller)
  assertAllowed('close', doc, standing)
  const entry: HistoryEntry = {
    kind: 'closed',
    at: ctx.now,
    staffNo: caller.staff!.staffNo,
    departmentId: doc.departmentId,
    reason: input.reason,
  }
  await writeGuarded(doc, { state: 'closed', awaitingReply: false, closedAt: ctx.now, history: record(entry) }, ctx.now)
  await freePlace(doc)
  return { inquiryId: doc._id, state: 'closed' as const }
}
