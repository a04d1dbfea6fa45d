/** Quota documents from before holds named their bookings (a bare count) are adopted by the hold sweep. */
import { clearFakeNow, setBeijingNow } from '../support/clock'
import type { TestCloud } from '../support/cloud'
import { startDemoCloud } from '../support/demo'

let t: TestCloud

beforeAll(async () => {
  t = await startDemoCloud(['appointment'])
  setBeijingNow('2026-09-28', '09:00')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

describe('quota documents without named holds', () => {
  it('when a quota counts bookings but names none, then the sweep rebuilds it from the bookings, and leaves named ones alone', async () => {
    await t.db.collection('booking_quota').add({ data: { _id: 'o-legacy', active: 2 } })
    await t.db.collection('booking_quota').add({ data: { _id: 'o-named', active: 0, holders: [] } })
    await t.trigger('appointment', 'tick', 'holdSweep')
    expect((await t.db.collection('booking_quota').doc('o-legacy').get()).data).toMatchObject({ active: 0, holders: [] })
    expect((await t.db.collection('booking_quota').doc('o-named').get()).data).toMatchObject({ active: 0, holders: [] })
    expect(t.logs().filter((l) => l.includes('索引提示') && l.includes('booking_quota'))).toEqual([])
  })
})
