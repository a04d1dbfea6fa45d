/**
 * The booking path waits for at most 6 cloud round trips one after another (16 before its reads
 * and holds went out side by side). Counted, not timed: each request is held 20 ms and the chain
 * of requests sent only after the previous one answered is measured (tests/bench/booking.bench.ts).
 */
import { PASSPORT, startDemoCloud } from '../builders/demo'
import { applicant, newRequestId } from '../builders/people'
import { clearFakeNow, setBeijingNow } from '../builders/clock'
import { bookRoundTrips } from '../bench/booking.bench'
import type { TestCloud } from '../support/cloud'

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
  const call = (event: object, openid: string) => t.cloud.invoke('appointment', event, { openid }) as Promise<any>
  const slots = (await call({ action: 'listSlots', matterId: PASSPORT, date: '2026-09-29' }, 'o-look')).data.slots.map((s: any) => s.slotId)
  expect(
    (await call({ action: 'book', slotId: slots[0], matterId: PASSPORT, requestId: newRequestId(), ...applicant(1) }, 'o-warm')).ok,
  ).toBe(true)
  const trips = await bookRoundTrips(call, slots[1], 2)
  expect(trips.sequential).toBeLessThanOrEqual(6)
})
