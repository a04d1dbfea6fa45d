/**
 * The 候补 (waitlist) tests' kit: a window made small (two morning slots of one seat each), so a
 * day is full after two bookings, and the calls the tests make.
 */
import type { appointmentContract } from '../../types/contracts'
import { dataOf, type EventOf } from './calls'
import type { TestCloud } from './cloud'
import { appointmentCalls } from './appointment'
import { PASSPORT } from './demo'
import { applicant, newRequestId } from './people'

/** The window the tests wait at, and its other one (the passport's windows are win-01 and win-02). */
export const W = 'win-01'
export const slotOf = (date: string, hhmm: string, windowId = W) => `${windowId}-${date.replace(/-/g, '')}-${hhmm.replace(':', '')}`

type JoinEvent = EventOf<typeof appointmentContract, 'joinWaitlist'>

export function waitlistKit(t: TestCloud) {
  const { appointment, slotsOn } = appointmentCalls(() => t)
  let seq = 7000

  /** Both windows: 09:00–10:00, 30-minute slots, one seat each. */
  const smallWindows = () =>
    Promise.all(
      ['win-01', 'win-02'].map((id) =>
        t.db
          .collection('schedules')
          .doc(id)
          .set({ data: { periods: [{ start: '09:00', end: '10:00' }], capacity: 1 } }),
      ),
    )

  const book = async (openid: string, slotId: string) => {
    const r = await appointment({ action: 'book', slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(seq++) }, openid)
    return dataOf(r)
  }

  /** Books both slots of the window on the date, each by its own account; answers them in time order. */
  const fill = async (date: string, tag: string, windowId = W) => {
    const out = []
    for (const hhmm of ['09:00', '09:30']) {
      const openid = `o-fill-${tag}-${hhmm.replace(':', '')}`
      const slotId = slotOf(date, hhmm, windowId)
      out.push({ openid, slotId, ...(await book(openid, slotId)) })
    }
    return out
  }

  const join = (openid: string, date: string, extra: Partial<JoinEvent> = {}) =>
    appointment(
      { action: 'joinWaitlist', matterId: PASSPORT, from: date, to: date, half: 'am', windowId: W, ...applicant(seq++), ...extra },
      openid,
    )

  const cancel = (openid: string, bookingId: string) => appointment({ action: 'cancel', bookingId }, openid)
  const mine = async (openid: string) => dataOf(await appointment({ action: 'myWaitlist' }, openid)).entries
  const offerOf = async (openid: string) => (await mine(openid))[0]?.offer
  const accept = (openid: string, offerId: string) => appointment({ action: 'acceptOffer', offerId, requestId: newRequestId() }, openid)
  const decline = (openid: string, offerId: string) => appointment({ action: 'declineOffer', offerId }, openid)
  const sweep = async () => {
    const r = await t.trigger('appointment', 'tick', 'waitlistSweep')
    return dataOf(r)
  }
  const doc = async (collection: string, id: string) => (await t.db.collection(collection).where({ _id: id }).get()).data[0]
  const seat = (slotId: string) => doc('slot_seats', slotId)
  const messagesOf = async (openid: string, event: string) => (await t.db.collection('messages').where({ openid, event }).get()).data

  return { appointment, slotsOn, smallWindows, book, fill, join, cancel, mine, offerOf, accept, decline, sweep, doc, seat, messagesOf }
}
