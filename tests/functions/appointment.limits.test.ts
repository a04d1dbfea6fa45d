/** Per-account limits hold under bursts: each is one conditional update, never a read-then-write. */
import { PASSPORT, startDemoCloud } from '../support/demo'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import type { TestCloud } from '../support/cloud'
import { appointmentCalls } from '../support/appointment'

let t: TestCloud

beforeAll(async () => {
  t = await startDemoCloud(['appointment'])
  setBeijingNow('2026-09-28', '09:00')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const { appointment, slotsOn } = appointmentCalls(() => t)

describe('one account, twenty requests at once', () => {
  it('when an account sends 20 bookings for 20 people at once, then exactly 3 are kept and the rest are refused for the quota', async () => {
    const slots = [...(await slotsOn('2026-10-12')), ...(await slotsOn('2026-10-13'))]
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appointment(
          { action: 'book', slotId: slots[i].slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(6000 + i) },
          'o-burst-1',
        ),
      ),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(3)
    expect(answers.filter((a) => !a.ok).every((a) => a.error.code === 'CONFLICT' && a.error.message.includes('最多同时保留3个'))).toBe(true)
    expect((await t.db.collection('bookings').where({ openid: 'o-burst-1', status: 'booked' }).count()).total).toBe(3)
    expect(
      (
        await t.db
          .collection('bookings')
          .where({ openid: 'o-burst-1', status: t.db.command.neq('booked') })
          .count()
      ).total,
    ).toBe(0)
    expect((await t.db.collection('booking_quota').doc('o-burst-1').get()).data).toMatchObject({ active: 3, holders: expect.any(Array) })
    // Every refused request gave its seat back: the seats held are exactly the 3 bookings'.
    const seats = (
      await t.db
        .collection('slot_seats')
        .where({ date: t.db.command.in(['2026-10-12', '2026-10-13']) })
        .get()
    ).data
    const kept = answers.filter((a) => a.ok).map((a) => a.data.bookingId)
    expect(seats.flatMap((s) => s.holders).sort()).toEqual(kept.sort())
    expect(seats.every((s) => s.remaining === s.capacity - s.holders.length)).toBe(true)
  })

  it('when an account books the same person for one matter 20 times at once, then exactly one booking is made', async () => {
    const slots = await slotsOn('2026-10-14')
    const person = applicant(6100)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appointment(
          { action: 'book', slotId: slots[i % slots.length].slotId, matterId: PASSPORT, requestId: newRequestId(), ...person },
          'o-burst-2',
        ),
      ),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).every((a) => a.error.code === 'CONFLICT')).toBe(true)
    expect((await t.db.collection('booking_quota').doc('o-burst-2').get()).data).toMatchObject({ active: 1 })
  })

  it('when 20 accounts book with one ID number at once, then each gets its booking: a typed ID number blocks nobody', async () => {
    const slots = [...(await slotsOn('2026-10-15')), ...(await slotsOn('2026-10-16'))]
    const person = applicant(6200)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appointment(
          { action: 'book', slotId: slots[i].slotId, matterId: PASSPORT, requestId: newRequestId(), ...person },
          `o-burst-3-${i}`,
        ),
      ),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(20)
  })
})
