import type { NoticeDraft, NoticeView } from '../../../../types/contracts/notice'
import { NOTICE_CATEGORY_LABELS, type NoticeAudience, type NoticeCategory } from '../../../../types/domain/notice'
import { beijingClock, beijingDate } from '../../../../types/domain/dates'

/** The edit form: the draft as typed, image blocks with the preview URL their upload answered. */
export type FormBlock = { kind: 'p'; text: string } | { kind: 'img'; fileId: string; url?: string }
export type VideoKind = 'none' | 'channel' | 'file'

export interface NoticeForm {
  title: string
  category: NoticeCategory
  blocks: FormBlock[]
  videoKind: VideoKind
  feedId: string
  finderUserName: string
  videoFileId: string
  videoUrl?: string
  pinned: boolean
  /** `2026-12-28 08:00`, Beijing time; empty = when published / no expiry. */
  publishAt: string
  expireAt: string
  matterId: string
  matterName: string
  audience: NoticeAudience
}

export const emptyForm = (): NoticeForm => ({
  title: '',
  category: 'notice',
  blocks: [{ kind: 'p', text: '' }],
  videoKind: 'none',
  feedId: '',
  finderUserName: '',
  videoFileId: '',
  pinned: false,
  publishAt: '',
  expireAt: '',
  matterId: '',
  matterName: '',
  audience: 'all',
})

const typedTime = (iso?: string) => (iso ? `${beijingDate(new Date(iso))} ${beijingClock(new Date(iso))}` : '')

export function formOf(v: NoticeView): NoticeForm {
  return {
    title: v.title,
    category: v.category,
    blocks: v.blocks.map((b) => (b.kind === 'p' ? { kind: 'p', text: b.text } : { kind: 'img', fileId: b.fileId, url: b.url })),
    videoKind: v.video?.kind ?? 'none',
    feedId: v.video?.kind === 'channel' ? v.video.feedId : '',
    finderUserName: v.video?.kind === 'channel' ? v.video.finderUserName : '',
    videoFileId: v.video?.kind === 'file' ? v.video.fileId : '',
    videoUrl: v.video?.kind === 'file' ? v.video.url : undefined,
    pinned: v.pinned,
    // A published one's time is kept by the server when left as it was.
    publishAt: v.staff?.state === 'draft' ? typedTime(v.publishAt) : '',
    expireAt: typedTime(v.expireAt),
    matterId: v.matterId ?? '',
    matterName: v.matterName ?? '',
    audience: v.audience,
  }
}

/** `2026-12-28 08:00` → an ISO time at +08:00 (the server checks it); empty stays empty. */
export function isoOf(typed: string): string | undefined {
  const t = typed.trim()
  if (!t) return undefined
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t)
  if (!m) return t
  const [, y, mo, d, h = '0', mi = '00'] = m
  const p = (s: string) => s.padStart(2, '0')
  return `${y}-${p(mo)}-${p(d)}T${p(h)}:${mi}:00+08:00`
}

export function draftOf(f: NoticeForm): NoticeDraft {
  const publishAt = isoOf(f.publishAt)
  const expireAt = isoOf(f.expireAt)
  return {
    title: f.title,
    category: f.category,
    blocks: f.blocks
      .filter((b) => b.kind === 'img' || b.text.trim())
      .map((b) => (b.kind === 'p' ? { kind: 'p' as const, text: b.text } : { kind: 'img' as const, fileId: b.fileId })),
    ...(f.videoKind === 'channel' ? { video: { kind: 'channel' as const, feedId: f.feedId, finderUserName: f.finderUserName } } : {}),
    ...(f.videoKind === 'file' && f.videoFileId ? { video: { kind: 'file' as const, fileId: f.videoFileId } } : {}),
    pinned: f.pinned,
    ...(publishAt ? { publishAt } : {}),
    ...(expireAt ? { expireAt } : {}),
    ...(f.matterId ? { matterId: f.matterId } : {}),
    audience: f.matterId ? f.audience : 'all',
  }
}

/** The form as the detail page would show it (the staff preview). */
export function previewOf(f: NoticeForm) {
  const valid = (iso: string | undefined) => (iso && !Number.isNaN(new Date(iso).getTime()) ? iso : undefined)
  return {
    title: f.title || '（未填写标题）',
    categoryLabel: NOTICE_CATEGORY_LABELS[f.category],
    pinned: f.pinned,
    publishAt: valid(isoOf(f.publishAt)),
    expireAt: valid(isoOf(f.expireAt)),
    blocks: f.blocks.filter((b) => b.kind === 'img' || b.text.trim()),
    video:
      f.videoKind === 'channel'
        ? { kind: 'channel' as const, feedId: f.feedId, finderUserName: f.finderUserName }
        : f.videoKind === 'file' && f.videoFileId
          ? { kind: 'file' as const, fileId: f.videoFileId, url: f.videoUrl }
          : undefined,
  }
}
