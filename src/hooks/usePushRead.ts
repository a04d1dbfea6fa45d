import { useEffect } from 'react'
import { markRead } from '../services/notify'
import { param } from '../utils/params'

/**
 * A subscription message opens its page with `&msgId=<message id>` (the notify function adds it):
 * the person has seen the message, so it is marked read in the message centre. Best effort — a
 * failure only leaves the message unread.
 */
export function usePushRead(msgId: string | undefined): void {
  const id = param(msgId)
  useEffect(() => {
    if (id) markRead([id]).catch(() => undefined)
  }, [id])
}
