/**
 * 候补 under a race: a full day, 200 citizens waiting, then 50 cancellations, the waiters
 * confirming or declining what they are offered, outsiders trying to book the freed seats, and
 * the sweep, all at once. Afterwards no seat is offered to two people, no held seat was booked by
 * someone else, and no seat is lost: every seat is booked, held for one entry, or free only
 * because nobody is left to offer it to.
 */
import { PASSPORT, startDemoCloud } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'
import { setBeijingNow } from '../support/clock'
import { dataOf } from '../support/calls'
import { applicant, newRequestId } from '../support/people'
import { slotOf, waitlistKit } from '../support/waitlist'

const t = cloudForFile(() => startDemoCloud(['appointment']))
const k = kitFor(() => waitlistKit(t))
const DATE = '2026-10-12'
const WINDOWS = ['win-01', 'win-02']
const STARTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']
const SLOTS = WINDOWS.flatMap((w) => STARTS.map((s) => slotOf(DATE, s, w)))
const CAPACITY = 5

interface Seat {
  _id: string
  capacity: number
  remaining: number
  holders: string[]
  offers?: Array<{ id: string; entryId: string; openid: string }>
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function inBatches<T, R>(items: T[], size: number, run: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((x, j) => run(x, i + j)))))
  return out
}

beforeAll(async () => {
  setBeijingNow('2026-09-28', '09:00')
  await Promise.all(
    WINDOWS.map((id) =>
      t.db
        .collection('schedules')
        .doc(id)
        .set({ data: { periods: [{ start: '09:00', end: '12:00' }], capacity: CAPACITY } }),
    ),
  )
}, 60_000)

describe('50 cancellations and 200 waiting citizens at once', () => {
  it('when they race, then no seat is offered twice, none held is booked by another, and none is lost', async () => {
    // The day is full: 60 seats, 60 bookings.
    const fillers = await inBatches(
      SLOTS.flatMap((slotId) =>
        Array.from({ length: CAPACITY }, (_, i) => ({ slotId, openid: `o-full-${slotId.slice(-4)}-${slotId.slice(4, 6)}-${i}` })),
      ),
      20,
      async (f) => ({ ...f, ...(await k.book(f.openid, f.slotId)) }),
    )
    expect(fillers).toHaveLength(60)

    // 200 waiting, each joining a moment after the one before; every fourth books automatically.
    const waiters = Array.from({ length: 200 }, (_, i) => `o-wait-${i}`)
    for (const [i, openid] of waiters.entries()) {
      // 10 ms apart (the functions read LOCAL_FAKE_NOW: tests/support/clock.ts).
      process.env.LOCAL_FAKE_NOW = new Date(Date.parse('2026-09-28T01:00:00Z') + i * 10).toISOString()
      dataOf(await k.join(openid, DATE, { half: 'any', windowId: undefined, auto: i % 4 === 0 }))
    }
    setBeijingNow('2026-09-28', '09:05')

    let running = true
    const outsiderBookings: string[] = []
    const outsiders = (async () => {
      for (let round = 0; running; round++) {
        const answers = await Promise.all(
          SLOTS.slice(0, 6).map((slotId, i) =>
            k.appointment(
              { action: 'book', slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(50_000 + round * 10 + i) },
              `o-out-${round}-${i}`,
            ),
          ),
        )
        for (const a of answers) if (a.ok) outsiderBookings.push(a.data.bookingId)
        await pause(5)
      }
    })()
    // Waiters look for an offer and confirm it; one in ten declines its first.
    const responders = (async () => {
      const declined = new Set<string>()
      while (running) {
        await inBatches(waiters, 40, async (openid, i) => {
          const offer = await k.offerOf(openid)
          if (!offer) return
          if (i % 10 === 5 && !declined.has(openid)) {
            declined.add(openid)
            await k.decline(openid, offer.offerId)
          } else await k.accept(openid, offer.offerId)
        })
      }
    })()
    const sweeps = (async () => {
      while (running) {
        expect((await t.trigger('appointment', 'tick', 'waitlistSweep')).ok).toBe(true)
        await pause(20)
      }
    })()

    const cancels = await Promise.all(fillers.slice(0, 50).map((f) => k.cancel(f.openid, f.bookingId)))
    expect(cancels.every((c) => c.ok)).toBe(true)
    await pause(300)
    running = false
    await Promise.all([outsiders, responders, sweeps])
    // One last round: the sweep, and every open offer confirmed.
    await k.sweep()
    for (const openid of waiters) {
      const offer = await k.offerOf(openid)
      if (offer) expect((await k.accept(openid, offer.offerId)).ok).toBe(true)
    }

    const seats = (await t.db.collection('slot_seats').where({ date: DATE }).get()).data as Seat[]
    const live = (
      await t.db
        .collection('bookings')
        .where({ date: DATE, status: t.db.command.in(['booked', 'pending']) })
        .limit(1000)
        .get()
    ).data as Array<{ _id: string; slotId: string; openid: string; status: string }>
    const entries = (await t.db.collection('waitlist').where({ matterId: PASSPORT }).limit(1000).get()).data as Array<{
      _id: string
      openid: string
      status: string
      bookingId?: string
      offer?: unknown
    }>

    // Every seat: free, booked, or held for one offer; never below zero; no entry offered two seats.
    const allOffers = seats.flatMap((s) => s.offers ?? [])
    for (const s of seats) {
      expect(s.remaining).toBeGreaterThanOrEqual(0)
      expect(s.remaining + s.holders.length + (s.offers ?? []).length).toBe(s.capacity)
      // The seat's holders are exactly its live bookings: a held seat never went to another booking.
      expect([...s.holders].sort()).toEqual(
        live
          .filter((b) => b.slotId === s._id)
          .map((b) => b._id)
          .sort(),
      )
    }
    expect(new Set(allOffers.map((o) => o.entryId)).size).toBe(allOffers.length)
    expect(new Set(allOffers.map((o) => o.id)).size).toBe(allOffers.length)
    // Nobody outside the queue got a freed seat, and no waiter holds two bookings.
    expect(outsiderBookings).toEqual([])
    const byAccount = new Map<string, number>()
    for (const b of live) byAccount.set(b.openid, (byAccount.get(b.openid) ?? 0) + 1)
    expect([...byAccount.values()].every((n) => n === 1)).toBe(true)
    // The 50 freed seats all went to waiters, as bookings or as offers still open.
    const waiterBookings = live.filter((b) => b.openid.startsWith('o-wait-'))
    expect(waiterBookings.length + allOffers.length).toBe(50)
    expect(seats.reduce((n, s) => n + s.remaining, 0)).toBe(0)
    expect(entries.filter((e) => e.status === 'booked')).toHaveLength(waiterBookings.length)
    for (const e of entries.filter((x) => x.status === 'booked')) expect(waiterBookings.map((b) => b._id)).toContain(e.bookingId)
  }, 300_000)
})
