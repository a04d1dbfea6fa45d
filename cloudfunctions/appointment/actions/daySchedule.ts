import type { AppointmentInput } from '../../../types/contracts/appointment'
import { ID_SHARED_WARNING } from '../../../types/domain/booking'
import { beijingDate } from '../../../types/domain/working-days'
import { getWindow, windowsById } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import type { ActionContext } from '../../_kit/handler'
import { fetchAll } from '../../_kit/fetchAll'
import { assertActsAtWindow, canActAtWindow } from '../../_kit/staff-scope'
import { VISIBLE_STATUSES, type BookingDoc } from '../../_bookings/booking'
import { toView } from '../bookings'
import { bookingPolicy } from '../limits'

/** A day's bookings at the windows the staff member serves (one window when named), in time order, and how many wait for a seat. */
export async function daySchedule(input: AppointmentInput<'daySchedule'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const date = input.date ?? beijingDate(ctx.now)
  let windowIds: string[]
  if (input.windowId) {
    assertActsAtWindow(caller, await getWindow(input.windowId))
    windowIds = [input.windowId]
  } else {
    windowIds = [...(await windowsById()).values()].filter((w) => canActAtWindow(caller, w)).map((w) => w.id)
  }
  const _ = db().command
  const [docs, policy, waiting] = await Promise.all([
    fetchAll<BookingDoc>(COLLECTIONS.bookings, { windowId: _.in(windowIds), date, status: _.in([...VISIBLE_STATUSES]) }),
    bookingPolicy(),
    // 候补 entries that would take a seat freed at these windows that day (the count only: no names).
    db()
      .collection(COLLECTIONS.waitlist)
      .where({ status: 'waiting', windowIds: _.in(windowIds), from: _.lte(date), to: _.gte(date) })
      .count(),
  ])
  const shared = await sharedIdNumbers(docs)
  docs.sort((a, b) => a.start.localeCompare(b.start) || a.windowNumber - b.windowNumber || +new Date(a.createdAt) - +new Date(b.createdAt))
  return {
    date,
    waiting: waiting.total,
    bookings: docs.map((b) => toView(b, ctx.now, policy, shared.has(b._id) ? [ID_SHARED_WARNING] : [])),
  }
}

/**
 * The day's active bookings whose ID number another account also has an active booking of the
 * same matter with (any date). The ID number is typed, not verified, so neither is refused; staff
 * check the ID card at the counter instead. Computed when asked, so a cancelled twin clears it.
 */
async function sharedIdNumbers(docs: BookingDoc[]): Promise<Set<string>> {
  const active = docs.filter((d) => d.status === 'booked')
  if (!active.length) return new Set()
  const _ = db().command
  const twins = await fetchAll<Pick<BookingDoc, '_id' | 'person' | 'matterId' | 'openid'>>(
    COLLECTIONS.bookings,
    {
      person: _.in([...new Set(active.map((d) => d.person))]),
      matterId: _.in([...new Set(active.map((d) => d.matterId))]),
      status: _.in(['booked', 'checked_in']),
    },
    { _id: true, person: true, matterId: true, openid: true },
  )
  return new Set(
    active.filter((d) => twins.some((t) => t.person === d.person && t.matterId === d.matterId && t.openid !== d.openid)).map((d) => d._id),
  )
}
