import type { InquirySummary } from '../../types/contracts/inquiry'
import {
  DEFAULT_INQUIRY_POLICY,
  dueLevel,
  inquiryPolicySchema,
  inquiryRefusal,
  INQUIRY_STATE_LABELS,
  replyDueDate,
  topicOf,
  type InquiryAction,
  type InquiryFacts,
  type InquiryImageType,
  type InquiryPolicy,
  type InquiryStanding,
  type InquiryState,
} from '../../types/domain/inquiry'
import type { Department } from '../../types/domain/catalog'
import { maskName, redact } from '../../types/domain/masking'
import { beijingDate } from '../../types/domain/working-days'
import type { Staff } from '../../types/domain/staff'
import { getDepartment } from '../_kit/catalog'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError, notFound } from '../_kit/errors'
import { fetchAll } from '../_kit/fetchAll'
import type { Caller } from '../_kit/identity'
import { readSetting } from '../_kit/settings'
import { workCalendar } from '../_kit/work-calendar'

export interface HistoryEntry {
  kind: 'asked' | 'claimed' | 'transferred' | 'reassigned' | 'closed' | 'resolved'
  at: Date
  staffNo?: string
  departmentId?: string
  toDepartmentId?: string
  toStaffNo?: string
  reason?: string
}

export interface InquiryImage {
  imageId: string
  fileId: string
  contentType: InquiryImageType
  size: number
  sha256: string
}

/**
 * An inquiry as stored. `rev` guards every write but the claim (which is guarded by the empty
 * owner itself); `messageCount` allocates message sequence numbers. `awaitingReply` and
 * `dueDate` drive the staff "overdue" box and the deadline sweep. The asker's full name is kept
 * only to scrub it from a published FAQ; views show it masked.
 */
export interface InquiryDoc {
  _id: string
  openid: string
  askerName: string
  matterId?: string
  matterName?: string
  /** 催办: the asker's case it is about. */
  caseId?: string
  caseNo?: string
  departmentId: string
  departmentName: string
  question: string
  topic: string
  state: InquiryState
  ownerStaffNo: string
  ownerName: string
  awaitingReply: boolean
  dueDate: string
  /** The Beijing date the reply clock counts from, so a calendar change can recompute `dueDate`. */
  waitingSince?: string
  messageCount: number
  staffReplies: number
  images: InquiryImage[]
  history: HistoryEntry[]
  flags: Array<{ level: 'near' | 'overdue'; dueDate: string; at: Date }>
  /** `<dueDate>:<level>` of the latest flag, so the sweep writes each flag once. */
  flagKey: string
  rating?: { score: number; comment?: string; at: Date }
  rev: number
  askedAt: Date
  lastMessageAt: Date
  updatedAt: Date
  closedAt?: Date
}

export interface MessageDoc {
  _id: string
  inquiryId: string
  seq: number
  from: 'asker' | 'staff'
  staffNo?: string
  staffName?: string
  text: string
  at: Date
  /** Staff replies: whether the outbox request exists (the sweep re-queues the rest). */
  notified?: boolean
}

export const inquiries = () => db().collection<InquiryDoc>(COLLECTIONS.inquiries)
export const inquiryMessages = () => db().collection<MessageDoc>(COLLECTIONS.inquiryMessages)
export const faqs = () => db().collection(COLLECTIONS.faqs)

export const iso = (d: Date | string) => new Date(d).toISOString()
export const today = (now: Date) => beijingDate(now)

/** The centre's inquiry policy: the `settings` document `inquiry_policy` over the defaults. */
export const inquiryPolicy = (): Promise<InquiryPolicy> => readSetting('inquiry_policy', inquiryPolicySchema, DEFAULT_INQUIRY_POLICY)

/** The reply clock started at `now`: the due date and the date it counts from. */
export const replyClock = (now: Date, policy: InquiryPolicy) => ({
  dueDate: replyDueDate(today(now), policy, workCalendar()),
  waitingSince: today(now),
})

/** Window staff and leads act for their department; supervisors see every inquiry; admins none (they run the system). */
export function standingOf(doc: InquiryDoc, caller: Caller): InquiryStanding {
  const s = caller.staff
  const deptStaff = !!s && (s.role === 'window_staff' || s.role === 'dept_lead') && s.departmentId === doc.departmentId
  return {
    asker: !!caller.openid && doc.openid === caller.openid,
    owner: deptStaff && doc.ownerStaffNo !== '' && doc.ownerStaffNo === s!.staffNo,
    deptStaff,
    deptLead: deptStaff && s!.role === 'dept_lead',
    supervisor: s?.role === 'supervisor',
  }
}

export const factsOf = (doc: InquiryDoc): InquiryFacts => ({
  state: doc.state,
  staffReplies: doc.staffReplies,
  rated: !!doc.rating,
  images: doc.images.length,
})

