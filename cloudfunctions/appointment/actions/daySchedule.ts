import { beijingDate } from '../../../types/domain/working-days'
import { getWindow, windowsById } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import type { ActionContext } from '../../_kit/handler'
import { fetchAll } from '../../_kit/fetchAll'
import { assertActsAtWindow, canActAtWindow } from '../../_kit/staff-scope'
import { type BookingDoc, toView } from '../bookings'
import { bookingPolicy } from '../limits'

/** A day's bookings at the windows the staff member serves (one window when named), in time order. */
export async function daySchedule(input: { date?: string; windowId?: string }, ctx: ActionContext) {
  const caller = await ctx.caller()
  const date = input.date ?? beijingDate(ctx.now)
  let windowIds: string[]
  if (input.windowId) {
    assertActsAtWindow(caller, await getWindow(input.windowId))
    windowIds = [input.windowId]
  } else {
    windowIds = [...(await windowsById()).values()].filter((w) => canActAtWindow(caller, w)).map((w) => w.id)
  }
  const [docs, policy] = await Promise.all([
    fetchAll<BookingDoc>(COLLECTIONS.bookings, { windowId: db().command.in(windowIds), date }),
    bookingPolicy(),
  ])
  docs.sort((a, b) => a.start.localeCompare(b.start) || a.windowNumber - b.windowNumber || +new Date(a.createdAt) - +new Date(b.createdAt))
  return { date, bookings: docs.map((b) => toView(b, ctx.now, policy)) }
}
