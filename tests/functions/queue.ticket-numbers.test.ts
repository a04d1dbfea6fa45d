/** Ticket numbers of a window group: each one once, even when the day's counter is behind its tickets. */
import { queueContract } from '../../types/contracts'
import { dataOf } from '../support/calls'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { apiOf, type TestCloud } from '../support/cloud'
import { startDemoCloud } from '../support/demo'

let t: TestCloud
const DAY = '2026-09-28'

beforeAll(async () => {
  t = await startDemoCloud(['queue'])
  setBeijingNow(DAY, '09:10')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const queue = apiOf(() => t, queueContract)

describe('ticket numbers', () => {
  it('when the counter has fallen behind the tickets already issued (a restored backup), then the next ticket skips the taken numbers', async () => {
    const first = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-numbers-1')).ticket
    const second = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-numbers-2')).ticket
    const counter = (await t.db.collection('queue_counters').where({ last: 2 }).get()).data
    expect(counter).toHaveLength(1)
    await t.db
      .collection('queue_counters')
      .doc(String(counter[0]._id))
      .update({ data: { last: 0 } })

    const third = await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-numbers-3')
    expect(third).toMatchObject({ ok: true, data: { ticket: { status: 'waiting' } } })
    const labels = [first.label, second.label, dataOf(third).ticket.label]
    expect(new Set(labels).size).toBe(3)
    expect((await t.db.collection('tickets').where({ date: DAY }).count()).total).toBe(3)
  })
})
