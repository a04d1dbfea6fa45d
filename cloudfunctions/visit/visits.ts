import type { VisitSummary, VisitView } from '../../types/contracts/visit'
import { maskAddress, maskName, maskPhone } from '../../types/domain/masking'
import {
  allowedVisitActions,
  DEFAULT_VISIT_POLICY,
  isActiveVisit,
  overdueStage,
  slotLabel,
  VISIT_REASON_LABELS,
  VISIT_RELATION_LABELS,
  VISIT_STATE_LABELS,
  visitPolicySchema,
  visitRefusal,
  type VisitAction,
  type VisitActor,
  type VisitPolicy,
  type VisitReason,
  type VisitRelation,
  type VisitSlot,
  type VisitState,
} from '../../types/domain/visit'
import { beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError, notFound } from '../_kit/errors'
import type { Caller } from '../_kit/identity'
import { readSetting } from '../_kit/settings'

/**
 * A door-to-door request as stored. `openid` is the account that asked (a relative may ask for
 * the person served, whose name and phone are `person`). `activeKey` is `<OPENID>:<matterId>`
 * while the request is active and the request's own id once it ends: its unique index is the
 * one-active-request-per-matter rule, kept by the same single write that opens or ends it.
 * `rev` guards every transition and numbers its notices.
 */
export interface VisitDoc {
  _id: string
  openid: string
  activeKey: string
  active: boolean
  matterId: string
  matterName: string
  departmentId: string
  departmentName: string
  departmentPhone: string
  reason: VisitReason
  reasonNote?: string
  relation: VisitRelation
  person: { name: string; phone: string }
  contactPhone?: string
  address: string
  preferred: VisitSlot[]
  note?: string
  /** The matter's material names when the request was made: the visit's checklist. */
  materials: string[]
  /** The matter's 网上申请 flag when the request was made. */
  onlineApplication: boolean
  state: VisitState
  submittedAt: Date
  submittedOn: string
  contactDue: string
  visitDue: string
  assignee?: { staffNo: string; name: string; openid: string }
  /** The assignee's staff number again, at the top level for the window staff's list. */
  assigneeStaffNo?: string
  slot?: VisitSlot
  assignedAt?: Date
  confirmedAt?: Date
  rescheduleNote?: string
  endedAt?: Date
  declineReason?: string
  visit?: { at: Date; staffNo: string; staffName: string; materials: string[]; note?: string }
  linkedCase?: { caseId: string; caseNo: string; at: Date; staffNo: string }
  /** Overdue stages already told to the lead (the sweep tells each once). */
  overdueTold: string[]
  rev: number
  updatedAt: Date
}

export const visits = () => db().collection<VisitDoc>(COLLECTIONS.visits)
export const today = (now: Date) => beijingDate(now)
export const iso = (d: Date | string) => new Date(d).toISOString()
export const activeKeyOf = (openid: string, matterId: string) => `${openid}:${matterId}`

export const visitPolicy = (): Promise<VisitPolicy> => readSetting('visit_policy', visitPolicySchema, DEFAULT_VISIT_POLICY)

/** What the caller is to this request: its citizen, a lead of its department, its assignee (several at once is possible). */
export function actorsOf(doc: VisitDoc, caller: Caller): VisitActor[] {
  const out: VisitActor[] = []
  if (caller.openid && caller.openid === doc.openid) out.push('citizen')
  const s = caller.staff
  if (s && s.departmentId === doc.departmentId) {
    if (s.role === 'dept_lead') out.push('lead')
    if ((s.role === 'dept_lead' || s.role === 'window_staff') && doc.assignee?.staffNo === s.staffNo) out.push('assignee')
  }
  return out
}

/** Whether the caller may read the request as staff, and whether masked: leads and the assignee in full, a supervisor masked. */
export function staffReadOf(doc: VisitDoc, caller: Caller): { masked: boolean } | undefined {
  const actors = actorsOf(doc, caller)
  if (actors.includes('lead') || actors.includes('assignee')) return { masked: false }
  if (caller.staff?.role === 'supervisor') return { masked: true }
  return undefined
}

export function assertAllowed(action: VisitAction, actors: VisitActor[], doc: VisitDoc): void {
  const why = visitRefusal(action, actors, doc.state, !!doc.linkedCase)
  if (why) throw new AppError(why.kind === 'who' ? 'FORBIDDEN' : 'CONFLICT', why.message)
}

export async function loadById(visitId: string): Promise<VisitDoc | undefined> {
  const { data } = await visits().where({ _id: visitId }).limit(1).get()
  return data[0]
}

/** The request, if the caller is the citizen who asked; anyone else is answered as for a missing one. */
export async function loadOwn(visitId: string, caller: Caller): Promise<VisitDoc> {
  const doc = await loadById(visitId)
  if (!doc || !caller.openid || doc.openid !== caller.openid) throw notFound('未找到该上门服务申请')
  return doc
}

