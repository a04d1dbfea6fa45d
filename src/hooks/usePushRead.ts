import { useEffect } from 'react'
import { notifyApi } from '../services/api/notify'
import { param } from '../utils/nav'

/**
 * A subscription message opens its page with `&msgId=<message id>` (the notify function adds it):
 * the person has seen the message, so it is marked read in the message centre. Best effort — a
 * failure only leaves the message unread.
 */
export function usePushRead(msgId: string | undefined): void {
  const id = param(msgId)
  useEffect(() => {
    if (id) void notifyApi.markRead({ messageIds: [id] })
  }, [id])
}
