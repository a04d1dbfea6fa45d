import { createHash } from 'node:crypto'
import type { NoticeInput } from '../../types/contracts/notice'
import { matchesSearch, sniffCover } from '../../types/domain/notice'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { log } from '../_kit/log'
import { deleteFile, putFile, tempUrls } from '../_kit/uploads'
import { getBytes, mpConfig, MpError, postJson, withToken, type MpConfig } from '../_kit/mp-api'

/**
 * The 公众号's published articles (草稿箱 → 发布), pulled every 30 minutes: `freepublish/batchget`
 * with `no_content=1` pages through them 20 at a time (its `count` is 1–20). Each news item of a
 * publication is one row; covers are copied into cloud storage because WeChat's image host
 * (mmbiz.qpic.cn) is not meant to be hotlinked from elsewhere. Only a complete pull changes the
 * list: any API error leaves the last good list as it was and is recorded in `mp_pull/state`.
 */

export interface ArticleDoc {
  _id: string
  articleId: string
  /** The item's position in its publication (a publication may hold several articles). */
  index: number
  title: string
  digest: string
  url: string
  thumbUrl: string
  coverFileId?: string
  /** WeChat's update_time, seconds since the epoch. */
  updateTime: number
  pulledAt: Date
}

interface NewsItem {
  title?: string
  digest?: string
  url?: string
  thumb_url?: string
  is_deleted?: boolean
}
interface BatchItem {
  article_id: string
  update_time?: number
  content?: { news_item?: NewsItem[] }
}
interface BatchGet {
  total_count: number
  item_count: number
  item: BatchItem[]
}

const PAGE = 20
/** Enough for years of a county centre's articles; the pull stops there. */
const MAX_ITEMS = 500
const COVER_MAX_BYTES = 2 * 1024 * 1024
const rowId = (articleId: string, index: number) => `ma-${createHash('sha256').update(`${articleId}:${index}`).digest('hex').slice(0, 20)}`

async function fetchPublished(cfg: MpConfig, now: Date): Promise<Map<string, Omit<ArticleDoc, 'pulledAt' | 'coverFileId'>>> {
  const out = new Map<string, Omit<ArticleDoc, 'pulledAt' | 'coverFileId'>>()
  for (let offset = 0; offset < MAX_ITEMS;) {
    const page = await withToken(cfg, now, (token) =>
      postJson<BatchGet>(`${cfg.base}/cgi-bin/freepublish/batchget?${token}`, { offset, count: PAGE, no_content: 1 }),
    )
    for (const item of page.item ?? []) {
      ;(item.content?.news_item ?? []).forEach((n, index) => {
        if (n.is_deleted || !n.url || !n.title) return
        out.set(rowId(item.article_id, index), {
          _id: rowId(item.article_id, index),
          articleId: item.article_id,
          index,
          title: n.title,
          digest: n.digest ?? '',
          url: n.url,
          thumbUrl: n.thumb_url ?? '',
          updateTime: Number(item.update_time ?? 0),
        })
      })
    }
    offset += page.item?.length ?? 0
    if (!page.item?.length || offset >= page.total_count) break
  }
  return out
}

/** The cover copied into storage; none when it cannot be read (retried at the next pull). */
async function copyCover(thumbUrl: string, id: string): Promise<string | undefined> {
  if (!/^https?:\/\//.test(thumbUrl)) return undefined
  try {
    const bytes = await getBytes(thumbUrl, COVER_MAX_BYTES)
    const kind = sniffCover(bytes)
    if (!kind) return undefined
    return await putFile(`mp-covers/${id}-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${kind.ext}`, bytes)
  } catch (e) {
    log.error('notice.cover', e)
    return undefined
  }
}

const setState = (data: Record<string, unknown>) =>
  db()
    .collection(COLLECTIONS.mpPull)
    .doc('state')
    .set({ data })
    .catch(() => undefined)

export async function pullArticles(now: Date): Promise<Record<string, unknown>> {
  const cfg = mpConfig()
  if (!cfg) return { skipped: '未配置公众号（云函数环境变量 MP_APPID、MP_APPSECRET）' }
  const stored = new Map((await fetchAll<ArticleDoc>(COLLECTIONS.mpArticles)).map((d) => [d._id, d]))
  const previous = await db()
    .collection(COLLECTIONS.mpPull)
    .doc('state')
    .get()
    .then(
      (r) => r.data as Record<string, unknown> | undefined,
      () => undefined,
    )
  let fresh: Awaited<ReturnType<typeof fetchPublished>>
  try {
    fresh = await fetchPublished(cfg, now)
  } catch (e) {
    const error = e instanceof MpError ? `errcode ${e.errcode}` : String((e as Error)?.message ?? e).slice(0, 120)
    log.error('notice.pullArticles', e)
    // The last good list stays; only the failure is noted.
    const { _id: _key, ...kept } = previous ?? {}
    void _key
    await setState({ ...kept, lastError: error, lastErrorAt: now })
    return { error, kept: stored.size }
  }
  let added = 0
  let updated = 0
  let removed = 0
  const articles = db().collection(COLLECTIONS.mpArticles)
  for (const [id, a] of fresh) {
    const old = stored.get(id)
    const unchanged =
      old &&
      old.updateTime === a.updateTime &&
      old.title === a.title &&
      old.digest === a.digest &&
      old.url === a.url &&
      old.thumbUrl === a.thumbUrl
    if (unchanged && (old.coverFileId || !a.thumbUrl)) continue
    const coverFileId = old?.coverFileId && old.thumbUrl === a.thumbUrl ? old.coverFileId : await copyCover(a.thumbUrl, id)
    const { _id: _key, ...fields } = a
    void _key
    await articles.doc(id).set({ data: { ...fields, ...(coverFileId ? { coverFileId } : {}), pulledAt: now } })
    if (old?.coverFileId && old.coverFileId !== coverFileId) await deleteFile(old.coverFileId).catch(() => undefined)
    if (!old) added++
    else if (!unchanged) updated++
  }
  for (const [id, old] of stored) {
    if (fresh.has(id)) continue
    await articles.doc(id).remove()
    if (old.coverFileId) await deleteFile(old.coverFileId).catch(() => undefined)
    removed++
  }
  await setState({ lastPulledAt: now, count: fresh.size })
  return { added, updated, removed, total: fresh.size }
}

export async function articles(input: NoticeInput<'articles'>) {
  const [{ data }, state] = await Promise.all([
    db().collection(COLLECTIONS.mpArticles).where({}).orderBy('updateTime', 'desc').limit(200).get(),
    db()
      .collection(COLLECTIONS.mpPull)
      .doc('state')
      .get()
      .then(
        (r) => r.data as { lastPulledAt?: Date } | undefined,
        () => undefined,
      ),
  ])
  const found = (data as ArticleDoc[]).filter((a) => matchesSearch(`${a.title} ${a.digest}`, input.q)).slice(0, input.limit)
  const covers = await tempUrls(found.flatMap((a) => (a.coverFileId ? [a.coverFileId] : [])))
  const userName = process.env.MP_ORIGINAL_ID ?? ''
  return {
    items: found.map((a) => {
      const coverUrl = a.coverFileId ? covers.get(a.coverFileId) : undefined
      return {
        articleId: a.articleId,
        title: a.title,
        digest: a.digest,
        url: a.url,
        ...(coverUrl ? { coverUrl } : {}),
        updatedAt: new Date(a.updateTime * 1000).toISOString(),
      }
    }),
    account: userName ? { userName } : {},
    ...(state?.lastPulledAt ? { lastPulledAt: new Date(state.lastPulledAt).toISOString() } : {}),
  }
}
