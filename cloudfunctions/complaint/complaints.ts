import { randomInt } from 'node:crypto'
import type { ComplaintTimeline, DepartmentComplaint, OfficeComplaint } from '../../types/contracts/complaint'
import {
  allowedComplaintActions,
  complaintPolicySchema,
  complaintRefusal,
  COMPLAINT_STATE_LABELS,
  DEFAULT_COMPLAINT_POLICY,
  isOpenComplaint,
  isOverdue,
  isSubjectOf,
  newTrackingNo,
  PASSWORD_DIGITS,
  type ComplaintAbout,
  type ComplaintAction,
  type ComplaintActor,
  type ComplaintPolicy,
  type ComplaintRating,
  type ComplaintState,
} from '../../types/domain/complaint'
import { maskPhone, redact } from '../../types/domain/masking'
import { beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError, notFound } from '../_kit/errors'
import type { Caller } from '../_kit/identity'
import { keyedHash } from '../_kit/secrets'
import { readSetting } from '../_kit/settings'
import { photoViews, type ComplaintPhoto } from './photos'

/**
 * A complaint as stored. `openid` tells the complainant apart (their own list, pushes to a
 * real-name complainant) and is never part of any staff answer; no name is stored at all. `open`
 * and `dueDate` (the decision's due date while submitted, the reply's afterwards) drive the
 * office's overdue box. `rev` guards every transition.
 */
export interface ComplaintDoc {
  _id: string
  trackingNo: string
  openid: string
  anonymous: boolean
  contactPhone?: string
  /** Anonymous only: keyed hash of the query password. */
  passwordHash?: string
  about: ComplaintAbout
  text: string
  state: ComplaintState
  open: boolean
  dueDate: string
  submittedAt: Date
  decideDue: string
  decidedAt?: Date
  notAcceptReason?: string
  acceptedOn?: string
  resolveDue?: string
  departmentId?: string
  departmentName?: string
  transferredAt?: Date
  /** Instructions from the office to the department: staff only. */
  transferNote?: string
  departmentReply?: { text: string; at: Date; staffNo: string }
  officeReply?: { text: string; at: Date }
  resolvedAt?: Date
  rating?: { rating: ComplaintRating; comment?: string; at: Date }
  /** When the answer was rated, top-level for the 好差评 sweep's query (the rating function reads rated complaints from its watermark). */
  ratedAt?: Date
  photos?: ComplaintPhoto[]
  /** `<stage>:<dueDate>` of each deadline the office was told is past (the overdue sweep tells each once). */
  overdueTold?: string[]
  rev: number
  updatedAt: Date
}

export const complaints = () => db().collection<ComplaintDoc>(COLLECTIONS.complaints)
export const iso = (d: Date | string) => new Date(d).toISOString()
export const today = (now: Date) => beijingDate(now)

export const complaintPolicy = (): Promise<ComplaintPolicy> =>
  readSetting('complaint_policy', complaintPolicySchema, DEFAULT_COMPLAINT_POLICY)

export const newTracking = () => newTrackingNo((n) => randomInt(n))

/**
 * The query password of an anonymous complaint, derived from the server's secret and the
 * complaint's random id: nothing readable is stored (the `requests` record of a retried submit
 * holds the answer without it), and a retry that answers the first submit can give the same
 * password again. Only its keyed hash is kept on the complaint.
 */
export const passwordOf = (complaintId: string): string => {
  const n = BigInt(`0x${keyedHash(`complaint-password:${complaintId}`, 16)}`) % 10n ** BigInt(PASSWORD_DIGITS)
  return n.toString().padStart(PASSWORD_DIGITS, '0')
}
export const passwordHashOf = (trackingNo: string, password: string) => keyedHash(`complaint-password-hash:${trackingNo}:${password}`, 40)

export const isOfficeCaller = (caller: Caller) => caller.staff?.role === 'supervisor'

/** A supervisor who is not the complaint's subject: a complaint about a member of the office is handled by the others. */
export const isOfficeFor = (doc: ComplaintDoc, caller: Caller) => isOfficeCaller(caller) && !isSubjectOf(doc.about, caller.staff!)

/** The complaint as the office may act on it; one NOT_FOUND for a missing one and one about the caller. */
export async function loadForOffice(complaintId: string, caller: Caller): Promise<ComplaintDoc> {
  const doc = await loadById(complaintId).catch(() => undefined)
  if (!doc || !isOfficeFor(doc, caller)) throw notFound('未找到该投诉')
  return doc
}

/** Window staff or lead of the department the complaint was transferred to, unless they are its subject. */
export function isDepartmentCaller(doc: ComplaintDoc, caller: Caller): boolean {
  const s = caller.staff
  return (
    !!s &&
    (s.role === 'window_staff' || s.role === 'dept_lead') &&
    !!doc.departmentId &&
    s.departmentId === doc.departmentId &&
    !isSubjectOf(doc.about, s)
  )
}

export function assertAllowed(action: ComplaintAction, actor: ComplaintActor, doc: ComplaintDoc): void {
  const why = complaintRefusal(action, actor, { state: doc.state, rated: !!doc.rating })
  if (why) throw new AppError(why.kind === 'who' ? 'FORBIDDEN' : 'CONFLICT', why.message)
}

export async function loadById(complaintId: string): Promise<ComplaintDoc> {
  const { data } = await complaints().where({ _id: complaintId }).limit(1).get()
  if (!data[0]) throw notFound('未找到该投诉')
  return data[0]
}

