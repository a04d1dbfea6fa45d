import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { appointmentContract } from '../../types/contracts'
import { apiOf, startTestCloud, type TestCloud } from '../support/cloud'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'

const functionsDir = mkdtempSync(join(tmpdir(), 'overbooking-fns-'))
let t: TestCloud

beforeAll(async () => {
  await buildFunctions(['appointment'], undefined, functionsDir)
  t = await startTestCloud({ functionsDir, seed: seedDemoCentre, indexes: INDEXES })
  setBeijingNow('2026-09-28', '09:00')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const appointment = apiOf(() => t, appointmentContract)

describe('a slot under a rush of bookings', () => {
  it('when 1,000 people book one slot of capacity 5 at once, then exactly 5 get it and the seats never go below 0', async () => {
    const matter = (await t.db.collection('matters').doc('m-passport').get()).data
    const windowId = matter.windowIds[0]
    await t.db
      .collection('schedules')
      .doc(windowId)
      .set({ data: { capacity: 5 } })
    const slotId = `${windowId}-20260929-1000`

    let lowest = Infinity
    let running = true
    const watch = (async () => {
      while (running) {
        // A watcher's read that waits behind the rush and times out is only one sample missed.
        const read = await t.db
          .collection('slot_seats')
          .where({ _id: slotId })
          .get()
          .catch(() => ({ data: [] }))
        if (read.data[0]) lowest = Math.min(lowest, read.data[0].remaining)
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        appointment({ action: 'book', slotId, matterId: 'm-passport', requestId: newRequestId(), ...applicant(i) }, `o-rush-${i}`),
      ),
    )
    running = false
    await watch

    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    expect(answers.filter((a) => !a.ok).every((a) => a.error.code === 'CONFLICT')).toBe(true)
    expect((await t.db.collection('bookings').where({ slotId, status: 'booked' }).count()).total).toBe(5)
    expect((await t.db.collection('slot_seats').doc(slotId).get()).data.remaining).toBe(0)
    expect(lowest).toBeGreaterThanOrEqual(0)
    expect((await t.db.collection('slot_seats').doc(slotId).get()).data.holders).toHaveLength(5)
    // The refused 995 gave back everything they took: no stray quota or lock, no pending booking.
    const quota = (
      await t.db
        .collection('booking_quota')
        .where({ active: t.db.command.gt(0) })
        .get()
    ).data
    expect(quota).toHaveLength(5)
    expect(quota.every((q) => q.active === 1 && q.holders.length === 1)).toBe(true)
    expect(
      (
        await t.db
          .collection('bookings')
          .where({ slotId, status: t.db.command.neq('booked') })
          .count()
      ).total,
    ).toBe(0)
  })
})
