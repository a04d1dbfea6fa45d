import type { CaseSummary, Delivery } from '../../types/contracts/case'
import type { Fee, MatterKind } from '../../types/domain/catalog'
import type { ChargedFee } from '../../types/domain/supervision-lights'
import {
  CASE_STATE_LABELS,
  transitionOf,
  type CaseAction,
  type CaseActor,
  type CaseFacts,
  isEditable,
  type CaseState,
} from '../../types/domain/case-machine'
import type { MaterialContentType } from '../../types/domain/case-material'
import type { SupplementItem } from '../../types/domain/case-supplement'
import { computedDueDate, deadline, type DeadlineView, type Pause } from '../../types/domain/deadline'
import type { FormField, FormValues } from '../../types/domain/matter-form'
import { predictedDate } from '../../types/domain/prediction'
import { beijingDate } from '../../types/domain/working-days'
import type { Role } from '../../types/roles'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError, notFound } from '../_kit/errors'
import type { Caller } from '../_kit/identity'
import { log } from '../_kit/log'
import { predictionFor } from '../_kit/predictions'
import { workCalendar } from '../_kit/work-calendar'

export interface CaseFile {
  libraryId: string
  fileId: string
  fileName: string
  contentType: MaterialContentType
  size: number
  sha256: string
  addedAt: Date
}

export interface CaseMaterial {
  name: string
  required: boolean
  uploadable: boolean
  files: CaseFile[]
}

/**
 * A case as stored. `step` counts transitions (the timeline's sequence); `rev` counts every write
 * and guards each one, so two staff acting at once cannot both move the case. The full ID number
 * is kept because the matter needs it; lists and logs use the masked copy, lookups the keyed hash.
 */
export interface CaseDoc {
  _id: string
  caseNo: string
  openid: string
  /** The 帮办代办 request whose prepared application this case is (its source: 帮办). */
  assistId?: string
  matterId: string
  matterName: string
  matterKind: MatterKind
  /** The department that accepts and decides. */
  departmentId: string
  /** Every department that works on the case (the lead first); staff lists query this. */
  departments: string[]
  /** The matter's form as it was when the draft began: a later catalogue edit does not break it. */
  formFields: FormField[]
  state: CaseState
  step: number
  rev: number
  accepted: boolean
  /** 代家人申请: the account holder applies for the applicant, their 「relation」 (父亲, 母亲 …). */
  onBehalf?: { relation: string }
  applicant: {
    name: string
    nameMasked: string
    idNumber: string
    idMasked: string
    idKey: string
    phone: string
    phoneMasked: string
    address?: string
  }
  form: FormValues
  delivery: Delivery
  materials: CaseMaterial[]
  supplement?: {
    round: number
    items: SupplementItem[]
    note?: string
    requestedAt: Date
    staffNo: string
    filesBefore: Array<{ material: number; libraryIds: string[] }>
    /** Each named field's value when asked (requests made before this was kept have none). */
    fieldsBefore?: Array<{ field: string; value: string }>
  }
  /** Every item key any supplement request named so far (for the 一次性告知 check). */
  namedKeys: string[]
  acceptedOn?: string
  /** The promised limit (承诺时限) in working days; `dueDate` is the date promised to the citizen. */
  limitDays?: number
  pauses: Pause[]
  /** The date promised to the citizen as last told: it only ever moves later. */
  dueDate?: string
  /** The legal limit (法定时限) and its date, for supervision; recomputed exactly when the calendar changes. */
  legalLimitDays?: number
  legalDueDate?: string
  /** Each time a calendar change moved a due date (全程留痕 for dates the citizen was told). */
  dueChanges?: DueChange[]
  /** True while the legal clock runs: accepted, not waiting for a supplement, not decided. */
  clockRunning: boolean
  decidedOn?: string
  subtasks?: Array<{ departmentId: string; done: boolean; doneAt?: Date; staffNo?: string }>
  result?: {
    decision?: 'approved' | 'rejected'
    reason?: string
    pickup?: { code: string; windowId: string; windowName: string; windowNumber: number; location: string }
    mail?: { address: string; trackingNo: string; carrier: string }
  }
  /** What the window did at acceptance, for supervision (电子监察): who, at which window, and the required materials then missing. */
  acceptance?: { staffNo: string; window?: { id: string; number: number }; staffWindowIds: string[]; missing: string[] }
  /** The fee charged at 办结 and the catalogue's standard then (收费与标准不符 is a violation). */
  fee?: { charged: ChargedFee; standard: Fee; staffNo: string }
  /** 查询码: the applicant's secret for a relative's lookup (cases before it existed get one when the owner opens them). */
  queryCode?: string
  createdAt: Date
  updatedAt: Date
  submittedAt?: Date
}

