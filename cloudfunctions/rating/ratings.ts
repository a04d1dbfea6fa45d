import { createHash } from 'node:crypto'
import type { RaterView, StaffBadView } from '../../types/contracts/rating'
import { beijingDate, beijingIso } from '../../types/domain/dates'
import { redact } from '../../types/domain/masking'
import {
  allowedLoopActions,
  channelOf,
  DEFAULT_RATING_POLICY,
  lightOf,
  LOOP_STATE_LABELS,
  loopRefusal,
  RATING_LEVEL_LABELS,
  ratingPolicySchema,
  stageOf,
  type Light,
  type LoopAction,
  type LoopActor,
  type LoopFacts,
  type LoopState,
  type RatingChannel,
  type RatingKind,
  type RatingLevel,
  type RatingPolicy,
  type Stage,
  FINISHED_CASE_STATES,
} from '../../types/domain/rating'
import { getDepartment, getWindow } from '../_kit/catalog'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError, notFound } from '../_kit/errors'
import type { Caller } from '../_kit/identity'
import { readSetting } from '../_kit/settings'
import { workCalendar } from '../_kit/work-calendar'

export const ratingPolicy = (): Promise<RatingPolicy> => readSetting('rating_policy', ratingPolicySchema, DEFAULT_RATING_POLICY)
export const today = (now: Date) => beijingDate(now)
export const iso = (d: Date | string) => new Date(d).toISOString()
/** `YYYY-MM-DD HH:mm` in Beijing time, for notices. */
export const beijingMinute = (d: Date | string) => beijingIso(new Date(d)).slice(0, 16).replace('T', ' ')

export { FINISHED_CASE_STATES }
/** An inquiry counts once a staff member replied: answered, or closed after a reply. */
export const FINISHED_INQUIRY_STATES = ['answered', 'closed'] as const

/**
 * The id of the rating of (kind, object, rater), also the id of its invitation and its report:
 * the one key that makes "one rating per object and rater" a property of the database (a second
 * insert of the same id fails), whoever writes first — the rater, a retry, or the default sweep.
 * Hashed, so the id that staff see does not carry the rater's OPENID.
 */
export const ratingIdOf = (kind: RatingKind, objectId: string, openid: string) =>
  `rt-${createHash('sha256').update(`rating:${kind}:${objectId}:${openid}`).digest('hex').slice(0, 20)}`

/** What was served, as a rating records it (read from the case, ticket or inquiry when the rating is written). */
export interface RatedObject {
  objectKind: RatingKind
  objectId: string
  channel: RatingChannel
  openid: string
  title: string
  matterId?: string
  departmentId: string
  departmentName: string
  windowId?: string
  /** The staff number of who served a ticket (一次一评 rates the window and the person). */
  servedBy?: string
  reference?: string
  finishedAt: Date
}

export interface TimelineEntry {
  kind:
    | 'rated'
    | 'verified'
    | 'replied'
    | 'extension_requested'
    | 'extension_decided'
    | 'appealed'
    | 'appeal_decided'
    | 'followed_up'
    | 'closed'
  at: Date
  label: string
  /** Shown to the rater: the call-back note, the reply, the office's decisions. */
  text?: string
  /** Staff only: the department's reasons for an extension or an appeal. */
  staffText?: string
  staffNo?: string
}

export interface LoopDoc {
  state: LoopState
  /** The state the appeal came from, to resume it when the appeal is rejected. */
  resume?: LoopState
  /** The Beijing date the current stage started and its due date. */
  stage?: Stage
  startedOn?: string
  dueDate?: string
  /** The reply's due date (kept while the office decides an extension or an appeal). */
  replyDue: string
  /** `<stage>:<dueDate>:<light>` of the last light told, so each light is told once. */
  lightKey: string
  light: Light
  extension?: { days: number; reason: string; status: 'pending' | 'approved' | 'rejected'; dueBefore: string; staffNo: string; at: Date }
  appeal?: { kind: string; reason: string; status: 'pending' | 'upheld' | 'rejected'; staffNo: string; at: Date }
  verifiedOn?: string
  repliedOn?: string
  repliedInTime?: boolean
  followUpUntil?: string
}

