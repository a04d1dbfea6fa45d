/** Conditional updates are atomic: the booking pattern a function relies on holds under a rush of invocations. */
import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud

beforeAll(async () => {
  t = await startTestCloud({ functionsDir: await buildFixtures(['probe']) })
})
afterAll(() => t?.close())

describe('atomic conditional updates', () => {
  it('when 500 invocations book a slot with capacity 10 at once, then exactly 10 succeed and the slot holds 10', async () => {
    await t.db.collection('slots').add({ data: { _id: 's1', booked: 0 } })
    const results = (await Promise.all(
      Array.from({ length: 500 }, () => t.cloud.invoke('probe', { action: 'book', slotId: 's1', cap: 10 })),
    )) as Array<{ ok: boolean }>
    expect(results.filter((r) => r.ok)).toHaveLength(10)
    expect((await t.db.collection('slots').doc('s1').get()).data).toMatchObject({ booked: 10 })
  })
})
