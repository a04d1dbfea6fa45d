/** An account holds at most 2 waiting walk-in tickets a day, however many requests it sends at once. */
import { startDemoCloud } from '../support/demo'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { apiOf, type TestCloud } from '../support/cloud'
import { dataOf } from '../support/calls'
import { queueContract } from '../../types/contracts'

let t: TestCloud
let matters: Array<{ _id: string; windowIds: string[] }>
const DAY = '2026-09-28'

beforeAll(async () => {
  t = await startDemoCloud(['queue'])
  setBeijingNow(DAY, '09:10')
  // Four matters with windows; calls are made by the administrator, who acts at every window.
  matters = (await t.db.collection<(typeof matters)[number]>('matters').limit(40).get()).data.filter((m) => m.windowIds?.length).slice(0, 4)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const queue = apiOf(() => t, queueContract)
const waiting = async (openid: string) => (await t.db.collection('tickets').where({ openid, status: 'waiting' }).get()).data

describe('waiting tickets per account', () => {
  it('when one account sends 20 takeTickets across 4 matters at once, then it holds exactly 2 waiting tickets, one per matter', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => queue({ action: 'takeTicket', matterId: matters[i % 4]._id }, 'o-remote-1')),
    )
    const held = await waiting('o-remote-1')
    expect(held).toHaveLength(2)
    expect(new Set(held.map((h) => h.matterId)).size).toBe(2)
    // Every answer for a matter that got its ticket is that one ticket; the others say why not.
    for (const [i, a] of answers.entries()) {
      const mine = held.find((h) => h.matterId === matters[i % 4]._id)
      if (mine) expect(a).toMatchObject({ ok: true, data: { ticket: { ticketId: mine._id } } })
      else expect(a).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('最多同时保留2张') } })
    }
    expect((await t.db.collection('queue_holds').doc(`${DAY}:o-remote-1`).get()).data).toMatchObject({ waiting: 2 })
  })

  it('when one of them is called, then the account may take another', async () => {
    const held = await waiting('o-remote-1')
    const window = (await t.db.collection('windows').where({ queuePrefix: held[0].prefix }).limit(1).get()).data[0]
    // Nobody else queues today, so the window calls one of the account's tickets.
    const called = await queue({ action: 'callNext', windowId: window._id }, 'demo-admin')
    expect(held.map((h) => h._id)).toContain(dataOf(called).ticket!.ticketId)
    const other = matters.find((m) => !held.some((h) => h.matterId === m._id))!
    expect(await queue({ action: 'takeTicket', matterId: other._id }, 'o-remote-1')).toMatchObject({
      ok: true,
      data: { ticket: { status: 'waiting' } },
    })
    expect(await waiting('o-remote-1')).toHaveLength(2)
  })

  it('when a hold was left by a request that died before writing its ticket, then after a minute it no longer counts', async () => {
    const _id = `${DAY}:o-remote-2`
    await t.db.collection('queue_holds').add({
      data: {
        _id,
        date: DAY,
        openid: 'o-remote-2',
        waiting: 2,
        held: [
          { matterId: matters[0]._id, at: new Date(`${DAY}T09:00:00+08:00`) },
          { matterId: matters[1]._id, at: new Date(`${DAY}T09:00:00+08:00`) },
        ],
      },
    })
    const r = await queue({ action: 'takeTicket', matterId: matters[2]._id }, 'o-remote-2')
    expect(r).toMatchObject({ ok: true, data: { ticket: { status: 'waiting' } } })
    // The stale matter's own request also gets a fresh ticket instead of waiting for one that never comes.
    expect(await queue({ action: 'takeTicket', matterId: matters[0]._id }, 'o-remote-2')).toMatchObject({
      ok: true,
      data: { ticket: { status: 'waiting' } },
    })
    expect((await t.db.collection('queue_holds').doc(_id).get()).data).toMatchObject({ waiting: 2 })
  })
})