/** The request, if the caller may read it as staff. */
export async function loadForStaff(visitId: string, caller: Caller): Promise<{ doc: VisitDoc; masked: boolean }> {
  const doc = await loadById(visitId)
  const read = doc && staffReadOf(doc, caller)
  if (!doc || !read) throw notFound('未找到该上门服务申请')
  return { doc, masked: read.masked }
}

/**
 * A transition guarded by the revision read: a concurrent change answers CONFLICT. Ending a
 * request frees its matter for a new one in the same write (`activeKey` becomes the id).
 */
export async function writeGuarded(doc: VisitDoc, data: Partial<VisitDoc>, now: Date): Promise<VisitDoc> {
  const ending = data.state !== undefined && !isActiveVisit(data.state) && doc.active
  const change = { ...data, ...(ending ? { active: false, activeKey: doc._id, endedAt: now } : {}), rev: doc.rev + 1, updatedAt: now }
  const { stats } = await visits().where({ _id: doc._id, rev: doc.rev }).update({ data: change })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该申请已被更新，请刷新后重试')
  return { ...doc, ...change }
}

const slotView = (s: VisitSlot) => ({ date: s.date, half: s.half, label: slotLabel(s) })

function personal(doc: VisitDoc, masked: boolean) {
  return masked
    ? {
        personName: maskName(doc.person.name),
        personPhone: maskPhone(doc.person.phone),
        ...(doc.contactPhone ? { contactPhone: maskPhone(doc.contactPhone) } : {}),
        address: maskAddress(doc.address),
      }
    : {
        personName: doc.person.name,
        personPhone: doc.person.phone,
        ...(doc.contactPhone ? { contactPhone: doc.contactPhone } : {}),
        address: doc.address,
      }
}

const overdueOf = (doc: VisitDoc, now: Date) => {
  const stage = overdueStage(doc, today(now))
  return stage ? { overdue: stage } : {}
}

/** The request as `actors` see it; `masked` for a reader who needs no personal data (a supervisor). */
export function viewOf(doc: VisitDoc, actors: VisitActor[], masked: boolean, now: Date): VisitView {
  return {
    visitId: doc._id,
    matterId: doc.matterId,
    matterName: doc.matterName,
    departmentId: doc.departmentId,
    departmentName: doc.departmentName,
    departmentPhone: doc.departmentPhone,
    reason: doc.reason,
    reasonLabel: VISIT_REASON_LABELS[doc.reason],
    ...(doc.reasonNote ? { reasonNote: doc.reasonNote } : {}),
    relation: doc.relation,
    relationLabel: VISIT_RELATION_LABELS[doc.relation],
    ...personal(doc, masked),
    masked,
    preferred: doc.preferred.map(slotView),
    ...(doc.note ? { note: doc.note } : {}),
    state: doc.state,
    stateLabel: VISIT_STATE_LABELS[doc.state],
    submittedAt: iso(doc.submittedAt),
    contactDue: doc.contactDue,
    visitDue: doc.visitDue,
    ...overdueOf(doc, now),
    ...(doc.assignee ? { assignee: { staffNo: doc.assignee.staffNo, name: doc.assignee.name } } : {}),
    ...(doc.slot ? { slot: slotView(doc.slot) } : {}),
    ...(doc.rescheduleNote ? { rescheduleNote: doc.rescheduleNote } : {}),
    ...(doc.declineReason ? { declineReason: doc.declineReason } : {}),
    materials: doc.materials,
    ...(doc.visit
      ? {
          visit: {
            at: iso(doc.visit.at),
            staffName: doc.visit.staffName,
            materials: doc.visit.materials,
            ...(doc.visit.note ? { note: doc.visit.note } : {}),
          },
        }
      : {}),
    ...(doc.linkedCase ? { linkedCase: { caseId: doc.linkedCase.caseId, caseNo: doc.linkedCase.caseNo } } : {}),
    canApplyOnline: !!doc.onlineApplication && !doc.linkedCase && (isActiveVisit(doc.state) || doc.state === 'visited'),
    allowedActions: allowedVisitActions(doc.state, actors, !!doc.linkedCase),
  }
}

export function summaryOf(doc: VisitDoc, masked: boolean, now: Date): VisitSummary {
  const v = viewOf(doc, [], masked, now)
  return {
    visitId: v.visitId,
    matterName: v.matterName,
    departmentName: v.departmentName,
    personName: v.personName,
    address: v.address,
    state: v.state,
    stateLabel: v.stateLabel,
    submittedAt: v.submittedAt,
    contactDue: v.contactDue,
    visitDue: v.visitDue,
    ...(v.overdue ? { overdue: v.overdue } : {}),
    ...(v.assignee ? { assignee: v.assignee } : {}),
    ...(v.slot ? { slot: v.slot } : {}),
  }
}
