import { dataOf, errorOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { newRequestId } from '../support/people'
import { A, B, ratingClient, startRatingCloud } from '../support/rating'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startRatingCloud())
const c = kitFor(() => ratingClient(t))
beforeEach(() => setBeijingNow('2026-09-21', '10:00'))

describe('invitations from finished services', () => {
  it('when a case is approved, a ticket served and an inquiry answered, then the sweep invites once each, and a rerun writes nothing twice', async () => {
    const caseId = await c.finishedCase(A)
    const ticketId = await c.servedTicket(A)
    const inquiryId = await c.answeredInquiry(A)
    setBeijingNow('2026-09-21', '10:05')
    expect(await c.tick('inviteSweep')).toMatchObject({ ok: true, data: { case: 1, ticket: 1, inquiry: 1 } })
    const { items } = dataOf(await c.call({ action: 'pending' }, A))
    expect(items.map((i) => [i.objectKind, i.objectId]).sort()).toEqual(
      [
        ['case', caseId],
        ['inquiry', inquiryId],
        ['ticket', ticketId],
      ].sort(),
    )
    expect(items.find((i) => i.objectKind === 'ticket')).toMatchObject({ channel: 'offline', windowId: 'win-01', defaultOn: '2026-09-28' })
    expect(await c.count('outbox', { event: 'rating.invited', recipient: A })).toBe(3)

    // A crash after the invitations but before the watermark moved: the rerun writes nothing new.
    await t.db.collection('rating_watermarks').doc('case').remove()
    expect(await c.tick('inviteSweep')).toMatchObject({ ok: true, data: { case: 0, ticket: 0, inquiry: 0 } })
    expect(await c.count('rating_invitations', { openid: A })).toBe(3)
    expect(await c.count('outbox', { event: 'rating.invited', recipient: A })).toBe(3)
    expect(dataOf(await c.call({ action: 'pending' }, B)).items).toEqual([])
  })
})

describe('one rating per object and rater', () => {
  it('when a citizen rates a case, then a replay answers the same, a second rating is refused, and the province report is written once', async () => {
    const caseId = await c.finishedCase(A)
    const requestId = newRequestId()
    const first = dataOf(await c.rate(A, 'case', caseId, { level: 'very_satisfied', tags: ['办事效率'], requestId }))
    expect(first).toEqual({ ratingId: expect.stringMatching(/^rt-[0-9a-f]{20}$/), level: 'very_satisfied', bad: false })
    expect(dataOf(await c.rate(A, 'case', caseId, { level: 'very_satisfied', tags: ['办事效率'], requestId }))).toEqual(first)
    expect(errorOf(await c.rate(A, 'case', caseId, { level: 'dissatisfied', tags: ['服务态度差'], text: '态度不好不好' }))).toMatchObject({
      code: 'CONFLICT',
      message: '您已评价过该服务',
    })
    expect(await c.count('ratings', { objectId: caseId })).toBe(1)
    const report = (await t.db.collection('rating_reports').doc(first.ratingId).get()).data
    expect(report).toMatchObject({
      pjbh: first.ratingId,
      sxbm: 'm-passport',
      pjqd: '1',
      pjdj: 5,
      pjdjmc: '非常满意',
      sfmrpj: '0',
      blbm: 'dept-crj',
    })
    expect(report.bjbh).toMatch(/\S/)
    expect(dataOf(await c.call({ action: 'myRatings' }, A)).items.map((i) => i.ratingId)).toContain(first.ratingId)
  })

  it('when 10 rates of one case arrive at once, then exactly one is written', async () => {
    const caseId = await c.finishedCase(A)
    const answers = await Promise.all(Array.from({ length: 10 }, () => c.rate(A, 'case', caseId, { level: 'satisfied' })))
    expect(answers.filter((r) => r.ok)).toHaveLength(1)
    expect(answers.filter((r) => !r.ok).map((r) => errorOf(r).code)).toEqual(Array(9).fill('CONFLICT'))
    expect(await c.count('ratings', { objectId: caseId })).toBe(1)
    expect(await c.count('rating_reports', { bjbh: (await t.db.collection('cases').doc(caseId).get()).data.caseNo })).toBe(1)
  })

  it('when someone else rates a case, or a case not yet finished, then it is refused and nothing is written', async () => {
    const caseId = await c.finishedCase(A)
    expect(errorOf(await c.rate(B, 'case', caseId))).toMatchObject({ code: 'NOT_FOUND' })
    const draft = await c.cases.caseIn('submitted', A, 77)
    expect(errorOf(await c.rate(A, 'case', draft))).toMatchObject({ code: 'CONFLICT', message: '办件办结后才能评价' })
    expect(await c.count('ratings', { objectId: caseId })).toBe(0)
    expect(await c.count('ratings', { objectId: draft })).toBe(0)
  })

  it('when a 差评 has no tag or too short a text, then it is refused field by field and nothing is written', async () => {
    const caseId = await c.finishedCase(A)
    const refused = errorOf(await c.rate(A, 'case', caseId, { level: 'dissatisfied', tags: [], text: '慢' }))
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: '差评请至少选择一项原因' })
    expect(refused.issues).toEqual([
      { path: 'tags', message: '差评请至少选择一项原因' },
      { path: 'text', message: '差评请写明问题（至少5个字）' },
    ])
    // An offline tag on an online rating is refused too.
    expect(errorOf(await c.rate(A, 'case', caseId, { level: 'satisfied', tags: ['服务态度'] })).issues).toEqual([
      { path: 'tags', message: '该渠道不能选择：服务态度' },
    ])
    expect(await c.count('ratings', { objectId: caseId })).toBe(0)
    expect(await c.count('rating_reports', { sxbm: 'm-passport', pjdj: 2 })).toBe(0)
  })

  it('when the input is malformed, then INVALID_INPUT names the field and nothing is written', async () => {
    const caseId = await c.finishedCase(A)
    const before = await c.count('ratings')
    for (const bad of [
      { objectKind: 'booking' },
      { level: 'great' },
      { tags: ['很好'] },
      { text: '好'.repeat(301) },
      { requestId: 'x' },
      { openid: B },
    ]) {
      const r = await c.call.raw(
        { action: 'rate', objectKind: 'case', objectId: caseId, level: 'satisfied', requestId: newRequestId(), ...bad },
        A,
      )
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await c.count('ratings')).toBe(before)
  })

  it('when a served ticket is rated, then the rating keeps the window and who served, and an offline tag is accepted', async () => {
    const ticketId = await c.servedTicket(A)
    const r = dataOf(await c.rate(A, 'ticket', ticketId, { level: 'satisfied', tags: ['服务态度'] }))
    const doc = (await t.db.collection('ratings').doc(r.ratingId).get()).data
    expect(doc).toMatchObject({ channel: 'offline', windowId: 'win-01', servedBy: 'ZW0003', departmentId: 'dept-crj', isDefault: false })
    expect((await t.db.collection('rating_reports').doc(r.ratingId).get()).data).toMatchObject({
      pjqd: '2',
      ckbh: 'win-01',
      gzrygh: 'ZW0003',
    })
  })
})