export interface RatingDoc extends RatedObject {
  _id: string
  level: RatingLevel
  score: number
  tags: string[]
  text: string
  isDefault: boolean
  bad: boolean
  ratedAt: Date
  /** `YYYY-MM` of the rating (Beijing): the statistics group by it. */
  month: string
  requestId?: string
  /** True while a 差评's loop is not finished (the light sweep's query). */
  loopOpen: boolean
  loop?: LoopDoc
  timeline: TimelineEntry[]
  followUp?: { level: RatingLevel; text: string; at: Date }
  /** False until the province report is written (the report sweep finishes what a crash left). */
  reported: boolean
  rev: number
}

export interface InvitationDoc extends RatedObject {
  _id: string
  status: 'open' | 'rated' | 'defaulted'
  reminded: boolean
  invitedAt: Date
  remindedAt?: Date
}

export const ratings = () => db().collection<RatingDoc>(COLLECTIONS.ratings)
export const invitations = () => db().collection<InvitationDoc>(COLLECTIONS.ratingInvitations)

/** The object as the rating will record it, checked: it exists, belongs to `openid`, and is finished. */
export async function loadObject(kind: RatingKind, objectId: string, openid: string): Promise<RatedObject> {
  const none = () => notFound('未找到可评价的服务')
  // A complaint's answer is rated on the complaint (complaint function, rateAnswer); the sweep records it here.
  if (kind === 'complaint') throw none()
  if (kind === 'case') {
    const { data } = await db().collection(COLLECTIONS.cases).where({ _id: objectId }).limit(1).get()
    const c = data[0]
    if (!c || c.openid !== openid) throw none()
    if (!(FINISHED_CASE_STATES as readonly string[]).includes(c.state)) throw new AppError('CONFLICT', '办件办结后才能评价')
    return caseObject(c)
  }
  if (kind === 'ticket') {
    const { data } = await db().collection(COLLECTIONS.tickets).where({ _id: objectId }).limit(1).get()
    const t = data[0]
    if (!t || t.openid !== openid) throw none()
    if (t.status !== 'done') throw new AppError('CONFLICT', '窗口办理完成后才能评价')
    return ticketObject(t)
  }
  const { data } = await db().collection(COLLECTIONS.inquiries).where({ _id: objectId }).limit(1).get()
  const q = data[0]
  if (!q || q.openid !== openid) throw none()
  if (!(FINISHED_INQUIRY_STATES as readonly string[]).includes(q.state) || !(q.staffReplies > 0))
    throw new AppError('CONFLICT', '咨询答复后才能评价')
  return inquiryObject(q)
}

// The three builders read only what the rating keeps; the objects' own modules own their shapes.
/* eslint-disable @typescript-eslint/no-explicit-any -- documents of other functions' collections, read field by field */
export async function caseObject(c: any): Promise<RatedObject> {
  const dept = await getDepartment(c.departmentId)
  return {
    objectKind: 'case',
    objectId: c._id,
    channel: channelOf('case'),
    openid: c.openid,
    title: c.matterName,
    matterId: c.matterId,
    departmentId: c.departmentId,
    departmentName: dept?.name ?? '',
    reference: c.caseNo,
    finishedAt: new Date(c.updatedAt),
  }
}

export async function ticketObject(t: any): Promise<RatedObject> {
  const window = await getWindow(t.windowId)
  const dept = await getDepartment(window.departmentId)
  return {
    objectKind: 'ticket',
    objectId: t._id,
    channel: channelOf('ticket'),
    openid: t.openid,
    title: t.matterName,
    matterId: t.matterId,
    departmentId: window.departmentId,
    departmentName: dept?.name ?? '',
    windowId: window.id,
    ...(t.calledBy ? { servedBy: String(t.calledBy) } : {}),
    reference: t.label,
    finishedAt: new Date(t.finishedAt ?? t.createdAt),
  }
}

