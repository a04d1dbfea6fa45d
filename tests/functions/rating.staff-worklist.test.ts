import { dataOf, errorOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { A, B, LEAD, ratingClient, STAFF, STAFF_SCJG, startRatingCloud, SUPERVISOR } from '../support/rating'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startRatingCloud())
const c = kitFor(() => ratingClient(t))

const NEVER_WRITTEN = 'rt-0123456789abcdef0123'
const snapshot = async () => JSON.stringify((await t.db.collection('ratings').limit(1000).get()).data)

describe('one 差评 for staff (badRating)', () => {
  let ratingId = ''

  beforeAll(async () => {
    setBeijingNow('2026-11-02', '10:00')
    ratingId = (await c.badRating(A, { text: '窗口让我补三次材料，电话13912345678' })).ratingId
  })

  it('when the department reads its 差评, then it sees the object, the masked text, the due date and its actions, and nothing of the rater', async () => {
    const view = dataOf(await c.call({ action: 'badRating', ratingId }, LEAD))
    expect(view).toMatchObject({
      ratingId,
      objectKind: 'case',
      departmentId: 'dept-crj',
      levelLabel: '非常不满意',
      tags: ['超过承诺时限未办结'],
      text: '窗口让我补三次材料，电话139****5678',
      state: 'open',
      due: { stage: 'verify', dueDate: '2026-11-03', light: 'green' },
      allowedActions: ['verify', 'appeal'],
    })
    expect(view.reference).toMatch(/\S/)
    const { applicant } = (await t.db.collection('cases').where({ openid: A }).limit(1).get()).data[0]
    for (const who of [LEAD, STAFF, SUPERVISOR]) {
      const answer = JSON.stringify(await c.call({ action: 'badRating', ratingId }, who))
      expect(answer).not.toContain(A)
      expect(answer).not.toContain(applicant.name)
      expect(answer).not.toContain('13912345678')
    }
  })

  it('when the office reads it, then it sees the same 差评 with only the office’s own actions', async () => {
    const view = dataOf(await c.call({ action: 'badRating', ratingId }, SUPERVISOR))
    expect(view).toMatchObject({ ratingId, state: 'open', allowedActions: [] })
  })

  it('when another department asks, then the answer is the one for an id that was never written', async () => {
    const theirs = errorOf(await c.call({ action: 'badRating', ratingId }, STAFF_SCJG))
    expect(theirs).toEqual(errorOf(await c.call({ action: 'badRating', ratingId: NEVER_WRITTEN }, STAFF_SCJG)))
    expect(theirs).toMatchObject({ code: 'NOT_FOUND', message: '未找到该评价' })
  })

  it('when a citizen asks, even the rater, then they are refused whether the id exists or not', async () => {
    for (const who of [A, B]) {
      const real = errorOf(await c.call({ action: 'badRating', ratingId }, who))
      expect(real).toEqual(errorOf(await c.call({ action: 'badRating', ratingId: NEVER_WRITTEN }, who)))
      expect(real.code).toBe('FORBIDDEN')
    }
  })

  it('when the rating is not a 差评, then staff are told there is no such 差评', async () => {
    const caseId = await c.finishedCase(B)
    const good = dataOf(await c.rate(B, 'case', caseId, { level: 'very_satisfied' }))
    expect(errorOf(await c.call({ action: 'badRating', ratingId: good.ratingId }, LEAD))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('when the input is malformed, then it is refused field by field and nothing is written', async () => {
    const before = await snapshot()
    expect(errorOf(await c.call.raw({ action: 'badRating', ratingId: '../ratings' }, LEAD))).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [expect.objectContaining({ path: 'ratingId', message: '评价编号格式不正确' })],
    })
    expect(errorOf(await c.call.raw({ action: 'badRating', ratingId, openid: A }, LEAD))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(errorOf(await c.call.raw({ action: 'departmentBad', light: 'purple' }, LEAD))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(errorOf(await c.call.raw({ action: 'departmentBad', stage: 'sweep' }, LEAD))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await snapshot()).toBe(before)
  })
})

describe('the worklist (departmentBad): most urgent first, by light and by stage', () => {
  let late = ''
  let fresh = ''
  let appealed = ''
  let extended = ''

  beforeAll(async () => {
    // Monday 11-09: one 差评; by Wednesday 11-11 its call-back (due 11-10) is late.
    setBeijingNow('2026-11-09', '10:00')
    late = (await c.badRating(A)).ratingId
    setBeijingNow('2026-11-11', '09:00')
    fresh = (await c.badRating(A)).ratingId
    appealed = (await c.badRating(A)).ratingId
    dataOf(await c.call({ action: 'appeal', ratingId: appealed, kind: 'malicious', reason: '评价内容与本部门事项无关' }, STAFF))
    extended = (await c.badRating(A)).ratingId
    dataOf(await c.call({ action: 'verify', ratingId: extended, note: '已电话回访群众，了解情况' }, STAFF))
    dataOf(await c.call({ action: 'requestExtension', ratingId: extended, days: 5, reason: '需要协调省厅系统' }, STAFF))
  })

  it('when the department reads the list, then late 差评 come before those still in time', async () => {
    const { items } = dataOf(await c.call({ action: 'departmentBad' }, LEAD))
    const ids = items.map((i) => i.ratingId)
    expect(items[0].due?.light).toBe('red')
    expect(ids.indexOf(late)).toBeLessThan(ids.indexOf(fresh))
    const ranks = items.map((i) => (i.due ? ['red', 'yellow', 'green'].indexOf(i.due.light) : 3))
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y))
  })

  it('when filtered by light, then only 差评 whose stage shows that light today are listed', async () => {
    const red = dataOf(await c.call({ action: 'departmentBad', light: 'red' }, LEAD)).items
    expect(red.map((i) => i.ratingId)).toContain(late)
    expect(red.map((i) => i.ratingId)).not.toContain(fresh)
    expect(red.every((i) => i.due?.light === 'red')).toBe(true)
    expect(dataOf(await c.call({ action: 'departmentBad', light: 'green' }, LEAD)).items.map((i) => i.ratingId)).toContain(fresh)
  })

  it('when the office asks for what waits on it, then it gets the pending extension and the appeal, with their decisions allowed', async () => {
    const { items } = dataOf(await c.call({ action: 'departmentBad', stage: 'decide' }, SUPERVISOR))
    expect(items.map((i) => i.ratingId).sort()).toEqual([appealed, extended].sort())
    expect(items.find((i) => i.ratingId === extended)).toMatchObject({
      extension: { days: 5, reason: '需要协调省厅系统', status: 'pending' },
      allowedActions: ['decideExtension'],
    })
    expect(items.find((i) => i.ratingId === appealed)).toMatchObject({
      appeal: { kind: '恶意差评', status: 'pending' },
      allowedActions: ['decideAppeal'],
    })
    expect(dataOf(await c.call({ action: 'departmentBad', stage: 'decide' }, STAFF_SCJG)).items).toEqual([])
  })

  it('when the office asks for a finished state across departments, then finished 差评 are listed too', async () => {
    dataOf(await c.call({ action: 'decideAppeal', ratingId: appealed, uphold: true, note: '经核实属于恶意差评' }, SUPERVISOR))
    expect(dataOf(await c.call({ action: 'departmentBad' }, SUPERVISOR)).items.map((i) => i.ratingId)).not.toContain(appealed)
    expect(dataOf(await c.call({ action: 'departmentBad', state: 'invalid' }, SUPERVISOR)).items.map((i) => i.ratingId)).toEqual([appealed])
  })
})
