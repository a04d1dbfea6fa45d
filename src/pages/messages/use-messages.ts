import { useEffect, useRef, useState } from 'react'
import type { ActionOutput } from '../../../types/contracts/contract'
import type { MessageView, notifyContract } from '../../../types/contracts/notify'
import type { AppErrorBody } from '../../../types/result'
import { useLoad } from '../../hooks/useLoad'
import { notifyApi } from '../../services/api/notify'
import { showUnreadOnTabBar } from '../../services/tab-badge'

const PAGE_SIZE = 20

type Inbox = ActionOutput<typeof notifyContract, 'myMessages'>

/** What this page added to one load of the first page: the pages 加载更多 brought, the messages read here. */
interface Local {
  base: Inbox
  more: MessageView[]
  /** The last page loaded. */
  page: number
  hasMore: boolean
  unread: number
  read: ReadonlySet<string>
  allRead: boolean
  moreLoading: boolean
  moreError?: AppErrorBody
}

const startFrom = (base: Inbox): Local => ({
  base,
  more: [],
  page: 1,
  hasMore: base.hasMore,
  unread: base.unread,
  read: new Set(),
  allRead: false,
  moreLoading: false,
})

/**
 * My messages, newest first, 20 at a time. The first page is loaded again each time the page is
 * shown, so a message read from its push (that page marks it) shows as read here too; what was
 * added since (more pages, messages read here) starts over with it. The tab bar's badge follows
 * the count shown.
 */
export function useMessages() {
  const first = useLoad(() => notifyApi.myMessages({ page: 1, pageSize: PAGE_SIZE }), [])
  const base = first.data
  const [kept, setKept] = useState<Local | null>(null)
  const local = base && (kept?.base === base ? kept : startFrom(base))
  // The first page as now shown, for answers that arrive later: one meant for an older load is dropped.
  const latest = useRef(base)
  useEffect(() => {
    latest.current = base
  })

  const update = (forBase: Inbox | undefined, change: (l: Local) => Local) =>
    setKept((l) => (!forBase || forBase !== latest.current ? l : change(l?.base === forBase ? l : startFrom(forBase))))

  const messages = local
    ? [...local.base.messages, ...local.more].map((m) =>
        !m.read && (local.allRead || local.read.has(m.messageId)) ? { ...m, read: true } : m,
      )
    : []
  const unread = local?.unread ?? 0
  const loaded = !!local

  useEffect(() => {
    if (loaded) showUnreadOnTabBar(unread)
  }, [loaded, unread])

  const loadMore = async () => {
    if (!local || local.moreLoading) return
    const page = local.page + 1
    update(base, (l) => ({ ...l, moreLoading: true, moreError: undefined }))
    const r = await notifyApi.myMessages({ page, pageSize: PAGE_SIZE })
    update(base, (l) => {
      if (!r.ok) return { ...l, moreLoading: false, moreError: r.error }
      // A message that arrived meanwhile shifts the pages: drop what we already show.
      const seen = new Set([...l.base.messages, ...l.more].map((m) => m.messageId))
      const more = [...l.more, ...r.data.messages.filter((m) => !seen.has(m.messageId))]
      return { ...l, more, page, hasMore: r.data.hasMore, unread: r.data.unread, moreLoading: false }
    })
  }

  /** Shown as read at once; the server's count follows when it answers. */
  const markRead = async (m: MessageView) => {
    update(base, (l) => ({ ...l, unread: Math.max(0, l.unread - 1), read: new Set([...l.read, m.messageId]) }))
    const r = await notifyApi.markRead({ messageIds: [m.messageId] })
    if (r.ok) update(base, (l) => ({ ...l, unread: r.data.unread }))
  }

  const markAllRead = async () => {
    const r = await notifyApi.markRead({ all: true })
    if (r.ok) update(base, (l) => ({ ...l, unread: r.data.unread, allRead: true }))
    return r
  }

  return {
    loaded,
    first,
    messages,
    unread,
    hasMore: !!local?.hasMore,
    moreLoading: !!local?.moreLoading,
    /** A failed 加载更多, else a failed reload of the first page (once it has answered). */
    error: local?.moreError ?? (first.loading ? undefined : first.error),
    loadMore,
    markRead,
    markAllRead,
  }
}
