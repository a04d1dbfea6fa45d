import type { NoticeInput } from '../../../types/contracts/notice'
import { NOTICE_CATEGORY_LABELS, NOTICE_STATE_LABELS, isLive, matchesSearch, noticeOrder } from '../../../types/domain/notice'
import { isStaffRole } from '../../../types/roles'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import type { Caller } from '../../_kit/identity'
import { tempUrls } from '../../_kit/uploads'
import { historyOf, isOffice, loadNotice, toSummary, type NoticeDoc } from '../notices'

/** How many live notices a list considers: far more than a county centre has in force at once. */
const LIVE_WINDOW = 200

/** Published notices whose publish time has come, newest first; expiry is checked per row (isLive). */
async function liveNotices(now: Date, where: Record<string, unknown> = {}): Promise<NoticeDoc[]> {
  const _ = db().command
  const { data } = await db()
    .collection(COLLECTIONS.notices)
    .where({ ...where, state: 'published', publishAt: _.lte(now) })
    .orderBy('publishAt', 'desc')
    .limit(LIVE_WINDOW)
    .get()
  return (data as NoticeDoc[]).filter((d) => isLive(d, now)).sort(noticeOrder)
}

/**
 * The matters a citizen follows: those of their bookings and online cases (the latest 100 of
 * each). A notice for a matter's followers reaches exactly these people.
 */
async function followedMatters(openid: string): Promise<Set<string>> {
  const pick = async (collection: string) => {
    const { data } = await db()
      .collection(collection)
      .where({ openid })
      .orderBy('createdAt', 'desc')
      .limit(100)
      .field({ matterId: true })
      .get()
    return data.map((d) => String(d.matterId ?? ''))
  }
  const [bookings, cases] = await Promise.all([pick(COLLECTIONS.bookings), pick(COLLECTIONS.cases)])
  return new Set([...bookings, ...cases].filter(Boolean))
}

/** Whether the caller is in the notice's audience (staff see every notice). */
async function audienceFilter(caller: Caller): Promise<(d: NoticeDoc) => boolean> {
  if (isStaffRole(caller.role)) return () => true
  const hasMatterAudience = (d: NoticeDoc) => d.audience === 'matter'
  if (!caller.openid) return (d) => !hasMatterAudience(d)
  const set = await followedMatters(caller.openid)
  return (d) => !hasMatterAudience(d) || (!!d.matterId && set.has(d.matterId))
}

async function readIds(openid: string, noticeIds: string[]): Promise<Set<string>> {
  if (!openid || noticeIds.length === 0) return new Set()
  const _ = db().command
  const { data } = await db()
    .collection(COLLECTIONS.noticeReads)
    .where({ openid, noticeId: _.in(noticeIds) })
    .limit(noticeIds.length)
    .get()
  return new Set(data.map((d) => String(d.noticeId)))
}

export async function list(input: NoticeInput<'list'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const visible = await audienceFilter(caller)
  const live = (await liveNotices(ctx.now, input.category ? { category: input.category } : {})).filter(visible)
  const found = input.q
    ? live.filter((d) => matchesSearch(`${d.title} ${d.blocks.map((b) => (b.kind === 'p' ? b.text : '')).join(' ')}`, input.q))
    : live
  const read = await readIds(
    caller.openid,
    live.map((d) => d._id),
  )
  const items = found.slice(0, input.limit).map((d) => toSummary(d, caller.openid ? read.has(d._id) : undefined))
  return { items, unread: caller.openid ? live.filter((d) => !read.has(d._id)).length : 0 }
}

export async function forMatter(input: NoticeInput<'forMatter'>, ctx: ActionContext) {
  const items = await liveNotices(ctx.now, { matterId: input.matterId })
  return { items: items.slice(0, 10).map((d) => toSummary(d)) }
}

/** Sanitized for the hall board: nothing but what the screen prints. */
export async function pinned(_input: NoticeInput<'pinned'>, ctx: ActionContext) {
  const items = (await liveNotices(ctx.now)).filter((d) => d.pinned && d.audience === 'all').slice(0, 10)
  return {
    items: items.map((d) => ({
      title: d.title,
      category: d.category,
      categoryLabel: NOTICE_CATEGORY_LABELS[d.category],
      publishedAt: new Date(d.publishAt ?? d.publishedAt ?? d.updatedAt).toISOString(),
    })),
  }
}

/**
 * A live notice is public (a link to it may be shared); a draft, a withdrawn or an expired one is
 * answered to the office only, and to anyone else as not found, so its existence is not told.
 * A notice for a matter's followers opens for anyone too: the matter's page shows it to all.
 * Opening one marks it read for the caller's account.
 */
export async function get(input: NoticeInput<'get'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadNotice(input.noticeId)
  const office = isOffice(caller.role)
  if (!doc || (!office && !isLive(doc, ctx.now))) throw notFound('该公告不存在或已撤回')
  const files = [
    ...doc.blocks.flatMap((b) => (b.kind === 'img' ? [b.fileId] : [])),
    ...(doc.video?.kind === 'file' ? [doc.video.fileId] : []),
  ]
  const [urls, history] = await Promise.all([
    files.length ? tempUrls(files) : Promise.resolve(new Map<string, string>()),
    office ? historyOf(doc._id) : undefined,
  ])
  if (caller.openid && isLive(doc, ctx.now)) {
    await db()
      .collection(COLLECTIONS.noticeReads)
      .doc(`${caller.openid}:${doc._id}`)
      .set({ data: { openid: caller.openid, noticeId: doc._id, readAt: ctx.now } })
  }
  const url = (fileId: string) => {
    const u = urls.get(fileId)
    return u ? { url: u } : {}
  }
  return {
    ...toSummary(doc, caller.openid ? true : undefined),
    blocks: doc.blocks.map((b) => (b.kind === 'img' ? { kind: 'img' as const, fileId: b.fileId, ...url(b.fileId) } : b)),
    ...(doc.video ? { video: doc.video.kind === 'file' ? { ...doc.video, ...url(doc.video.fileId) } : doc.video } : {}),
    ...(doc.expireAt ? { expireAt: new Date(doc.expireAt).toISOString() } : {}),
    audience: doc.audience,
    ...(history
      ? {
          staff: {
            state: doc.state,
            stateLabel: NOTICE_STATE_LABELS[doc.state],
            live: isLive(doc, ctx.now),
            version: doc.version,
            history,
          },
        }
      : {}),
  }
}
