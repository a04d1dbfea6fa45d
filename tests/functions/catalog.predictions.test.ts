/**
 * 预计办结 end to end: the catalog function's job reads the cases decided in the last six months,
 * the matter page gets 通常/多数 figures (checked against an independent count), a case page gets
 * its predicted date and 催办 once it passes, and a calendar change makes the job run again.
 */
import { catalogContract, inquiryContract } from '../../types/contracts'
import { addCalendarDays } from '../../types/domain/dates'
import { builtInCalendar as cal } from '../../types/domain/working-days'
import { A, B, caseClient, PASSPORT, STAFF } from '../support/case'
import { codeOf, dataOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { startDemoCloud } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startDemoCloud(['catalog', 'case', 'inquiry']))
const c = kitFor(() => caseClient(t))

const TODAY = '2026-12-01'
const refresh = async () => dataOf(await t.trigger('catalog', 'tick', 'refreshPredictions'))
const matter = async (id = PASSPORT) => dataOf(await t.api(catalogContract)({ action: 'getMatter', id }))

let seq = 0
/** A finished case that took exactly `days` working days, with `paused` working days of 补正 on top. */
function finished(matterId: string, departmentId: string, acceptedOn: string, days: number, paused = 0) {
  const pauseFrom = cal.addWorkingDays(acceptedOn, 1)
  const pauses = paused ? [{ from: pauseFrom, to: cal.addWorkingDays(pauseFrom, paused) }] : []
  seq++
  return {
    _id: `cs-${String(seq).padStart(20, '7')}`,
    caseNo: `ZWTEST${String(seq).padStart(8, '0')}`,
    openid: `history-${seq}`,
    matterId,
    departmentId,
    departments: [departmentId],
    state: 'completed',
    accepted: true,
    acceptedOn,
    decidedOn: cal.addWorkingDays(acceptedOn, days + paused),
    pauses,
    applicant: { nameMasked: '王*' },
    updatedAt: new Date(`${acceptedOn}T10:00:00+08:00`),
  }
}

/** The passport cases: 30 with known processing days, accepted across the window, a third of them paused. */
const PASSPORT_DAYS = [2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 3, 2, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6]
const byCounting = (values: number[], p: number) =>
  [...new Set(values)].sort((a, b) => a - b).find((v) => values.filter((x) => x <= v).length >= (p / 100) * values.length)

beforeAll(async () => {
  setBeijingNow(TODAY, '09:00')
  const docs = [
    ...PASSPORT_DAYS.map((d, i) => finished(PASSPORT, 'dept-crj', cal.addWorkingDays('2026-06-15', i * 3), d, i % 3 === 0 ? 3 : 0)),
    // Decided more than six months ago: left out.
    ...Array.from({ length: 10 }, () => finished(PASSPORT, 'dept-crj', '2026-03-02', 14)),
    // Too few to publish for this matter.
    ...Array.from({ length: 19 }, (_, i) => finished('m-hk-macao-permit', 'dept-crj', cal.addWorkingDays('2026-07-01', i), 4)),
  ]
  await t.db.collection('cases').add({ data: docs })
})

describe('预计办结', () => {
  it('when the job runs, then the matter page shows the median and 80th percentile of the last six months, counted independently', async () => {
    expect(await refresh()).toMatchObject({ cases: PASSPORT_DAYS.length + 19, published: 1 })
    expect((await matter()).prediction).toEqual({
      typicalDays: byCounting(PASSPORT_DAYS, 50),
      mostDays: byCounting(PASSPORT_DAYS, 80),
      sample: PASSPORT_DAYS.length,
    })
  })

  it('when fewer than 20 cases finished, then the matter page shows no prediction', async () => {
    expect((await matter('m-hk-macao-permit')).prediction).toBeUndefined()
  })

  it('when it already ran today and the calendar is unchanged, then it does not run again; after a calendar change it does', async () => {
    expect(await refresh()).toMatchObject({ skipped: '今日已计算' })
    await t.db
      .collection('calendar_years')
      .doc('2026')
      .update({ data: { version: 2 } })
    expect(await refresh()).toMatchObject({ cases: PASSPORT_DAYS.length + 19 })
  })

  it('when a passport case is accepted, then its page predicts acceptance + the 80th percentile, before the promise, and offers 催办 once it passes', async () => {
    const caseId = await c.caseIn('accepted', A, 71)
    const mostDays = byCounting(PASSPORT_DAYS, 80)!
    const view = dataOf(await c.getCase(caseId, A))
    expect(view.prediction).toMatchObject({ date: cal.addWorkingDays(TODAY, mostDays), mostDays, passed: false })
    expect(view.prediction!.date <= view.deadline!.dueDate).toBe(true)
    // Staff see it too; the day after the predicted date it has passed.
    expect(dataOf(await c.getCase(caseId, STAFF)).prediction?.date).toBe(view.prediction!.date)
    setBeijingNow(addCalendarDays(view.prediction!.date, 1), '09:00')
    expect(dataOf(await c.getCase(caseId, A)).prediction).toMatchObject({ passed: true })
    setBeijingNow(TODAY, '09:00')
  })

  it('when the case is decided, then it has no prediction any more', async () => {
    const caseId = await c.caseIn('approved', A, 72)
    expect(dataOf(await c.getCase(caseId, A)).prediction).toBeUndefined()
  })

  it('when the citizen 催办s, then the question goes to the department handling the case with its number; a stranger naming it gets NOT_FOUND and nothing is written', async () => {
    const caseId = await c.caseIn('accepted', A, 73)
    const caseNo = dataOf(await c.getCase(caseId, A)).caseNo
    const ask = t.api(inquiryContract)
    const question = `我的办件（编号${caseNo}）已超过预计办结日期，请帮忙查看办理进度。`
    const asked = dataOf(await ask({ action: 'ask', caseId, question, requestId: 'rq-urge-0000000001' }, A))
    expect(asked.departmentId).toBe('dept-crj')
    const mine = dataOf(await ask({ action: 'myInquiries' }, A))
    expect(mine.items.find((i) => i.inquiryId === asked.inquiryId)).toMatchObject({ caseNo, matterId: PASSPORT })
    const before = (await t.db.collection('inquiries').where({}).count()).total
    expect(codeOf(await ask({ action: 'ask', caseId, question: '帮我看看这个办件到哪一步了', requestId: 'rq-urge-0000000002' }, B))).toBe(
      'NOT_FOUND',
    )
    expect((await t.db.collection('inquiries').where({}).count()).total).toBe(before)
  })
})