export interface DueChange {
  at: Date
  from: string
  to: string
  /** E.g. 「国务院公布2027年放假安排」. */
  reason: string
  /** The calendar year and version that caused it (one change per version, so a rerun adds nothing). */
  calendar: { year: number; version: number }
}

export interface CaseEvent {
  _id: string
  caseId: string
  seq: number
  action: CaseAction
  from: CaseState
  to: CaseState
  actor: { role: 'applicant' | Role; staffNo?: string }
  at: Date
  note?: string
  /** The stated reason of a refusal or of sending the case back (补正): supervision checks that one was given. */
  reason?: string
  internal: boolean
}

export const cases = () => db().collection<CaseDoc>(COLLECTIONS.cases)
export const caseEvents = () => db().collection<CaseEvent>(COLLECTIONS.caseEvents)

/** How the caller stands to a case; no standing at all answers NOT_FOUND, exactly like a missing case. */
export type CaseAccess =
  | { kind: 'owner'; actor: 'applicant' }
  | { kind: 'staff'; actor: Exclude<CaseActor, 'applicant'> }
  | { kind: 'joint' }
  | { kind: 'supervisor' }

export function accessOf(doc: CaseDoc, caller: Caller): CaseAccess | undefined {
  if (caller.openid && doc.openid === caller.openid) return { kind: 'owner', actor: 'applicant' }
  const s = caller.staff
  // Staff see a case from its submission on: a draft is the citizen's own business.
  if (!s || !doc.submittedAt) return undefined
  if (s.role === 'supervisor') return { kind: 'supervisor' }
  if (s.role !== 'window_staff' && s.role !== 'dept_lead') return undefined
  if (s.departmentId === doc.departmentId) return { kind: 'staff', actor: s.role }
  if (doc.departments.includes(s.departmentId)) return { kind: 'joint' }
  return undefined
}

export async function loadCase(caseId: string, caller: Caller): Promise<{ doc: CaseDoc; access: CaseAccess }> {
  const { data } = await cases().where({ _id: caseId }).limit(1).get()
  const doc = data[0]
  const access = doc ? accessOf(doc, caller) : undefined
  if (!doc || !access) throw notFound('未找到该办件')
  return { doc, access }
}

/** The owner's case in a state where the application may still be edited. */
export async function editableCase(caseId: string, caller: Caller): Promise<CaseDoc> {
  const { doc, access } = await loadCase(caseId, caller)
  if (access.kind !== 'owner') throw notFound('未找到该办件')
  if (!isEditable(doc.state)) throw new AppError('CONFLICT', `办件${CASE_STATE_LABELS[doc.state]}，不能修改申请内容`)
  return doc
}
export const factsOf = (doc: CaseDoc): CaseFacts => ({
  state: doc.state,
  matterKind: doc.matterKind,
  accepted: doc.accepted,
  allSubtasksDone: (doc.subtasks ?? []).every((s) => s.done),
})

/**
 * Update data that replaces objects and arrays whole: the SDK otherwise merges a nested object
 * field by field, which would leave stale keys behind (e.g. an old mail address).
 */
export function replacing(changes: Record<string, unknown>): Record<string, unknown> {
  const _ = db().command
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [
      k,
      v === undefined ? _.remove() : v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v,
    ]),
  )
}

