/**
 * 候补 crash safety: offering a seat writes the entry's claim, the seat's hold, then the entry's
 * `held` and the notification. Each test leaves the data where a dead invocation would have left
 * it, then runs the sweepers (appointment holdSweep, waitlistSweep) a few minutes later.
 */
import { startDemoCloud } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'
import { setBeijingNow } from '../support/clock'
import { dataOf } from '../support/calls'
import { waitlistKit } from '../support/waitlist'

const t = cloudForFile(() => startDemoCloud(['appointment']))
const k = kitFor(() => waitlistKit(t))
const MONDAY = '2026-09-28'

beforeAll(() => k.smallWindows())
beforeEach(() => setBeijingNow(MONDAY, '09:00'))

const entryOf = async (openid: string) => (await t.db.collection('waitlist').where({ openid }).get()).data[0]
const sweepAt = async (hhmm: string) => {
  setBeijingNow(MONDAY, hhmm)
  return k.sweep()
}

/** Every seat of the slot is free, booked or held for one offer, none twice. */
async function expectWhole(slotId: string) {
  const s = await k.seat(slotId)
  const offers = (s.offers ?? []) as Array<{ entryId: string }>
  expect(s.remaining + s.holders.length + offers.length).toBe(s.capacity)
  expect(new Set(offers.map((o) => o.entryId)).size).toBe(offers.length)
}

describe('an offer cut short', () => {
  it('when the function died after holding the seat, before the entry said so and the push was written, then the sweep finishes it', async () => {
    const [first] = await k.fill('2026-10-12', 'c1')
    await k.join('o-c1', '2026-10-12')
    await k.cancel(first.openid, first.bookingId)
    const e = await entryOf('o-c1')
    await t.db
      .collection('waitlist')
      .doc(e._id)
      .update({ data: { offer: { ...e.offer, state: 'claiming', until: new Date(Date.parse('2026-09-28T01:01:00Z')) } } })
    await t.db.collection('messages').where({ openid: 'o-c1', event: 'waitlist.offered' }).remove()
    await t.db.collection('outbox').where({ recipient: 'o-c1', event: 'waitlist.offered' }).remove()
    expect(await k.offerOf('o-c1')).toBeUndefined()

    expect(await sweepAt('09:02')).toMatchObject({ finished: 1 })
    expect((await k.offerOf('o-c1'))?.slotId).toBe(first.slotId)
    expect(await k.messagesOf('o-c1', 'waitlist.offered')).toHaveLength(1)
    await expectWhole(first.slotId)
  })

  it('when a cancel died before passing its seat and an offer died after its claim, then the sweepers free the seat and offer it again', async () => {
    const [first] = await k.fill('2026-10-13', 'c2')
    await k.join('o-c2', '2026-10-13')
    // cancel's first write only: the booking is cancelled, its seat still held.
    await t.db
      .collection('bookings')
      .doc(first.bookingId)
      .update({
        data: { status: 'cancelled', cancelledAt: new Date(), cancelledBy: 'citizen', settleBy: new Date('2026-09-28T01:02:00Z') },
      })
    // An offer that claimed the entry and died before holding any seat.
    const e = await entryOf('o-c2')
    await t.db
      .collection('waitlist')
      .doc(e._id)
      .update({
        data: {
          seq: 1,
          offer: { id: 'wo-00000000000000000000', slotId: first.slotId, state: 'claiming', until: new Date('2026-09-28T01:01:00Z') },
        },
      })

    setBeijingNow(MONDAY, '09:03')
    expect((await t.trigger('appointment', 'tick', 'holdSweep')).ok).toBe(true)
    const report = await k.sweep()
    expect(report).toMatchObject({ lapsed: 1, offered: 1 })
    const offer = await k.offerOf('o-c2')
    expect(offer?.slotId).toBe(first.slotId)
    expect(offer?.offerId).not.toBe('wo-00000000000000000000')
    await expectWhole(first.slotId)
  })

  it('when leaving died before passing the held seat on, then the sweep passes it to the next entry', async () => {
    const [first] = await k.fill('2026-10-14', 'c3')
    await k.join('o-c3-a', '2026-10-14')
    setBeijingNow(MONDAY, '09:00', 1)
    await k.join('o-c3-b', '2026-10-14')
    setBeijingNow(MONDAY, '09:00')
    await k.cancel(first.openid, first.bookingId)
    expect((await k.offerOf('o-c3-a'))?.slotId).toBe(first.slotId)
    await t.db
      .collection('waitlist')
      .where({ openid: 'o-c3-a' })
      .update({ data: { status: 'left', offer: t.db.command.remove() } })

    expect(await sweepAt('09:02')).toMatchObject({ passed: 1 })
    expect((await k.offerOf('o-c3-b'))?.slotId).toBe(first.slotId)
    await expectWhole(first.slotId)
  })

  it('when confirming died after the booking was made, before the entry was marked, then the sweep marks it booked', async () => {
    const [first] = await k.fill('2026-10-15', 'c4')
    await k.join('o-c4', '2026-10-15')
    await k.cancel(first.openid, first.bookingId)
    const offer = (await k.offerOf('o-c4'))!
    const before = await entryOf('o-c4')
    const booked = dataOf(await k.accept('o-c4', offer.offerId))
    // As if the entry's last write had never happened.
    await t.db
      .collection('waitlist')
      .doc(before._id)
      .update({ data: { status: 'waiting', offer: before.offer, bookingId: t.db.command.remove(), bookedOffer: t.db.command.remove() } })

    expect(await sweepAt('09:02')).toMatchObject({ lapsed: 1 })
    expect((await k.mine('o-c4'))[0]).toMatchObject({ status: 'booked', bookingId: booked.bookingId })
    await expectWhole(first.slotId)
  })
})
