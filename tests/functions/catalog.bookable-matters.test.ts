/**
 * 预约办事: only bookable matters, grouped by department, the most booked in the last 30 days first;
 * a search narrows it.
 */
import { catalogContract } from '../../types/contracts'
import { matters, departments } from '../../local/seed'
import { dataOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { startDemoCloud } from '../support/demo'
import { cloudForFile } from '../support/for-file'

const t = cloudForFile(() => startDemoCloud(['catalog']))
const bookable = async (q?: string) => dataOf(await t.api(catalogContract)({ action: 'bookableMatters', ...(q ? { q } : {}) })).departments

beforeAll(() => setBeijingNow('2026-11-02', '09:00'))

describe('预约办事', () => {
  it('when it opens, then exactly the bookable matters are listed, each under its own department', async () => {
    const listed = await bookable()
    const ids = listed.flatMap((d) => d.matters.map((m) => m.id)).sort()
    expect(ids).toEqual(
      matters
        .filter((m) => m.flags.appointment)
        .map((m) => m.id)
        .sort(),
    )
    for (const d of listed) for (const m of d.matters) expect(matters.find((x) => x.id === m.id)?.departmentId).toBe(d.id)
  })

  it('when people booked a matter of a later department this month, then that department and matter come first; older bookings do not count', async () => {
    const first = (await bookable())[0]
    const later = departments
      .filter((d) => d.id !== first.id)
      .map((d) => ({ d, ms: matters.filter((m) => m.departmentId === d.id && m.flags.appointment) }))
      .find((x) => x.ms.length >= 2)!
    const popular = later.ms[later.ms.length - 1]
    const booking = (n: number, date: string) => ({
      _id: `bk-pop-${date}-${n}`,
      code: `POP${date}${n}`,
      matterId: popular.id,
      date,
      status: 'booked',
    })
    await t.db.collection('bookings').add({ data: [1, 2, 3].map((n) => booking(n, '2026-10-20')) })
    // Two months old: outside the 30 days.
    await t.db.collection('bookings').add({ data: [1, 2, 3, 4, 5].map((n) => booking(n, '2026-08-20')) })
    const listed = await bookable()
    expect(listed[0].id).toBe(later.d.id)
    expect(listed[0].matters[0]).toEqual({ id: popular.id, name: popular.name, booked: 3 })
  })

  it('when the citizen searches, then only matching bookable matters remain', async () => {
    const listed = await bookable('护照')
    expect(listed.flatMap((d) => d.matters.map((m) => m.name))).toEqual(['普通护照签发'])
    expect(await bookable('没有这个事项')).toEqual([])
  })
})
