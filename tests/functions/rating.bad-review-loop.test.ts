import { dataOf, errorOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { A, LEAD, ratingClient, STAFF, STAFF_SCJG, startRatingCloud, SUPERVISOR } from '../support/rating'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startRatingCloud())
const c = kitFor(() => ratingClient(t))

const outboxTo = async (event: string, recipient: string) =>
  (await t.db.collection('outbox').where({ event, recipient }).limit(100).get()).data

describe('a 差评 through verification, extension, reply and follow-up', () => {
  let ratingId = ''

  it('when a 差评 arrives the day before 国庆, then the call-back is due on the first working day after the holiday and the reply 10 working days on', async () => {
    setBeijingNow('2026-09-30', '10:00')
    const r = await c.badRating(A, { text: '等了很久还没办好，请回电13912345678' })
    expect(r).toMatchObject({ bad: true, state: 'open' })
    ratingId = r.ratingId
    const { items } = dataOf(await c.call({ action: 'departmentBad' }, STAFF))
    const mine = items.find((i) => i.ratingId === ratingId)!
    // 10-01…10-07 are days off (国庆节, 中秋节 tied in): one working day from 09-30 is 10-08.
    expect(mine).toMatchObject({
      state: 'open',
      due: { stage: 'verify', dueDate: '2026-10-08', light: 'green' },
      allowedActions: ['verify', 'appeal'],
    })
    expect(mine.text).toBe('等了很久还没办好，请回电139****5678')
  })

  it('when staff read the worklist, then nothing in it names the rater', async () => {
    const answer = JSON.stringify(await c.call({ action: 'departmentBad' }, LEAD))
    const { applicant } = (await t.db.collection('cases').where({ openid: A }).limit(1).get()).data[0]
    expect(answer).toContain(ratingId)
    expect(answer).not.toContain(A)
    expect(answer).not.toContain(applicant.name)
    expect(answer).not.toContain('13912345678')
    expect(JSON.stringify(await c.call({ action: 'departmentBad' }, SUPERVISOR))).not.toContain(A)
  })

  it('when staff of another department try, then they can neither list nor act', async () => {
    expect(dataOf(await c.call({ action: 'departmentBad' }, STAFF_SCJG)).items.map((i) => i.ratingId)).not.toContain(ratingId)
    expect(errorOf(await c.call({ action: 'departmentBad', departmentId: 'dept-crj' }, STAFF_SCJG))).toMatchObject({ code: 'FORBIDDEN' })
    expect(errorOf(await c.call({ action: 'verify', ratingId, note: '已电话回访群众' }, STAFF_SCJG))).toMatchObject({ code: 'NOT_FOUND' })
    expect(errorOf(await c.call({ action: 'verify', ratingId, note: '已电话回访群众' }, A))).toMatchObject({ code: 'FORBIDDEN' })
    expect(errorOf(await c.call({ action: 'decideAppeal', ratingId, uphold: true, note: '经核实属于误评' }, LEAD))).toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('when the call-back nears and passes its due date, then the light turns yellow then red and the lead and the office are told once per light', async () => {
    setBeijingNow('2026-10-08', '09:00')
    expect(await c.tick('lightSweep')).toMatchObject({ ok: true, data: { lit: 1 } })
    expect(await c.tick('lightSweep')).toMatchObject({ ok: true, data: { lit: 0, told: 0 } })
    setBeijingNow('2026-10-09', '09:00')
    expect(await c.tick('lightSweep')).toMatchObject({ ok: true, data: { lit: 1 } })
    expect(await c.tick('lightSweep')).toMatchObject({ ok: true, data: { lit: 0, told: 0 } })
    for (const who of [LEAD, SUPERVISOR]) {
      const told = await outboxTo('rating.bad_light', who)
      expect(told.map((o) => o.data.light).sort()).toEqual(['临期', '超期'].sort())
    }
    expect(await outboxTo('rating.bad_light', STAFF)).toEqual([])
    const inbox = (await t.db.collection('messages').where({ openid: LEAD }).limit(100).get()).data
    expect(inbox.map((m) => m.title)).toEqual(expect.arrayContaining(['差评超期：核实回访']))
    const mine = dataOf(await c.call({ action: 'departmentBad' }, STAFF)).items.find((i) => i.ratingId === ratingId)!
    expect(mine.due).toMatchObject({ light: 'red' })
  })

  it('when the department verifies, then the reply is due 10 working days after the rating, across the holiday and the weekends', async () => {
    const verified = dataOf(await c.call({ action: 'verify', ratingId, note: '已电话回访群众，了解情况' }, STAFF))
    expect(verified).toMatchObject({ state: 'verified', due: { stage: 'reply', dueDate: '2026-10-20' } })
    expect(errorOf(await c.call({ action: 'verify', ratingId, note: '已电话回访群众，了解情况' }, STAFF))).toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('when the department asks for an extension, then it is allowed once, within the limit, and the office decides it', async () => {
    expect(errorOf(await c.call({ action: 'requestExtension', ratingId, days: 16, reason: '需要协调上级部门' }, STAFF))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '延期最多15个工作日',
    })
    expect(dataOf(await c.call({ action: 'requestExtension', ratingId, days: 5, reason: '需要协调上级部门' }, STAFF))).toMatchObject({
      state: 'verified',
      due: { stage: 'decide' },
    })
    expect(errorOf(await c.call({ action: 'requestExtension', ratingId, days: 3, reason: '需要协调上级部门' }, STAFF))).toMatchObject({
      code: 'CONFLICT',
      message: '每条差评只能申请一次延期',
    })
    expect(errorOf(await c.call({ action: 'decideExtension', ratingId, approve: true }, LEAD))).toMatchObject({ code: 'FORBIDDEN' })
    expect(dataOf(await c.call({ action: 'decideExtension', ratingId, approve: true }, SUPERVISOR))).toMatchObject({
      state: 'verified',
      due: { stage: 'reply', dueDate: '2026-10-27' },
    })
    expect(errorOf(await c.call({ action: 'requestExtension', ratingId, days: 3, reason: '需要协调上级部门' }, STAFF))).toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('when the department replies, then the rater sees the timeline without staff reasons, is told, and may follow up once', async () => {
    setBeijingNow('2026-10-12', '10:00')
    expect(dataOf(await c.call({ action: 'reply', ratingId, text: '已整改，证件已办好请领取' }, STAFF))).toMatchObject({ state: 'replied' })
    expect(await outboxTo('rating.replied', A)).toHaveLength(1)
    const view = dataOf(await c.call({ action: 'getRating', ratingId }, A))
    expect(view.timeline.map((e) => e.kind)).toEqual(['rated', 'verified', 'extension_requested', 'extension_decided', 'replied'])
    expect(JSON.stringify(view)).not.toContain('需要协调上级部门')
    expect(view).toMatchObject({ state: 'replied', followUpUntil: '2026-10-27', allowedActions: ['followUp'] })
    expect(errorOf(await c.call({ action: 'getRating', ratingId }, STAFF))).toMatchObject({ code: 'NOT_FOUND' })

    expect(dataOf(await c.call({ action: 'followUp', ratingId, level: 'satisfied', text: '问题解决了' }, A))).toMatchObject({
      state: 'closed',
    })
    expect(errorOf(await c.call({ action: 'followUp', ratingId, level: 'very_satisfied', text: '再评一次' }, A))).toMatchObject({
      code: 'CONFLICT',
      message: '每条评价只能追评一次',
    })
    const doc = (await t.db.collection('ratings').doc(ratingId).get()).data
    expect(doc).toMatchObject({ loopOpen: false, loop: { state: 'closed', repliedInTime: true }, followUp: { level: 'satisfied' } })
  })
})

describe('appeals', () => {
  it('when the office upholds an appeal, then the 差评 is invalid; when it rejects one, then the department must handle it again', async () => {
    setBeijingNow('2026-10-13', '10:00')
    const upheld = await c.badRating(A)
    expect(
      dataOf(await c.call({ action: 'appeal', ratingId: upheld.ratingId, kind: 'mistaken', reason: '群众评价的不是本部门事项' }, STAFF)),
    ).toMatchObject({
      state: 'appealed',
      due: { stage: 'decide', dueDate: '2026-10-16' },
    })
    expect(
      dataOf(await c.call({ action: 'decideAppeal', ratingId: upheld.ratingId, uphold: true, note: '经核实属于误评' }, SUPERVISOR)),
    ).toEqual({
      ratingId: upheld.ratingId,
      state: 'invalid',
    })

    const rejected = await c.badRating(A)
    await dataOf(await c.call({ action: 'appeal', ratingId: rejected.ratingId, kind: 'malicious', reason: '认为是恶意差评' }, STAFF))
    expect(
      dataOf(
        await c.call({ action: 'decideAppeal', ratingId: rejected.ratingId, uphold: false, note: '证据不足，请继续整改' }, SUPERVISOR),
      ),
    ).toMatchObject({
      state: 'open',
      due: { stage: 'verify', dueDate: '2026-10-14' },
    })
    expect(
      errorOf(await c.call({ action: 'appeal', ratingId: rejected.ratingId, kind: 'malicious', reason: '再次申诉一下' }, STAFF)),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '该差评已申诉过，不能再次申诉',
    })
  })
})
