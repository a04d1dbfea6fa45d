import type { NotifyInput } from '../../../types/contracts/notify'
import type { ActionContext } from '../../_kit/handler'
import { db } from '../../_kit/cloud'
import { messages, type MessageDoc } from '../store'

const unreadOf = async (openid: string) => (await messages().where({ openid, read: false }).count()).total

const toView = (m: MessageDoc) => ({
  messageId: m._id,
  event: m.event,
  kind: m.kind,
  subjectId: m.subjectId,
  title: m.title,
  body: m.body,
  page: m.page,
  read: m.read,
  createdAt: new Date(m.createdAt).toISOString(),
})

/** The caller's messages, newest first, a page at a time, with the unread count. */
export async function myMessages({ page, pageSize }: NotifyInput<'myMessages'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [{ data }, unread] = await Promise.all([
    messages()
      .where({ openid })
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .skip((page - 1) * pageSize)
      .limit(pageSize + 1)
      .get(),
    unreadOf(openid),
  ])
  return { messages: data.slice(0, pageSize).map(toView), unread, page, pageSize, hasMore: data.length > pageSize }
}

export async function unreadCount(_input: object, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  return { unread: await unreadOf(openid) }
}

/** Only the caller's own messages change: someone else's id matches nothing. */
export async function markRead(input: NotifyInput<'markRead'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const _ = db().command
  const where = 'messageIds' in input ? { openid, read: false, _id: _.in(input.messageIds) } : { openid, read: false }
  const { stats } = await messages()
    .where(where)
    .update({ data: { read: true, readAt: ctx.now } })
  return { updated: stats.updated, unread: await unreadOf(openid) }
}
