import { beijingDate } from '../../../types/domain/working-days'
import type { ActionContext } from '../../_kit/handler'
import { tickets, toTicketView, windowsById } from '../tickets'

/** The caller's tickets today with their place in the queue. */
export async function myTickets(_input: object, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [{ data }, windows] = await Promise.all([
    tickets()
      .where({ openid, date: beijingDate(ctx.now) })
      .orderBy('createdAt', 'desc')
      .limit(20)
      .get(),
    windowsById(),
  ])
  return { tickets: await Promise.all(data.map((t) => toTicketView(t, windows))) }
}
