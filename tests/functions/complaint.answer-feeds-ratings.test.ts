/**
 * The complainant's rating of a complaint's answer counts in 好差评 for whoever answered: the
 * rating function's sweep reads rated complaints from its watermark and records one rating each,
 * without a rater and without a 差评 loop.
 */
import { ratingContract } from '../../types/contracts'
import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { newRequestId } from '../support/people'
import { A, complaintClient, LEAD, startComplaintCloud, SUPERVISOR } from '../support/complaint'

let t: TestCloud
let c: ReturnType<typeof complaintClient>
const ratingApi = (cloud: TestCloud) => cloud.api(ratingContract)
let rating: ReturnType<typeof ratingApi>

beforeAll(async () => {
  t = await startComplaintCloud(['rating'])
  c = complaintClient(t)
  rating = ratingApi(t)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const sweep = async () => dataOf(await t.trigger('rating', 'tick', 'inviteSweep'))
const ratingsOf = async (complaintId: string) =>
  (await t.db.collection('ratings').where({ objectKind: 'complaint', objectId: complaintId }).limit(10).get()).data

/** A complaint answered (through `to` when given), resolved and rated by the complainant. */
async function ratedComplaint(rated: 'satisfied' | 'basic' | 'unsatisfied', over: Parameters<typeof c.filed>[1] = {}, to?: string) {
  const sent = await c.filed(A, over, to)
  if (to) dataOf(await c.call({ action: 'reply', complaintId: sent.id, text: '已核实并整改到位。' }, LEAD))
  else dataOf(await c.call({ action: 'decide', complaintId: sent.id, decision: 'accept' }, SUPERVISOR))
  dataOf(await c.call({ action: 'resolve', complaintId: sent.id, reply: '经核实，已督促整改。' }, SUPERVISOR))
  dataOf(
    await c.call(
      { action: 'rateAnswer', trackingNo: sent.trackingNo, password: sent.password, rating: rated, comment: '回电13912345678' },
      A,
    ),
  )
  return sent
}

describe('the answer’s rating in 好差评', () => {
  it('when a transferred complaint’s answer is rated 不满意, then one 差评 of kind complaint counts for that department, with no rater and no loop, even if the sweep runs twice', async () => {
    setBeijingNow('2026-10-12', '09:00')
    const sent = await ratedComplaint('unsatisfied', { anonymous: true, contactPhone: undefined }, 'dept-crj')
    setBeijingNow('2026-10-12', '09:05')
    await sweep()
    await sweep()
    const [r, ...more] = await ratingsOf(sent.id)
    expect(more).toEqual([])
    expect(r).toMatchObject({
      objectKind: 'complaint',
      channel: 'offline',
      departmentId: 'dept-crj',
      level: 'dissatisfied',
      bad: true,
      isDefault: false,
      loopOpen: false,
      openid: '',
      month: '2026-10',
      text: '回电139****5678',
    })
    expect(r.loop).toBeUndefined()
    expect(JSON.stringify(r)).not.toContain(A)
    expect(JSON.stringify(r)).not.toContain(sent.trackingNo)
    // The province report follows, and the department's 差评 worklist (the loop) does not list it.
    expect((await t.db.collection('rating_reports').where({ _id: r._id }).limit(1).get()).data[0]).toMatchObject({
      pjdx: '投诉答复',
      pjqd: '2',
    })
    expect(dataOf(await rating({ action: 'departmentBad' }, LEAD)).items.map((i) => i.objectId)).not.toContain(sent.id)

    const row = dataOf(await rating({ action: 'stats', month: '2026-10', departmentId: 'dept-crj' }, A)).departments[0]
    expect(row).toMatchObject({ departmentId: 'dept-crj', ratings: 1, active: 1, bad: 1, badRate: 1 })
  })

  it('when the office answered itself, then 满意 and 基本满意 count as 好评 for the centre office', async () => {
    setBeijingNow('2026-10-13', '09:00')
    const a = await ratedComplaint('satisfied', { about: { kind: 'centre' } })
    const b = await ratedComplaint('basic', { about: { kind: 'centre' } })
    setBeijingNow('2026-10-13', '09:05')
    await sweep()
    expect((await ratingsOf(a.id))[0]).toMatchObject({ departmentId: 'dept-office', level: 'satisfied', bad: false })
    expect((await ratingsOf(b.id))[0]).toMatchObject({ departmentId: 'dept-office', level: 'basic', bad: false })
    const row = dataOf(await rating({ action: 'stats', month: '2026-10', departmentId: 'dept-office' }, A)).departments[0]
    expect(row).toMatchObject({ ratings: 2, active: 2, goodRate: 1, bad: 0 })
  })

  it('when someone tries to rate a complaint through the rating function, then it is not found', async () => {
    setBeijingNow('2026-10-14', '09:00')
    const sent = await c.filed(A)
    const r = await rating(
      { action: 'rate', objectKind: 'complaint', objectId: sent.id, level: 'satisfied', tags: [], text: '', requestId: newRequestId() },
      A,
    )
    expect(codeOf(r)).toBe('NOT_FOUND')
  })
})