/** Writes an edit guarded by the revision the caller read; a concurrent change answers CONFLICT. */
export async function writeGuarded(
  doc: CaseDoc,
  changes: Record<string, unknown>,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const { stats } = await cases()
    .where({ _id: doc._id, rev: doc.rev, state: doc.state })
    .update({ data: { ...replacing(changes), ...extra, rev: doc.rev + 1, updatedAt: now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '办件已被更新，请刷新后重试')
}

/**
 * Moves a case along one transition of the table: a guarded update, then the timeline entry with
 * the id `<caseId>:<step>`. If the entry cannot be written the case is put back, so no step
 * exists without its record (全程留痕).
 */
export async function move(
  doc: CaseDoc,
  action: CaseAction,
  actor: CaseEvent['actor'],
  changes: Record<string, unknown>,
  entry: { note?: string; reason?: string; internal?: boolean },
  now: Date,
): Promise<CaseDoc> {
  const to = transitionOf(action).to
  const step = doc.step + 1
  const all = { ...changes, state: to, step }
  await writeGuarded(doc, all, now)
  const event: CaseEvent = {
    _id: `${doc._id}:${String(step).padStart(4, '0')}`,
    caseId: doc._id,
    seq: step,
    action,
    from: doc.state,
    to,
    actor,
    at: now,
    ...(entry.note ? { note: entry.note } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    internal: entry.internal ?? false,
  }
  try {
    await caseEvents().add({ data: event })
  } catch (e) {
    const before = Object.fromEntries(Object.keys(all).map((k) => [k, (doc as unknown as Record<string, unknown>)[k]]))
    await cases()
      .where({ _id: doc._id, rev: doc.rev + 1 })
      .update({ data: { ...replacing(before), rev: doc.rev + 2, updatedAt: now } })
      .catch((err) => log.error('case.move.undo', err))
    throw e
  }
  return { ...doc, ...all, rev: doc.rev + 1, updatedAt: now } as CaseDoc
}

export const today = (now: Date) => beijingDate(now)

export interface CaseDeadline extends DeadlineView {
  acceptedOn: string
  limitDays: number
  legalDueDate?: string
}

/**
 * The legal clock of an accepted case, frozen at the decision once there is one. Never throws: a
 * date the calendar cannot answer falls back to the dates stored with the case, so one odd row
 * cannot make a whole list fail.
 */
export function deadlineOf(doc: CaseDoc, now: Date): CaseDeadline | undefined {
  if (!doc.acceptedOn || doc.limitDays === undefined) return undefined
  const base = { acceptedOn: doc.acceptedOn, limitDays: doc.limitDays }
  const day = doc.decidedOn ?? today(now)
  try {
    const cal = workCalendar()
    const d = deadline(doc.acceptedOn, doc.limitDays, doc.pauses, day, cal, doc.dueDate)
    const legalDueDate =
      doc.legalLimitDays === undefined ? undefined : computedDueDate(doc.acceptedOn, doc.legalLimitDays, doc.pauses, day, cal)
    return { ...base, ...d, ...(legalDueDate ? { legalDueDate } : {}) }
  } catch (e) {
    log.error('case.deadline', e)
    const dueDate = doc.dueDate ?? doc.acceptedOn
    return { ...base, dueDate, workingDaysLeft: 0, overdue: day > dueDate, paused: doc.pauses.some((p) => !p.to), provisional: true }
  }
}

/**
 * 预计办结 of an accepted case still being handled, from its matter's figures; none for a case
 * decided, withdrawn or of a matter with too few finished cases. Never throws: a prediction is a
 * courtesy, and a case page must open without it.
 */
export async function predictionOf(doc: CaseDoc, now: Date) {
  const d = !doc.decidedOn && doc.state !== 'withdrawn' ? deadlineOf(doc, now) : undefined
  if (!d || !doc.acceptedOn) return undefined
  try {
    const figures = await predictionFor(doc.matterId, doc.departmentId)
    if (!figures) return undefined
    const day = today(now)
    const date = predictedDate({ acceptedOn: doc.acceptedOn, pauses: doc.pauses, dueDate: d.dueDate }, figures, day, workCalendar())
    return { date, ...figures, passed: day > date }
  } catch (e) {
    log.error('case.prediction', e)
    return undefined
  }
}

/** The timeline's record of moved due dates, oldest first. */
export const deadlineChangesOf = (doc: CaseDoc) =>
  (doc.dueChanges ?? []).map((c) => ({ at: iso(c.at)!, from: c.from, to: c.to, reason: c.reason }))

export const iso = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d).toISOString())

export function summaryOf(doc: CaseDoc, now: Date): CaseSummary {
  const d = deadlineOf(doc, now)
  return {
    caseId: doc._id,
    caseNo: doc.caseNo,
    matterId: doc.matterId,
    matterName: doc.matterName,
    state: doc.state,
    stateLabel: CASE_STATE_LABELS[doc.state],
    applicantName: doc.applicant.nameMasked,
    updatedAt: iso(doc.updatedAt)!,
    ...(doc.submittedAt ? { submittedAt: iso(doc.submittedAt) } : {}),
    ...(d ? { dueDate: d.dueDate, workingDaysLeft: d.workingDaysLeft, ...(d.provisional ? { dueProvisional: true } : {}) } : {}),
    overdue: d?.overdue ?? false,
  }
}