export async function inquiryObject(q: any): Promise<RatedObject> {
  return {
    objectKind: 'inquiry',
    objectId: q._id,
    channel: channelOf('inquiry'),
    openid: q.openid,
    title: q.topic,
    ...(q.matterId ? { matterId: q.matterId } : {}),
    departmentId: q.departmentId,
    departmentName: q.departmentName,
    finishedAt: new Date(q.updatedAt),
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The loop a new 差评 starts with: the call-back is due first, the reply's clock runs from the same day. */
export function newLoop(ratedOn: string, policy: RatingPolicy): LoopDoc {
  const cal = workCalendar()
  const dueDate = cal.addWorkingDays(ratedOn, policy.verifyWorkingDays)
  return {
    state: 'open',
    stage: 'verify',
    startedOn: ratedOn,
    dueDate,
    replyDue: cal.addWorkingDays(ratedOn, policy.replyWorkingDays),
    lightKey: '',
    light: 'green',
  }
}

export async function loadRating(ratingId: string): Promise<RatingDoc> {
  const { data } = await ratings().where({ _id: ratingId }).limit(1).get()
  if (!data[0]) throw notFound('未找到该评价')
  return data[0]
}

/** How the caller stands to a rating: its rater, its department, the centre office, or none of these. */
export function actorOf(doc: RatingDoc, caller: Caller): LoopActor | undefined {
  if (caller.role === 'supervisor') return 'office'
  if ((caller.role === 'window_staff' || caller.role === 'dept_lead') && caller.staff?.departmentId === doc.departmentId)
    return 'department'
  if (caller.openid && caller.openid === doc.openid) return 'rater'
  return undefined
}

export function factsOf(doc: RatingDoc, now: Date): LoopFacts {
  const loop = doc.loop
  return {
    state: loop?.state ?? 'closed',
    extensionRequested: !!loop?.extension,
    extensionPending: loop?.extension?.status === 'pending',
    appealed: !!loop?.appeal,
    followUpOpen: !!loop?.followUpUntil && today(now) <= loop.followUpUntil,
    followedUp: !!doc.followUp,
  }
}

/** The rating with a loop step refused unless allowed (who, state and the rule table). */
export async function loadForStep(ratingId: string, action: LoopAction, caller: Caller, now: Date) {
  const doc = await loadRating(ratingId)
  const actor = actorOf(doc, caller)
  // Another department, or someone else's rating: as if it did not exist.
  if (!actor || (actor === 'rater' && action !== 'followUp')) throw notFound('未找到该评价')
  if (!doc.loop) throw new AppError('CONFLICT', '只有差评需要处理')
  const why = loopRefusal(action, actor, factsOf(doc, now))
  if (why) throw new AppError(why.startsWith('您不能') ? 'FORBIDDEN' : 'CONFLICT', why)
  return doc
}

/** Writes a step conditional on the revision read, so two people acting at once cannot both move the loop. */
export async function writeStep(doc: RatingDoc, data: Record<string, unknown>) {
  const _ = db().command
  const { stats } = await ratings()
    .where({ _id: doc._id, rev: doc.rev })
    .update({ data: { ...data, rev: _.inc(1) } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该差评刚被他人处理，请刷新后重试')
}

/** The stage fields of a loop about to wait on `stage` from `from` (today) for `days` working days. */
export function stageFields(stage: Stage | undefined, from: string, dueDate: string | undefined) {
  return stage && dueDate ? { 'loop.stage': stage, 'loop.startedOn': from, 'loop.dueDate': dueDate, 'loop.light': 'green' } : {}
}

export function dueOf(loop: LoopDoc | undefined, now: Date, policy: RatingPolicy) {
  if (!loop) return undefined
  const stage = stageOf(loop.state, loop.extension?.status === 'pending')
  if (!stage || !loop.startedOn || !loop.dueDate) return undefined
  return {
    stage,
    startedOn: loop.startedOn,
    dueDate: loop.dueDate,
    light: lightOf(loop.startedOn, loop.dueDate, today(now), policy, workCalendar()),
  }
}

const followUpView = (f: RatingDoc['followUp']) =>
  f ? { followUp: { level: f.level, levelLabel: RATING_LEVEL_LABELS[f.level], text: f.text, at: iso(f.at) } } : {}

const objectView = (d: RatedObject) => ({
  objectKind: d.objectKind,
  objectId: d.objectId,
  channel: d.channel,
  title: d.title,
  departmentId: d.departmentId,
  departmentName: d.departmentName,
  ...(d.windowId ? { windowId: d.windowId } : {}),
  ...(d.reference ? { reference: d.reference } : {}),
  finishedAt: iso(d.finishedAt),
})

export const summaryOf = (d: RatingDoc) => ({
  ratingId: d._id,
  ...objectView(d),
  level: d.level,
  levelLabel: RATING_LEVEL_LABELS[d.level],
  score: d.score,
  tags: d.tags,
  isDefault: d.isDefault,
  bad: d.bad,
  ratedAt: iso(d.ratedAt),
  ...(d.loop ? { state: d.loop.state, stateLabel: LOOP_STATE_LABELS[d.loop.state] } : {}),
})

export const invitationView = (
  d: RatedObject & { finishedAt: Date },
  policy: RatingPolicy,
  tags: readonly string[],
  badTags: readonly string[],
) => ({
  ...objectView(d),
  tags: [...tags],
  badTags: [...badTags],
  defaultOn: beijingDate(new Date(new Date(d.finishedAt).getTime() + policy.defaultAfterDays * 86_400_000)),
})

/** The rater's view: their own words in full, and what the department and the office told them. */
export function raterView(d: RatingDoc, now: Date): RaterView {
  return {
    ...summaryOf(d),
    text: d.text,
    timeline: d.timeline.map((e) => ({ kind: e.kind, at: iso(e.at), label: e.label, ...(e.text ? { text: e.text } : {}) })),
    ...followUpView(d.followUp),
    ...(d.loop?.followUpUntil ? { followUpUntil: d.loop.followUpUntil } : {}),
    allowedActions: d.loop ? allowedLoopActions('rater', factsOf(d, now)) : [],
  }
}

/**
 * A 差评 for the department and the office. Built field by field from the object, never by
 * spreading the document: the OPENID stays on the server, and the text reaches them with ID and
 * phone numbers masked.
 */
export function staffView(d: RatingDoc, caller: Caller, now: Date, policy: RatingPolicy): StaffBadView {
  const loop = d.loop!
  const actor = actorOf(d, caller)
  const due = dueOf(loop, now, policy)
  return {
    ratingId: d._id,
    ...objectView(d),
    ...(d.servedBy ? { servedBy: d.servedBy } : {}),
    level: d.level,
    levelLabel: RATING_LEVEL_LABELS[d.level],
    tags: d.tags,
    text: redact(d.text),
    ratedAt: iso(d.ratedAt),
    state: loop.state,
    stateLabel: LOOP_STATE_LABELS[loop.state],
    ...(due ? { due } : {}),
    ...(loop.extension
      ? {
          extension: {
            days: loop.extension.days,
            reason: loop.extension.reason,
            status: loop.extension.status,
            dueBefore: loop.extension.dueBefore,
          },
        }
      : {}),
    ...(loop.appeal ? { appeal: { kind: loop.appeal.kind, reason: loop.appeal.reason, status: loop.appeal.status } } : {}),
    timeline: d.timeline.map((e) => ({
      kind: e.kind,
      at: iso(e.at),
      label: e.label,
      ...(e.staffText || e.text ? { text: redact(e.staffText ?? e.text ?? '') } : {}),
      ...(e.staffNo ? { staffNo: e.staffNo } : {}),
    })),
    ...(d.followUp ? { followUp: { ...followUpView(d.followUp).followUp!, text: redact(d.followUp.text) } } : {}),
    allowedActions: actor && actor !== 'rater' ? allowedLoopActions(actor, factsOf(d, now)) : [],
  }
}
