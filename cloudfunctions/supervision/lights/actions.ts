import type { LightItem, ViolationView } from '../../../types/contracts/supervision/lights'
import type { SupervisionInput } from '../../../types/contracts/supervision'
import { redact } from '../../../types/domain/masking'
import { LIGHT_LABELS, VIOLATION_LABELS, VIOLATION_STATUS_LABELS } from '../../../types/domain/supervision-lights'
import { cases } from '../../case/cases'
import { allDepartments } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { insertOnce } from '../../_kit/db'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import type { Caller } from '../../_kit/identity'
import { log } from '../../_kit/log'
import { caseLights, relightById, violations, type LightDoc, type ViolationDoc } from '../../_supervision/relight'
import { departmentFilter, scopeOf, type Scope } from './access'

const iso = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d).toISOString())

async function departmentNames(): Promise<Map<string, string>> {
  return new Map((await allDepartments()).map((d) => [d.id, d.name]))
}

function lightView(l: LightDoc, names: Map<string, string>): LightItem {
  return {
    caseId: l._id,
    caseNo: l.caseNo,
    matterName: l.matterName,
    departmentId: l.departmentId,
    departmentName: names.get(l.departmentId) ?? l.departmentId,
    light: l.light,
    lightLabel: LIGHT_LABELS[l.light],
    reasons: l.reasons,
    ...(l.dueDate ? { dueDate: l.dueDate } : {}),
    ...(l.handlerStaffNo ? { handlerStaffNo: l.handlerStaffNo } : {}),
    ...(l.redSince ? { redSince: iso(l.redSince) } : {}),
    ...(l.yellowSince ? { yellowSince: iso(l.yellowSince) } : {}),
    updatedAt: iso(l.updatedAt)!,
    open: l.open,
  }
}

/** The department may appeal: its lead, or the staff member whose step it was or who handles the case. */
const mayAppeal = (caller: Caller, v: ViolationDoc, handlerStaffNo: string | undefined) => {
  const s = caller.staff
  if (!s || s.departmentId !== v.departmentId) return false
  return s.role === 'dept_lead' || (s.role === 'window_staff' && (v.staffNo === s.staffNo || handlerStaffNo === s.staffNo))
}

function violationView(v: ViolationDoc, caller: Caller, names: Map<string, string>, handlerStaffNo: string | undefined): ViolationView {
  const a = v.appeal
  return {
    violationId: v._id,
    caseId: v.caseId,
    caseNo: v.caseNo,
    matterName: v.matterName,
    departmentId: v.departmentId,
    departmentName: names.get(v.departmentId) ?? v.departmentId,
    code: v.code,
    label: VIOLATION_LABELS[v.code],
    category: v.category,
    detail: v.detail,
    ...(v.staffNo ? { staffNo: v.staffNo } : {}),
    detectedAt: iso(v.detectedAt)!,
    status: v.status,
    statusLabel: VIOLATION_STATUS_LABELS[v.status],
    // Staff's free text may name the applicant or a number: masked for every reader.
    ...(a
      ? {
          appeal: {
            reason: redact(a.reason),
            by: a.by,
            at: iso(a.at)!,
            ...(a.decision ? { decision: a.decision } : {}),
            ...(a.note ? { note: redact(a.note) } : {}),
            ...(a.decidedBy ? { decidedBy: a.decidedBy } : {}),
            ...(a.decidedAt ? { decidedAt: iso(a.decidedAt) } : {}),
          },
        }
      : {}),
    canAppeal: v.status === 'open' && mayAppeal(caller, v, handlerStaffNo),
    canDecide: v.status === 'appealed' && caller.staff?.role === 'supervisor',
  }
}

const page = <T>(rows: T[], size: number) => ({ items: rows.slice(0, size), hasMore: rows.length > size })

export async function lightList(input: SupervisionInput<'lightList'>, ctx: ActionContext) {
  const scope = scopeOf(await ctx.caller())
  const _ = db().command
  const departmentId = departmentFilter(scope, input.departmentId)
  const where: Record<string, unknown> = {
    open: true,
    light: input.light ?? _.in(['red', 'yellow']),
    ...(scope.kind === 'handler' ? { handlerStaffNo: scope.staffNo } : departmentId ? { departmentId } : {}),
  }
  const [{ data }, names] = await Promise.all([
    // Red before yellow ('red' < 'yellow'), the earliest promised date first.
    caseLights()
      .where(where)
      .orderBy('light', 'asc')
      .orderBy('dueDate', 'asc')
      .orderBy('_id', 'asc')
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize + 1)
      .get(),
    departmentNames(),
  ])
  const out = page(data, input.pageSize)
  return { items: out.items.map((l) => lightView(l, names)), hasMore: out.hasMore }
}

export async function violationList(input: SupervisionInput<'violationList'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const scope = scopeOf(caller)
  const departmentId = departmentFilter(scope, input.departmentId)
  const where: Record<string, unknown> = {
    ...(scope.kind === 'handler' ? { staffNo: scope.staffNo } : departmentId ? { departmentId } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.status ? { status: input.status } : {}),
  }
  const [{ data }, names] = await Promise.all([
    violations()
      .where(where)
      .orderBy('detectedAt', 'desc')
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize + 1)
      .get(),
    departmentNames(),
  ])
  const out = page(data, input.pageSize)
  return { items: out.items.map((v) => violationView(v, caller, names, undefined)), hasMore: out.hasMore }
}

