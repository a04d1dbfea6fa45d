import { dataOf, errorOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { A, ratingClient, startRatingCloud } from '../support/rating'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startRatingCloud())
const c = kitFor(() => ratingClient(t))

describe('reminders, defaults and the month figures', () => {
  const cases: string[] = []

  it('when four cases are finished and two are rated, then the other two are reminded once after 3 days', async () => {
    setBeijingNow('2026-11-02', '10:00')
    for (let i = 0; i < 4; i++) cases.push(await c.finishedCase(A))
    setBeijingNow('2026-11-02', '10:05')
    expect(await c.tick('inviteSweep')).toMatchObject({ ok: true, data: { case: 4 } })
    await dataOf(await c.rate(A, 'case', cases[0], { level: 'very_satisfied', tags: ['办事效率', '办事便捷度'] }))
    await dataOf(
      await c.rate(A, 'case', cases[1], {
        level: 'dissatisfied',
        tags: ['办事效率', '要求提供办事指南之外的材料'],
        text: '多要了户口本复印件',
      }),
    )
    expect(
      dataOf(await c.call({ action: 'pending' }, A))
        .items.map((i) => i.objectId)
        .sort(),
    ).toEqual([cases[2], cases[3]].sort())

    setBeijingNow('2026-11-04', '10:30')
    expect(await c.tick('reminderSweep')).toMatchObject({ ok: true, data: { reminded: 0, defaulted: 0 } })
    setBeijingNow('2026-11-05', '10:30')
    expect(await c.tick('reminderSweep')).toMatchObject({ ok: true, data: { reminded: 2, defaulted: 0 } })
    expect(await c.tick('reminderSweep')).toMatchObject({ ok: true, data: { reminded: 0, defaulted: 0 } })
    const reminders = (await t.db.collection('outbox').where({ event: 'rating.reminder', recipient: A }).limit(10).get()).data
    expect(reminders.map((r) => r.data.defaultOn)).toEqual(['2026-11-09', '2026-11-09'])
  })

  it('when 7 natural days pass without a rating, then 基本满意 is recorded as a default, once, and a late rating is refused', async () => {
    setBeijingNow('2026-11-09', '10:30')
    expect(await c.tick('reminderSweep')).toMatchObject({ ok: true, data: { defaulted: 2 } })
    expect(await c.tick('reminderSweep')).toMatchObject({ ok: true, data: { defaulted: 0 } })
    const defaults = (await t.db.collection('ratings').where({ openid: A, isDefault: true }).limit(10).get()).data
    expect(defaults.map((d) => [d.objectId, d.level]).sort()).toEqual(
      [
        [cases[2], 'basic'],
        [cases[3], 'basic'],
      ].sort(),
    )
    const reports = (await t.db.collection('rating_reports').where({ status: 'pending' }).limit(100).get()).data
    expect(
      reports
        .filter((d) => d.sfmrpj === '1')
        .map((d) => d._id)
        .sort(),
    ).toEqual(defaults.map((d) => d._id).sort())
    expect(dataOf(await c.call({ action: 'pending' }, A)).items).toEqual([])
    expect(errorOf(await c.rate(A, 'case', cases[2], { level: 'very_satisfied' }))).toMatchObject({
      code: 'CONFLICT',
      message: '评价期已过，已默认为基本满意',
    })
  })

  it('when anyone asks for the month, then defaults count towards 主动评价率 only and 好评率/差评率 are over active ratings', async () => {
    const r = await c.call({ action: 'stats', month: '2026-11' })
    const { departments } = dataOf(r)
    expect(departments).toEqual([
      {
        departmentId: 'dept-crj',
        departmentName: '县公安局出入境管理大队',
        ratings: 4,
        active: 2,
        defaults: 2,
        activeRate: 0.5,
        goodRate: 0.5,
        badRate: 0.5,
        bad: 1,
        badHandledOnTime: 0,
        badOpen: 1,
        invalid: 0,
        averageScore: 3.5,
        topTags: [
          { tag: '办事效率', count: 2 },
          { tag: '办事便捷度', count: 1 },
          { tag: '要求提供办事指南之外的材料', count: 1 },
        ],
      },
    ])
    expect(JSON.stringify(r)).not.toMatch(/ZW\d{4}|demo-/)
    expect(dataOf(await c.call({ action: 'stats', month: '2026-10' })).departments).toEqual([])
    expect(await c.call.raw({ action: 'stats', month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('when the report of a rating was not written, then the report sweep writes it', async () => {
    const [first] = (await t.db.collection('ratings').where({ openid: A, isDefault: false }).limit(1).get()).data
    await t.db.collection('rating_reports').doc(first._id).remove()
    await t.db
      .collection('ratings')
      .doc(first._id)
      .update({ data: { reported: false } })
    expect(await c.tick('reportSweep')).toMatchObject({ ok: true, data: { reported: 1 } })
    expect((await t.db.collection('rating_reports').doc(first._id).get()).data).toMatchObject({ pjbh: first._id })
  })

  it('when the functions ran, then the local cloud saw no query without a declared index', () => {
    expect(t.logs().filter((l) => l.includes('索引提示'))).toEqual([])
  })
})
