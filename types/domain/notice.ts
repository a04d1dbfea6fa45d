/**
 * 通知公告: announcements the centre office publishes in the app, and the articles the centre's
 * 公众号 publishes (草稿箱 → 发布), pulled by the notice function's timer.
 *
 * The body is a short list of blocks (paragraphs and images in cloud storage), never HTML: the
 * client renders each block with Text and Image components, so nothing a staff member types can
 * run as markup or script in the app.
 */

export const NOTICE_CATEGORIES = ['notice', 'policy', 'reminder'] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  notice: '通知公告',
  policy: '政策解读',
  reminder: '办事提醒',
}

export const NOTICE_STATES = ['draft', 'published', 'withdrawn'] as const
export type NoticeState = (typeof NOTICE_STATES)[number]
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' }

/**
 * Who sees an announcement in the lists. `matter`: the followers of its matter, i.e. the citizens
 * with a booking or an online case of that matter (the only ties between a person and a matter the
 * data holds); staff see every one. An announcement about a matter is shown on that matter's page
 * to everyone whatever its audience: whoever opens the matter's guide is about to apply for it.
 */
export const NOTICE_AUDIENCES = ['all', 'matter'] as const
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number]
export const NOTICE_AUDIENCE_LABELS: Record<NoticeAudience, string> = { all: '所有人', matter: '该事项的办事群众' }

/** The office publishes: 效能监督 (the centre office's supervision staff) and the administrator. Window staff and departments do not. */
export const NOTICE_PUBLISHERS = ['supervisor', 'admin'] as const

export const NOTICE_LIMITS = {
  title: 60,
  paragraph: 2000,
  blocks: 40,
  images: 9,
  imageBytes: 2 * 1024 * 1024,
  videoBytes: 50 * 1024 * 1024,
  search: 30,
} as const

export const NOTICE_IMAGE_TYPES = ['image/jpeg', 'image/png'] as const
export type NoticeImageType = (typeof NOTICE_IMAGE_TYPES)[number]
export const NOTICE_FILE_TYPES = [...NOTICE_IMAGE_TYPES, 'video/mp4'] as const
export type NoticeFileType = (typeof NOTICE_FILE_TYPES)[number]

export type NoticeBlock = { kind: 'p'; text: string } | { kind: 'img'; fileId: string }

/**
 * The optional video: a 视频号 video shown with `channel-video` (its `feed-id` and the 视频号's
 * `finder-user-name`; the 视频号 must be the mini-program's own or a 关联主体's), or an uploaded MP4.
 */
export type NoticeVideo = { kind: 'channel'; feedId: string; finderUserName: string } | { kind: 'file'; fileId: string }

/** What the time rules need of an announcement. */
export interface NoticeTiming {
  state: NoticeState
  /** When it shows (staff may schedule a later time). */
  publishAt?: Date | string
  expireAt?: Date | string
}

const ms = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d).getTime())

/** Whether citizens see it now: published, its publish time reached and its expiry not. */
export function isLive(n: NoticeTiming, now: Date): boolean {
  if (n.state !== 'published') return false
  const from = ms(n.publishAt)
  const to = ms(n.expireAt)
  return (from === undefined || from <= now.getTime()) && (to === undefined || to > now.getTime())
}

/** Pinned first, then the newest publish time first. */
export function noticeOrder(a: { pinned: boolean; publishAt?: Date | string }, b: { pinned: boolean; publishAt?: Date | string }): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
  return (ms(b.publishAt) ?? 0) - (ms(a.publishAt) ?? 0)
}

/** A plain-text excerpt of the body for lists and search. */
export function excerptOf(blocks: readonly NoticeBlock[], chars = 60): string {
  const text = blocks
    .filter((b): b is { kind: 'p'; text: string } => b.kind === 'p')
    .map((b) => b.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  return [...text].length > chars ? `${[...text].slice(0, chars).join('')}…` : text
}

/** Whether the text matches a search: every space-separated word appears in it. */
export function matchesSearch(text: string, q: string | undefined): boolean {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const hay = text.toLowerCase()
  return words.every((w) => hay.includes(w))
}

/** The type of a stored file read from its first bytes (never the name or the declared type). */
export function sniffNoticeFile(b: Uint8Array): NoticeFileType | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png'
  // ISO base media (MP4): a box of type `ftyp` first.
  if (b.length >= 12 && b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) return 'video/mp4'
  return undefined
}

/** 公众号 article covers accepted when copied into storage (WeChat serves JPEG, PNG or GIF). */
export function sniffCover(b: Uint8Array): { type: string; ext: string } | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { type: 'image/jpeg', ext: 'jpg' }
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { type: 'image/png', ext: 'png' }
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return { type: 'image/gif', ext: 'gif' }
  return undefined
}
