/**
 * The booking path waits for at most 6 cloud round trips one after another (16 before its reads
 * and holds went out side by side). Counted, not timed: each request is held 20 ms and the chain
 * of requests sent only after the previous one answered is measured (tests/support/round-trips.ts).
 */
import { PASSPORT, startDemoCloud } from '../support/demo'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { bookRoundTrips } from '../support/round-trips'
import type { TestCloud } from '../support/cloud'
import { dataOf } from '../support/calls'
import { appointmentContract } from '../../types/contracts'

let t: TestCloud

beforeAll(async () => {
  t = await startDemoCloud(['appointment'])
  setBeijingNow('2026-09-28', '09:00')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

it('when a warm instance books, then it waits for at most 6 round trips in sequence', async () => {
  const call = t.api(appointmentContract, { inProcess: true })
  const slots = dataOf(await call({ action: 'listSlots', matterId: PASSPORT, date: '2026-09-29' }, 'o-look')).slots.map((s) => s.slotId)
  expect(
    (await call({ action: 'book', slotId: slots[0], matterId: PASSPORT, requestId: newRequestId(), ...applicant(1) }, 'o-warm')).ok,
  ).toBe(true)
  const trips = await bookRoundTrips(call, slots[1], 2)
  expect(trips.sequential).toBeLessThanOrEqual(6)
})