interface CaseWatch {
  light?: LightDoc
  found: ViolationDoc[]
}

/** A case's light and violations, for a caller who may watch it; anyone else is answered NOT_FOUND, as for a missing case. */
async function watchedCase(caseId: string, scope: Scope): Promise<CaseWatch & { departmentId: string }> {
  const [{ data: docs }, { data: lights }, { data: found }] = await Promise.all([
    cases().where({ _id: caseId }).field({ departmentId: true, submittedAt: true }).limit(1).get(),
    caseLights().where({ _id: caseId }).limit(1).get(),
    violations().where({ caseId }).orderBy('detectedAt', 'asc').limit(1000).get(),
  ])
  const doc = docs[0]
  if (!doc?.submittedAt) throw notFound('未找到该办件')
  const light = lights[0]
  const visible =
    scope.kind === 'all' ||
    (scope.kind === 'department' && doc.departmentId === scope.departmentId) ||
    (scope.kind === 'handler' && (light?.handlerStaffNo === scope.staffNo || found.some((v) => v.staffNo === scope.staffNo)))
  if (!visible) throw notFound('未找到该办件')
  return { light, found, departmentId: doc.departmentId }
}

export async function caseLight(input: SupervisionInput<'caseLight'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const [{ light, found }, names] = await Promise.all([watchedCase(input.caseId, scopeOf(caller)), departmentNames()])
  return {
    ...(light ? { light: lightView(light, names) } : {}),
    violations: found.map((v) => violationView(v, caller, names, light?.handlerStaffNo)),
  }
}

async function loadViolation(id: string) {
  const { data } = await violations().where({ _id: id }).limit(1).get()
  if (!data[0]) throw notFound('未找到该违规记录')
  const { data: lights } = await caseLights().where({ _id: data[0].caseId }).limit(1).get()
  return { v: data[0], handler: lights[0]?.handlerStaffNo }
}

/** The violation after a guarded change of its status; a concurrent change answers CONFLICT. */
async function changeStatus(v: ViolationDoc, from: ViolationDoc['status'], data: Record<string, unknown>): Promise<void> {
  const { stats } = await violations().where({ _id: v._id, status: from }).update({ data })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该违规记录已被处理，请刷新后查看')
}

export async function appealViolation(input: SupervisionInput<'appealViolation'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { v, handler } = await loadViolation(input.violationId)
  // Someone who may not appeal it, and may not see it, learns nothing of it either.
  if (!mayAppeal(caller, v, handler)) {
    if (caller.staff?.departmentId !== v.departmentId) throw notFound('未找到该违规记录')
    throw new AppError('FORBIDDEN', '只有部门负责人或经办人可以申诉')
  }
  if (v.status !== 'open') throw new AppError('CONFLICT', `该违规记录${VIOLATION_STATUS_LABELS[v.status]}，不能再申诉`)
  const s = caller.staff!
  const appeal = { reason: input.reason, by: { staffNo: s.staffNo, role: s.role }, at: ctx.now }
  await changeStatus(v, 'open', { status: 'appealed', appeal: db().command.set(appeal) })
  await audit(`va-${v._id}`, {
    kind: 'violation_appeal',
    violationId: v._id,
    caseId: v.caseId,
    caseNo: v.caseNo,
    departmentId: v.departmentId,
    code: v.code,
    reason: input.reason,
    staffNo: s.staffNo,
    role: s.role,
    at: ctx.now,
  })
  return violationView({ ...v, status: 'appealed', appeal }, caller, await departmentNames(), handler)
}

export async function decideAppeal(input: SupervisionInput<'decideAppeal'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { v, handler } = await loadViolation(input.violationId)
  if (v.status !== 'appealed' || !v.appeal)
    throw new AppError('CONFLICT', `该违规记录${VIOLATION_STATUS_LABELS[v.status]}，没有待决定的申诉`)
  const s = caller.staff!
  const appeal = { ...v.appeal, decision: input.decision, note: input.note, decidedBy: { staffNo: s.staffNo }, decidedAt: ctx.now }
  await changeStatus(v, 'appealed', { status: input.decision, appeal: db().command.set(appeal) })
  await audit(`vd-${v._id}`, {
    kind: 'violation_decision',
    violationId: v._id,
    caseId: v.caseId,
    caseNo: v.caseNo,
    departmentId: v.departmentId,
    code: v.code,
    decision: input.decision,
    note: input.note,
    staffNo: s.staffNo,
    at: ctx.now,
  })
  // A dismissed violation stops counting: the light follows now (the job would within 15 minutes).
  if (input.decision === 'dismissed')
    await relightById(v.caseId, ctx.now, 'appeal').catch((e) => log.error('supervision.decideAppeal.relight', e))
  return violationView({ ...v, status: input.decision, appeal }, caller, await departmentNames(), handler)
}

/** Appeals and decisions go to the insert-only audit collection, one entry each (a retried call writes nothing new). */
const audit = (id: string, entry: Record<string, unknown>) => insertOnce(COLLECTIONS.audit, { _id: id, ...entry })
