/**
 * An ID number typed into a booking is nobody's proof of anything: it must never block, bar or
 * limit the person it belongs to. Account B (a stranger) books with A's ID number; A must still
 * book, B's no-shows must bar B only, and staff see both bookings flagged.
 */
import { ID_SHARED_WARNING } from '../../types/domain/booking'
import { A, B, PASSPORT, STAFF, startDemoCloud } from '../support/demo'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import type { TestCloud } from '../support/cloud'
import { appointmentCalls } from '../support/appointment'
import { dataOf } from '../support/calls'

let t: TestCloud
const MONDAY = '2026-09-28'
/** 张伟's own ID number, as A types it; B types the same under another name. */
const HOLDER = applicant(8100, { name: '张伟' })
const SQUATTER = { ...HOLDER, name: '王五', phone: '13900008888' }

beforeAll(async () => {
  t = await startDemoCloud(['appointment', 'queue'])
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow(MONDAY, '09:00'))

const { appointment, slotsOn } = appointmentCalls(() => t)
const book = (openid: string, slotId: string, who: ReturnType<typeof applicant>, matterId = PASSPORT) =>
  appointment({ action: 'book', slotId, matterId, requestId: newRequestId(), ...who }, openid)

describe('someone else books with my ID number', () => {
  it("when B has booked the matter with A's ID number, then A's own booking still succeeds and staff see both flagged", async () => {
    const [first, second] = await slotsOn('2026-09-29')
    const squat = await book(B, first.slotId, SQUATTER)
    expect(squat.ok).toBe(true)

    const own = await book(A, second.slotId, HOLDER)
    expect(own).toMatchObject({ ok: true, data: { bookingId: expect.stringMatching(/^bk-/) } })

    const day = await appointment({ action: 'daySchedule', date: '2026-09-29' }, STAFF)
    const flagged = dataOf(day)
      .bookings.filter((b) => b.warnings?.includes(ID_SHARED_WARNING))
      .map((b) => b.bookingId)
    const squatId = dataOf(squat).bookingId
    const ownId = dataOf(own).bookingId
    expect(flagged.sort()).toEqual([squatId, ownId].sort())
    // A citizen's own view never tells them that someone else booked with the same number.
    expect(dataOf(await appointment({ action: 'getBooking', bookingId: squatId }, B)).warnings).toBeUndefined()

    // Once the squatter's booking is gone, nothing is flagged any more.
    expect((await appointment({ action: 'cancel', bookingId: squatId }, B)).ok).toBe(true)
    const after = await appointment({ action: 'daySchedule', date: '2026-09-29' }, STAFF)
    expect(dataOf(after).bookings.find((b) => b.bookingId === ownId)!.warnings).toBeUndefined()
  })

  it("when B leaves three bookings in A's name unattended, then B is barred and A is not", async () => {
    const matters = (await t.db.collection('matters').where({ 'flags.appointment': true }).limit(3).get()).data
    const dates = ['2026-09-30', '2026-10-08', '2026-10-09']
    for (const [i, m] of matters.entries()) {
      const [slot] = await slotsOn(dates[i], m._id)
      expect((await book('o-squatter', slot.slotId, SQUATTER, m._id)).ok).toBe(true)
    }
    setBeijingNow('2026-10-09', '18:00')
    expect((await t.trigger('appointment', 'tick', 'noShowSweep')).ok).toBe(true)
    expect((await t.db.collection('no_shows').where({ openid: 'o-squatter' }).count()).total).toBe(3)

    setBeijingNow('2026-10-12', '09:00')
    const [slot] = await slotsOn('2026-10-13')
    expect(await book('o-squatter', slot.slotId, applicant(8101))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('爽约3次') },
    })
    expect(await book(A, slot.slotId, HOLDER)).toMatchObject({ ok: true })
  })

  it('when the verified-identity seam has nothing, then every booking is stored as unverified', async () => {
    const { data } = await t.db.collection('bookings').limit(100).get()
    expect(data.length).toBeGreaterThan(0)
    expect(data.every((b) => b.verified === false)).toBe(true)
  })
})
