import { ticketSortKey } from '../../../types/domain/queue'
import { beijingDate } from '../../../types/domain/working-days'
import { getMatterDoc, getWindow } from '../../_kit/catalog'
import type { ActionContext } from '../../_kit/handler'
import { issueTicket, tickets, toTicketView, windowsById } from '../tickets'

const beijingTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)

/** A walk-in ticket (现场取号) for a matter; asking again while one is waiting gives the same ticket. */
export async function takeTicket({ matterId }: { matterId: string }, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const date = beijingDate(ctx.now)
  const windows = await windowsById()
  const { data: mine } = await tickets().where({ date, openid, matterId, status: 'waiting' }).limit(1).get()
  if (mine[0]) return { ticket: await toTicketView(mine[0], windows) }
  const matter = await getMatterDoc(matterId)
  const window = await getWindow(matter.windowIds[0])
  const ticket = await issueTicket({
    date,
    prefix: window.queuePrefix,
    kind: 'walk_in',
    sortKeyOf: (number) => ticketSortKey({ kind: 'walk_in', takenAt: beijingTime(ctx.now), number }),
    matterId,
    matterName: matter.name,
    openid,
    createdAt: ctx.now,
  })
  return { ticket: await toTicketView(ticket, windows) }
}
