/** The office is told once per complaint and deadline when the decision or the final reply is past due (the complaint function's tick). */
import { builtInCalendar } from '../../types/domain/working-days'
import { setBeijingNow } from '../support/clock'
import { dataOf } from '../support/calls'
import { A, complaintClient, startComplaintCloud, SUPERVISOR } from '../support/complaint'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startComplaintCloud())
const c = kitFor(() => complaintClient(t))

const sweep = async () => dataOf(await t.trigger('complaint', 'tick', 'overdueSweep'))
const noticesOf = async (complaintId: string) =>
  (await t.db.collection('messages').where({ event: 'complaint.overdue' }).limit(100).get()).data.filter((m) =>
    String(m.subjectId).startsWith(`${complaintId}:`),
  )
const nextDay = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10)

describe('the overdue sweep', () => {
  it('when the decision is past due, then each supervisor gets one message-only notice opening the staff page; a second run writes nothing; the reply’s deadline is told again later', async () => {
    setBeijingNow('2026-09-21', '09:00')
    const sent = await c.filed(A, { anonymous: true, contactPhone: undefined, about: { kind: 'window', windowId: 'win-01' } })

    // On the due date itself nothing is overdue.
    setBeijingNow(sent.decideDue, '17:00')
    await sweep()
    expect(await noticesOf(sent.id)).toEqual([])

    setBeijingNow(nextDay(sent.decideDue), '09:05')
    await sweep()
    const told = await noticesOf(sent.id)
    const supervisors = (await t.db.collection('staff').where({ role: 'supervisor', active: true }).limit(50).get()).data
    expect(told.map((m) => m.openid).sort()).toEqual(supervisors.map((s) => String(s.openid)).sort())
    expect(told[0]).toMatchObject({
      title: '投诉超期：受理决定',
      body: expect.stringContaining(`${sent.decideDue}已过`),
      page: expect.stringContaining(`id=${sent.id}`),
    })
    // Nothing names the complaint's tracking number or reaches the complainant.
    expect(JSON.stringify(told)).not.toContain(sent.trackingNo)
    expect(told.every((m) => m.openid !== A)).toBe(true)

    await sweep()
    expect(await noticesOf(sent.id)).toHaveLength(told.length)

    // Accepted late: the reply's deadline is another one, told once after it passes.
    const accepted = dataOf(await c.call({ action: 'decide', complaintId: sent.id, decision: 'accept' }, SUPERVISOR))
    const resolveDue = accepted.resolveDue!
    expect(resolveDue).toBe(builtInCalendar.addWorkingDays(nextDay(sent.decideDue), 10))
    setBeijingNow(nextDay(resolveDue), '09:05')
    await sweep()
    await sweep()
    const all = await noticesOf(sent.id)
    expect(all).toHaveLength(told.length * 2)
    expect(all.filter((m) => m.title === '投诉超期：办结答复')).toHaveLength(told.length)
  })

  it('when a complaint was refused or resolved in time, then it is never told', async () => {
    setBeijingNow('2026-09-21', '09:00')
    const sent = await c.filed(A)
    dataOf(await c.call({ action: 'decide', complaintId: sent.id, decision: 'notAccept', reason: '不属于本中心受理范围' }, SUPERVISOR))
    setBeijingNow('2026-11-02', '09:05')
    await sweep()
    expect(await noticesOf(sent.id)).toEqual([])
  })

  it('when the timer ticks at minute 5 of an hour, then the sweep runs as part of the function’s one tick', async () => {
    setBeijingNow('2026-11-02', '10:05')
    const r = dataOf(await t.trigger('complaint', 'tick'))
    expect(r).toHaveProperty('overdueSweep')
  })
})
