import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { applicant, newRequestId } from '../builders/people'
import { clearFakeNow, setBeijingNow } from '../builders/clock'

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

describe('a slot under a rush of bookings', () => {
  it('when 1,000 people book one slot of capacity 5 at once, then exactly 5 get it and the seats never go below 0', async () => {
    const matter = (await t.db.collection('matters').doc('m-passport').get()).data
    const windowId = matter.windowIds[0]
    await t.db.collection('schedules').doc(windowId).set({ data: { capacity: 5 } })
    const slotId = `${windowId}-20260929-1000`

    let lowest = Infinity
    let running = true
    const watch = (async () => {
      while (running) {
        const { data } = await t.db.collection('slot_seats').where({ _id: slotId }).get()
        if (data[0]) lowest = Math.min(lowest, data[0].remaining)
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    const answers: any[] = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        t.call('appointment', { action: 'book', slotId, matterId: 'm-passport', requestId: newRequestId(), ...applicant(i) }, `o-rush-${i}`),
      ),
    )
    running = false
    await watch

    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    expect(answers.filter((a) => !a.ok).every((a) => a.error.code === 'CONFLICT')).toBe(true)
    expect((await t.db.collection('bookings').where({ slotId, status: 'booked' }).count()).total).toBe(5)
    expect((await t.db.collection('slot_seats').doc(slotId).get()).data.remaining).toBe(0)
    expect(lowest).toBeGreaterThanOrEqual(0)
    // The refused 995 gave back everything they took: no stray locks or quota.
    expect((await t.db.collection('booking_locks').count()).total).toBe(5)
    const quota = (await t.db.collection('booking_quota').where({ active: t.db.command.gt(0) }).count()).total
    expect(quota).toBe(5)
  })
})