/** The inquiry as the caller may see it; no standing at all answers NOT_FOUND, exactly like a missing one. */
export async function loadInquiry(inquiryId: string, caller: Caller): Promise<{ doc: InquiryDoc; standing: InquiryStanding }> {
  const { data } = await inquiries().where({ _id: inquiryId }).limit(1).get()
  const doc = data[0]
  const standing = doc ? standingOf(doc, caller) : undefined
  if (!doc || !standing || !(standing.asker || standing.deptStaff || standing.supervisor)) throw notFound('未找到该咨询')
  return { doc, standing }
}

/** Refuses an action the rule table does not allow: FORBIDDEN for the wrong person, CONFLICT for the wrong moment. */
export function assertAllowed(action: InquiryAction, doc: InquiryDoc, standing: InquiryStanding): void {
  const why = inquiryRefusal(action, standing, factsOf(doc))
  if (why) throw new AppError(why.kind === 'who' ? 'FORBIDDEN' : 'CONFLICT', why.message)
}

/** A write guarded by the revision the caller read: a concurrent change answers CONFLICT. */
export async function writeGuarded(doc: InquiryDoc, data: Record<string, unknown>, now: Date): Promise<void> {
  const { stats } = await inquiries()
    .where({ _id: doc._id, rev: doc.rev })
    .update({ data: { ...data, rev: doc.rev + 1, updatedAt: now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '咨询已被更新，请刷新后重试')
}

/** An active staff member who can own inquiries (window staff or a department lead). */
export async function assignableStaff(staffNo: string): Promise<Staff> {
  const _ = db().command
  const { data } = await db()
    .collection(COLLECTIONS.staff)
    .where({ staffNo, active: true, role: _.in(['window_staff', 'dept_lead']) })
    .limit(1)
    .get()
  const s = data[0] as Staff | undefined
  if (!s) throw new AppError('INVALID_INPUT', '未找到该工作人员', [{ path: 'toStaffNo', message: '未找到该工作人员' }])
  return s
}

export async function departmentName(id: string): Promise<string> {
  const d = await getDepartment(id)
  if (!d) throw new AppError('INVALID_INPUT', '未找到该部门', [{ path: 'toDepartmentId', message: '未找到该部门' }])
  return d.name
}

/** Free text as a viewer who did not write it sees it (redact with the public numbers kept). */
export type TextMask = (text: string) => string

const PUBLIC_NUMBERS_TTL_MS = 60_000
let publicNumbers: { at: number; value: Promise<string[]> } | undefined

/**
 * The mask for text shown to anyone but its author (staff reading a question, the asker reading a
 * reply, a supervisor reading both): ID and phone numbers masked (masking.ts redact), the
 * departments' public office numbers kept, since a reply may rightly quote them. The numbers are
 * read at most once a minute per warm instance.
 */
export async function textMask(): Promise<TextMask> {
  const now = Date.now()
  if (!publicNumbers || now - publicNumbers.at > PUBLIC_NUMBERS_TTL_MS) {
    const value = fetchAll<Department>(COLLECTIONS.departments, {}, { phone: true }).then((ds) => ds.map((d) => d.phone).filter(Boolean))
    publicNumbers = { at: now, value }
    value.catch(() => (publicNumbers = undefined))
  }
  const keepNumbers = await publicNumbers.value
  return (text) => redact(text, { keepNumbers })
}

/**
 * An inquiry's list entry. `mask` is given for viewers other than the asker: their topic is cut
 * from the masked question, so a cut can never leave part of a number whole.
 */
export function summaryOf(doc: InquiryDoc, now: Date, policy: InquiryPolicy, mask?: TextMask): InquirySummary {
  return {
    inquiryId: doc._id,
    topic: mask ? topicOf(mask(doc.question)) : doc.topic,
    ...(doc.matterId ? { matterId: doc.matterId, matterName: doc.matterName } : {}),
    ...(doc.caseNo ? { caseNo: doc.caseNo } : {}),
    departmentId: doc.departmentId,
    departmentName: doc.departmentName,
    state: doc.state,
    stateLabel: INQUIRY_STATE_LABELS[doc.state],
    ...(doc.askerName ? { askerName: maskName(doc.askerName) } : {}),
    ...(doc.ownerStaffNo ? { owner: { staffNo: doc.ownerStaffNo, name: doc.ownerName } } : {}),
    askedAt: iso(doc.askedAt),
    lastMessageAt: iso(doc.lastMessageAt),
    ...(doc.awaitingReply && doc.state !== 'closed'
      ? { due: { dueDate: doc.dueDate, level: dueLevel(doc.dueDate, today(now), policy, workCalendar()) } }
      : {}),
    rated: !!doc.rating,
  }
}

export { topicOf }
