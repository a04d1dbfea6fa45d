import type { VisitInput } from '../../../types/contracts/visit'
import { MATERIAL_FORM_LABELS, type Matter } from '../../../types/domain/catalog'
import { visitDates, visitDeadlines, type VisitSlot } from '../../../types/domain/visit'
import { getDepartment, getMatterDoc } from '../../_kit/catalog'
import { isDuplicate } from '../../_kit/db'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { randomHex } from '../../_kit/ids'
import { workCalendar } from '../../_kit/work-calendar'
import { tellAssignee, tellLeads } from '../notices'
import {
  activeKeyOf,
  actorsOf,
  assertAllowed,
  loadOwn,
  summaryOf,
  today,
  viewOf,
  visitPolicy,
  visits,
  writeGuarded,
  type VisitDoc,
} from '../visits'

const issue = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }])

/** The matter, if it offers door-to-door service; anything else is refused as input. */
async function doorToDoorMatter(matterId: string): Promise<Matter> {
  const matter = await getMatterDoc(matterId).catch(() => undefined)
  if (!matter) throw issue('matterId', '未找到该事项')
  if (!matter.flags.doorToDoor) throw issue('matterId', '该事项暂不提供上门服务，请预约到大厅办理')
  return matter
}

/** Every preferred half day must be a working day within the horizon (the page offers exactly those). */
async function checkPreferred(preferred: VisitSlot[], now: Date): Promise<void> {
  const policy = await visitPolicy()
  const open = new Set(visitDates(today(now), policy.horizonWorkingDays, workCalendar()))
  const bad = preferred.findIndex((p) => !open.has(p.date))
  if (bad >= 0) throw issue(`preferred.${bad}.date`, '请选择可预约范围内的工作日')
}

const activeOf = async (openid: string, matterId: string) =>
  (
    await visits()
      .where({ activeKey: activeKeyOf(openid, matterId) })
      .limit(1)
      .get()
  ).data[0]

export async function options(input: VisitInput<'options'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const matter = await doorToDoorMatter(input.matterId)
  const [dept, policy, active] = await Promise.all([
    getDepartment(matter.departmentId),
    visitPolicy(),
    openid ? activeOf(openid, matter.id) : Promise.resolve(undefined),
  ])
  return {
    matterId: matter.id,
    matterName: matter.name,
    departmentName: dept?.name ?? '',
    dates: visitDates(today(ctx.now), policy.horizonWorkingDays, workCalendar()),
    contactWorkingDays: policy.contactWorkingDays,
    visitWorkingDays: policy.visitWorkingDays,
    ...(active ? { activeVisitId: active._id } : {}),
  }
}

/**
 * A request is written once per request id. One active request per account and matter: the
 * unique `activeKey` refuses a second one, whatever the timing of two submits.
 */
export async function request(input: VisitInput<'request'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录')
  // Checked before the request id is claimed: refused input leaves no record at all.
  const matter = await doorToDoorMatter(input.matterId)
  await checkPreferred(input.preferred, ctx.now)
  return once('visit.request', openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const policy = await visitPolicy()
    const dept = await getDepartment(matter.departmentId)
    const submittedOn = today(ctx.now)
    const { contactDue, visitDue } = visitDeadlines(submittedOn, input.preferred, policy, workCalendar())
    const doc: VisitDoc = {
      _id: `vs-${randomHex(20)}`,
      openid,
      activeKey: activeKeyOf(openid, matter.id),
      active: true,
      matterId: matter.id,
      matterName: matter.name,
      departmentId: matter.departmentId,
      departmentName: dept?.name ?? '',
      departmentPhone: dept?.phone ?? '',
      reason: input.reason,
      ...(input.reasonNote ? { reasonNote: input.reasonNote } : {}),
      relation: input.relation,
      person: { name: input.personName, phone: input.personPhone },
      ...(input.relation !== 'self' && input.contactPhone ? { contactPhone: input.contactPhone } : {}),
      address: input.address,
      preferred: input.preferred,
      ...(input.note ? { note: input.note } : {}),
      materials: matter.materials.map((m) => `${m.name}（${MATERIAL_FORM_LABELS[m.form]}${m.copies > 1 ? `${m.copies}份` : ''}）`),
      onlineApplication: matter.flags.onlineApplication,
      state: 'requested',
      submittedAt: ctx.now,
      submittedOn,
      contactDue,
      visitDue,
      overdueTold: [],
      rev: 0,
      updatedAt: ctx.now,
    }
    try {
      await visits().add({ data: doc })
    } catch (e) {
      if (isDuplicate(e)) throw new AppError('CONFLICT', '您已有一个该事项的上门服务申请正在办理，请在「我的上门服务」中查看')
      throw e
    }
    await tellLeads(doc, 'visit.requested', { matterName: doc.matterName, step: '新的上门服务申请', dueDate: contactDue })
    return { visitId: doc._id, state: doc.state, contactDue, visitDue }
  })
}

export async function mine(_input: VisitInput<'mine'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await visits().where({ openid }).orderBy('submittedAt', 'desc').limit(100).get()
  return { items: data.map((d) => summaryOf(d, false, ctx.now)) }
}

export async function get(input: VisitInput<'get'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadOwn(input.visitId, caller)
  return viewOf(doc, ['citizen'], false, ctx.now)
}

export async function confirm(input: VisitInput<'confirm'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadOwn(input.visitId, caller)
  assertAllowed('confirm', ['citizen'], doc)
  const next = await writeGuarded(doc, { state: 'confirmed', confirmedAt: ctx.now }, ctx.now)
  await tellAssignee(next, '申请人已确认上门时间')
  return viewOf(next, actorsOf(next, caller), false, ctx.now)
}

/** The citizen asks for another time (optionally new preferred days): back to the lead, who assigns again. */
export async function reschedule(input: VisitInput<'reschedule'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadOwn(input.visitId, caller)
  assertAllowed('reschedule', ['citizen'], doc)
  if (input.preferred) await checkPreferred(input.preferred, ctx.now)
  const next = await writeGuarded(
    doc,
    {
      state: 'reschedule_requested',
      ...(input.preferred ? { preferred: input.preferred } : {}),
      rescheduleNote: input.note ?? '',
    },
    ctx.now,
  )
  await tellLeads(next, 'visit.requested', { matterName: next.matterName, step: '申请人申请另约时间', dueDate: next.visitDue })
  await tellAssignee(next, '申请人申请另约时间')
  return viewOf(next, actorsOf(next, caller), false, ctx.now)
}

export async function cancel(input: VisitInput<'cancel'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadOwn(input.visitId, caller)
  assertAllowed('cancel', ['citizen'], doc)
  const next = await writeGuarded(doc, { state: 'cancelled' }, ctx.now)
  await tellLeads(next, 'visit.requested', { matterName: next.matterName, step: '申请人已取消上门服务', dueDate: next.contactDue })
  await tellAssignee(next, '申请人已取消上门服务')
  return viewOf(next, actorsOf(next, caller), false, ctx.now)
}
