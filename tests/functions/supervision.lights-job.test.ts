import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { dataOf } from '../support/calls'
import { A, LEAD, STAFF, startSupervisionCloud, supervisionClient } from '../support/supervision'

/**
 * The 15-minute relight job: it turns cases yellow and red as days pass without anyone acting,
 * writes each change (audit, notices) once however often it runs, does a bounded share of the
 * open cases per run and goes on from there the next time, and closes the light of a closed case.
 */
let t: TestCloud
let s: ReturnType<typeof supervisionClient>
beforeAll(async () => {
  t = await startSupervisionCloud()
  s = supervisionClient(t)
})
afterAll(async () => {
  clearFakeNow()
  await t.close()
})

interface Report {
  processed: number
  closed: number
  failed: number
  roundDone: boolean
}
const run = async () => dataOf(await s.relight()) as unknown as Report

describe('the relight job', () => {
  let template: string
  const copies: string[] = []

  it('when it runs twice at the same moment, then the second run changes nothing and tells nobody again', async () => {
    setBeijingNow('2026-11-02', '10:00')
    template = await s.cases.caseIn('in_process', A, 1)
    setBeijingNow('2026-11-12', '09:00')
    await run()
    const after1 = {
      light: await s.lightOf(template),
      audit: await s.lightAudit(template),
      staff: await s.lightMessages(STAFF),
      lead: await s.lightMessages(LEAD),
    }
    expect(after1.light).toMatchObject({ light: 'red', changes: 1 })
    expect(after1.light!.pending).toBeUndefined()
    await run()
    expect(await s.lightOf(template)).toMatchObject({ light: 'red', changes: 1, redSince: after1.light!.redSince })
    expect(await s.lightAudit(template)).toHaveLength(after1.audit.length)
    expect(await s.lightMessages(STAFF)).toHaveLength(after1.staff.length)
    expect(await s.lightMessages(LEAD)).toHaveLength(1)
    expect(await s.codesOf(template)).toEqual(['overdue'])
  })

  it('when a change was cut short after its write, then the next run writes its audit entry and notices', async () => {
    // The state a crash between the light's write and its follow-up leaves: the pending change.
    const l = (await s.lightOf(template))!
    await t.db
      .collection('audit')
      .where({ _id: `lt-${template}-1` })
      .remove()
    await t.db
      .collection('messages')
      .where({ subjectId: `${template}:1` })
      .remove()
    await t.db
      .collection('case_lights')
      .doc(template)
      .update({ data: { pending: { seq: 1, from: 'green', to: 'red', reasons: l.reasons, at: new Date(), by: 'job' } } })
    await run()
    expect((await s.lightOf(template))!.pending).toBeUndefined()
    expect(await s.lightAudit(template)).toHaveLength(1)
    expect(await s.lightMessages(LEAD)).toHaveLength(1)
  })

  it('when there are more open cases than one run may do, then it does its share and the next run goes on from there', async () => {
    await t.db.collection('settings').add({ data: { _id: 'supervision_policy', relightPerRun: 50 } })
    const { data } = await t.db.collection('cases').where({ _id: template }).get()
    const { _id, caseNo, ...doc } = data[0] as { _id: string; caseNo: string }
    for (let i = 0; i < 60; i++) {
      const id = `cs-${String(i).padStart(4, '0')}${'0'.repeat(16)}`
      copies.push(id)
      await t.db.collection('cases').add({ data: { ...doc, _id: id, caseNo: `${caseNo.slice(0, -4)}${String(9000 + i)}` } })
    }
    expect(_id).toBe(template)
    const first = await run()
    expect(first).toMatchObject({ processed: 50, roundDone: false, failed: 0 })
    const lit = async () => (await Promise.all(copies.map((c) => s.lightOf(c)))).filter(Boolean).length
    expect(await lit()).toBe(50)
    const second = await run()
    expect(second).toMatchObject({ roundDone: true, failed: 0 })
    expect(second.processed).toBeLessThanOrEqual(50)
    expect(await lit()).toBe(60)
    await t.db.collection('settings').where({ _id: 'supervision_policy' }).remove()
  })

  it('when a case closed without its light following, then the job closes the light', async () => {
    const id = copies[0]
    await t.db
      .collection('cases')
      .doc(id)
      .update({ data: { state: 'completed', updatedAt: new Date() } })
    expect(await s.lightOf(id)).toMatchObject({ open: true })
    await run()
    expect(await s.lightOf(id)).toMatchObject({ open: false })
    expect(dataOf(await s.call({ action: 'lightList' }, LEAD)).items.map((i) => i.caseId)).not.toContain(id)
  })
})
