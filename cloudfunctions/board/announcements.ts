import { noticeContract } from '../../types/contracts/notice'
import { cloud } from '../_kit/cloud'
import { log } from '../_kit/log'

export interface BoardAnnouncement {
  id: string
  title: string
  category: string
}

/**
 * The pinned announcements (通知公告) the board rotates, from the notice function's public `pinned`
 * action: the one place that decides what is published, to whom and until when. The board calls it
 * at most once a minute per warm instance (memo.ts); when it fails, or the notice function is not
 * deployed, the carousel is empty and the page shows the centre's standing notice instead.
 */
export async function pinnedAnnouncements(): Promise<BoardAnnouncement[]> {
  try {
    const res = (await cloud.callFunction({ name: noticeContract.name, data: { action: 'pinned' } })) as { result?: unknown }
    const answer = res.result as { ok?: boolean; data?: unknown } | undefined
    if (!answer?.ok) return []
    const parsed = noticeContract.actions.pinned.output.safeParse(answer.data)
    if (!parsed.success) return []
    return parsed.data.items.map((n, i) => ({ id: `${n.publishedAt}#${i}`, title: n.title, category: n.categoryLabel }))
  } catch (e) {
    log.error('board.announcements', e)
    return []
  }
}
