import type { QueueInput } from '../../../types/contracts/queue'
import { beijingClock, beijingDate } from '../../../types/domain/dates'
import { ticketSortKey } from '../../../types/domain/queue'
import { getMatterDoc, getWindow } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { releaseAll } from '../../_kit/rollback'
import { dropStale, queuePolicy, readHold, releaseWaitingHold, takeWaitingHold } from '../holds'
import { issueTicket, toTicketView, waitingTicket, windowsById, type TicketDoc } from '../tickets'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A walk-in ticket (现场取号) for a matter. Asking again while one is waiting gives the same ticket;
 * an account holds at most the queue policy's number of waiting tickets a day, taken as one
 * conditional update before the number is drawn (holds.ts), so a burst of requests gets no more.
 */
export async function takeTicket({ matterId }: QueueInput<'takeTicket'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const date = beijingDate(ctx.now)
  const [windows, matter, policy, mine] = await Promise.all([
    windowsById(),
    getMatterDoc(matterId),
    queuePolicy(),
    waitingTicket(date, openid, matterId),
  ])
  if (mine) return { ticket: await toTicketView(mine, windows) }
  const window = await getWindow(matter.windowIds[0])
  for (let round = 0; round < 2; round++) {
    if ((await takeWaitingHold(date, openid, matterId, policy.maxWaitingPerOpenid, ctx.now)) === 'taken') {
      let ticket: TicketDoc
      try {
        ticket = await issueTicket({
          date,
          prefix: window.queuePrefix,
          kind: 'walk_in',
          sortKeyOf: (number) => ticketSortKey({ kind: 'walk_in', takenAt: beijingClock(ctx.now), number }),
          matterId,
          matterName: matter.name,
          openid,
          createdAt: ctx.now,
        })
      } catch (e) {
        await releaseAll('queue.take.rollback', [releaseWaitingHold(date, openid, matterId)])
        throw e
      }
      return { ticket: await toTicketView(ticket, windows) }
    }
    // Another request of this account is issuing this matter's ticket: answer with it.
    const issued = await waitFor(() => waitingTicket(date, openid, matterId))
    if (issued) return { ticket: await toTicketView(issued, windows) }
    const doc = await readHold(date, openid)
    if (!doc || !(await dropStale(doc, ctx.now))) break
  }
  throw new AppError('CONFLICT', '正在为您取号，请稍后在“我的排队”查看')
}

/** Polls for up to 3 s: the other request draws a number and writes the ticket in well under that. */
async function waitFor<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let i = 0; i < 20; i++) {
    const found = await read()
    if (found) return found
    await sleep(50 + i * 10)
  }
  return undefined
}
