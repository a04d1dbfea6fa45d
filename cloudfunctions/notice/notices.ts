import type { NoticeDraft, NoticeStaffSummary, NoticeSummary } from '../../types/contracts/notice'
import {
  NOTICE_CATEGORY_LABELS,
  NOTICE_PUBLISHERS,
  NOTICE_STATE_LABELS,
  excerptOf,
  isLive,
  type NoticeAudience,
  type NoticeBlock,
  type NoticeCategory,
  type NoticeState,
  type NoticeVideo,
} from '../../types/domain/notice'
import type { Role } from '../../types/roles'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError, notFound } from '../_kit/errors'
import type { Caller } from '../_kit/identity'

export interface NoticeDoc {
  _id: string
  title: string
  category: NoticeCategory
  blocks: NoticeBlock[]
  video?: NoticeVideo
  pinned: boolean
  /** When it shows: the time staff set, or the moment it was first published. Unset on a draft without one. */
  publishAt?: Date
  expireAt?: Date
  matterId?: string
  matterName?: string
  audience: NoticeAudience
  state: NoticeState
  version: number
  createdAt: Date
  createdBy: string
  updatedAt: Date
  /** Set on publish: the time the office pressed 发布. */
  publishedAt?: Date
  withdrawnAt?: Date
}

export type ChangeKind = 'created' | 'edited' | 'published' | 'withdrawn'

/** One audited change (notice_changes): who, when, what, and the notice as it was afterwards. Insert-only. */
export interface NoticeChange {
  _id: string
  noticeId: string
  seq: number
  kind: ChangeKind
  at: Date
  staffNo: string
  openid: string
  reason?: string
  after: Omit<NoticeDoc, '_id'>
}

export const isOffice = (role: Role) => (NOTICE_PUBLISHERS as readonly string[]).includes(role)

export const staffNoOf = (caller: Caller) => caller.staff?.staffNo ?? caller.openid

const iso = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d).toISOString())

export async function loadNotice(noticeId: string): Promise<NoticeDoc | undefined> {
  const { data } = await db().collection(COLLECTIONS.notices).where({ _id: noticeId }).limit(1).get()
  return data[0] as NoticeDoc | undefined
}

export async function loadForOffice(noticeId: string): Promise<NoticeDoc> {
  const doc = await loadNotice(noticeId)
  if (!doc) throw notFound('未找到该公告')
  return doc
}

export function toSummary(d: NoticeDoc, read?: boolean): NoticeSummary {
  return {
    noticeId: d._id,
    title: d.title,
    category: d.category,
    categoryLabel: NOTICE_CATEGORY_LABELS[d.category],
    pinned: d.pinned,
    excerpt: excerptOf(d.blocks),
    ...(d.publishAt ? { publishAt: iso(d.publishAt) } : {}),
    ...(d.matterId ? { matterId: d.matterId, matterName: d.matterName } : {}),
    hasVideo: !!d.video,
    hasImages: d.blocks.some((b) => b.kind === 'img'),
    ...(read === undefined ? {} : { read }),
  }
}

export function toStaffSummary(d: NoticeDoc, now: Date): NoticeStaffSummary {
  return {
    ...toSummary(d),
    state: d.state,
    stateLabel: NOTICE_STATE_LABELS[d.state],
    live: isLive(d, now),
    audience: d.audience,
    ...(d.expireAt ? { expireAt: iso(d.expireAt) } : {}),
    version: d.version,
    updatedAt: iso(d.updatedAt) as string,
  }
}

/** The stored fields of a parsed draft (times as Dates, absent ones left out). */
export function fieldsOf(d: NoticeDraft & { pinned: boolean; audience: NoticeAudience }, matterName: string | undefined) {
  return {
    title: d.title,
    category: d.category,
    blocks: d.blocks as NoticeBlock[],
    ...(d.video ? { video: d.video as NoticeVideo } : {}),
    pinned: d.pinned,
    ...(d.publishAt ? { publishAt: new Date(d.publishAt) } : {}),
    ...(d.expireAt ? { expireAt: new Date(d.expireAt) } : {}),
    ...(d.matterId ? { matterId: d.matterId, matterName } : {}),
    audience: d.audience,
  }
}

/**
 * Writes a notice and its audit entry in one transaction: the change's `_id` is
 * `<noticeId>:<version>`, so a change is recorded exactly once, and the version read before must
 * still be the stored one (two staff editing at once: the second is told to reload).
 */
export async function writeWithChange(
  next: NoticeDoc,
  expectedVersion: number | undefined,
  change: { kind: ChangeKind; at: Date; caller: Caller; reason?: string },
): Promise<void> {
  const { _id, ...after } = next
  const entry: NoticeChange = {
    _id: `${_id}:${next.version}`,
    noticeId: _id,
    seq: next.version,
    kind: change.kind,
    at: change.at,
    staffNo: staffNoOf(change.caller),
    openid: change.caller.openid,
    ...(change.reason ? { reason: change.reason } : {}),
    after,
  }
  await db().runTransaction(async (t) => {
    const ref = t.collection(COLLECTIONS.notices).doc(_id)
    const found = await ref.get().then(
      (r) => r.data as NoticeDoc | undefined,
      () => undefined,
    )
    if (expectedVersion === undefined) {
      if (found) throw new AppError('CONFLICT', '该公告已存在')
    } else if (!found) {
      throw notFound('未找到该公告')
    } else if (found.version !== expectedVersion) {
      throw new AppError('CONFLICT', '公告已被他人修改，请刷新后再操作')
    }
    await ref.set({ data: after })
    await t.collection(COLLECTIONS.noticeChanges).add({ data: entry })
  })
}

export async function historyOf(noticeId: string) {
  const { data } = await db().collection(COLLECTIONS.noticeChanges).where({ noticeId }).orderBy('seq', 'asc').limit(100).get()
  return (data as NoticeChange[]).map((c) => ({
    seq: c.seq,
    kind: c.kind,
    at: new Date(c.at).toISOString(),
    staffNo: c.staffNo,
    ...(c.reason ? { reason: c.reason } : {}),
  }))
}