/** A transition guarded by the revision read: a concurrent change answers CONFLICT. */
export async function writeGuarded(doc: ComplaintDoc, data: Record<string, unknown>, now: Date): Promise<ComplaintDoc> {
  const { stats } = await complaints()
    .where({ _id: doc._id, rev: doc.rev })
    .update({ data: { ...data, rev: doc.rev + 1, updatedAt: now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '投诉已被更新，请刷新后重试')
  return { ...doc, ...data, rev: doc.rev + 1, updatedAt: now } as ComplaintDoc
}

const overdueOf = (doc: ComplaintDoc, now: Date) => isOpenComplaint(doc.state) && isOverdue(doc.dueDate, today(now))
const publicAbout = (a: ComplaintAbout) => ({
  kind: a.kind,
  ...(a.windowId ? { windowId: a.windowId } : {}),
  ...(a.staffNo ? { staffNo: a.staffNo } : {}),
  ...(a.staffName ? { staffName: a.staffName } : {}),
})
const ratingView = (doc: ComplaintDoc) =>
  doc.rating
    ? { rating: { rating: doc.rating.rating, ...(doc.rating.comment ? { comment: doc.rating.comment } : {}), at: iso(doc.rating.at) } }
    : {}

/**
 * The complainant's own timeline: their text as written, the answers, no internal note and no
 * staff number. One complaint tracked carries its photos' URLs; a list (timelineOf) only their count.
 */
export async function timelineWithPhotos(doc: ComplaintDoc): Promise<ComplaintTimeline> {
  return { ...timelineOf(doc), photos: await photoViews(doc.photos) }
}
export function timelineOf(doc: ComplaintDoc): ComplaintTimeline {
  return {
    trackingNo: doc.trackingNo,
    about: { ...publicAbout(doc.about), ...(doc.about.caseId ? { caseId: doc.about.caseId } : {}) },
    text: doc.text,
    anonymous: doc.anonymous,
    state: doc.state,
    stateLabel: COMPLAINT_STATE_LABELS[doc.state],
    submittedAt: iso(doc.submittedAt),
    decideDue: doc.decideDue,
    ...(doc.decidedAt ? { decidedAt: iso(doc.decidedAt) } : {}),
    ...(doc.notAcceptReason ? { notAcceptReason: doc.notAcceptReason } : {}),
    ...(doc.resolveDue ? { resolveDue: doc.resolveDue } : {}),
    ...(doc.departmentName ? { departmentName: doc.departmentName } : {}),
    ...(doc.departmentReply ? { departmentReply: { text: doc.departmentReply.text, at: iso(doc.departmentReply.at) } } : {}),
    ...(doc.officeReply ? { officeReply: { text: doc.officeReply.text, at: iso(doc.officeReply.at) } } : {}),
    ...(doc.resolvedAt ? { resolvedAt: iso(doc.resolvedAt) } : {}),
    ...ratingView(doc),
    canRate: doc.state === 'resolved' && !doc.rating,
    photos: (doc.photos ?? []).map(() => ({})),
  }
}

/**
 * The office's view. The contact phone of a real-name complaint is masked; the full number only
 * through revealPhone, which is audited like a case's personal data. Numbers the complainant
 * typed into the text are masked too.
 */
export function officeViewOf(doc: ComplaintDoc, now: Date): OfficeComplaint {
  return {
    complaintId: doc._id,
    about: { ...publicAbout(doc.about), ...(doc.about.caseId ? { caseId: doc.about.caseId } : {}) },
    text: redact(doc.text),
    anonymous: doc.anonymous,
    ...(!doc.anonymous && doc.contactPhone ? { contactPhoneMasked: maskPhone(doc.contactPhone) } : {}),
    state: doc.state,
    stateLabel: COMPLAINT_STATE_LABELS[doc.state],
    submittedAt: iso(doc.submittedAt),
    decideDue: doc.decideDue,
    ...(doc.resolveDue ? { resolveDue: doc.resolveDue } : {}),
    overdue: overdueOf(doc, now),
    ...(doc.departmentId ? { departmentId: doc.departmentId, departmentName: doc.departmentName } : {}),
    ...(doc.notAcceptReason ? { notAcceptReason: doc.notAcceptReason } : {}),
    ...(doc.transferNote ? { transferNote: doc.transferNote } : {}),
    ...(doc.departmentReply
      ? { departmentReply: { text: doc.departmentReply.text, at: iso(doc.departmentReply.at), staffNo: doc.departmentReply.staffNo } }
      : {}),
    ...(doc.officeReply ? { officeReply: { text: doc.officeReply.text, at: iso(doc.officeReply.at) } } : {}),
    ...ratingView(doc),
    photoCount: doc.photos?.length ?? 0,
    canRevealPhone: !doc.anonymous && !!doc.contactPhone,
    allowedActions: allowedComplaintActions('office', { state: doc.state, rated: !!doc.rating }),
  }
}

/** The department's view: what to answer. No case link (a case names its applicant), nothing on who complained. */
export function departmentViewOf(doc: ComplaintDoc, now: Date): DepartmentComplaint {
  return {
    complaintId: doc._id,
    about: publicAbout(doc.about),
    text: redact(doc.text),
    state: doc.state,
    stateLabel: COMPLAINT_STATE_LABELS[doc.state],
    transferredAt: iso(doc.transferredAt ?? doc.submittedAt),
    resolveDue: doc.resolveDue ?? doc.dueDate,
    overdue: overdueOf(doc, now),
    ...(doc.transferNote ? { transferNote: doc.transferNote } : {}),
    ...(doc.departmentReply
      ? { departmentReply: { text: doc.departmentReply.text, at: iso(doc.departmentReply.at), staffNo: doc.departmentReply.staffNo } }
      : {}),
    photoCount: doc.photos?.length ?? 0,
    allowedActions: allowedComplaintActions('department', { state: doc.state, rated: !!doc.rating }),
  }
}
