import { setBeijingNow } from '../support/clock'
import { codeOf, dataOf, errorOf } from '../support/calls'
import { newRequestId } from '../support/people'
import { A, B, LEAD, NOT_DOOR_TO_DOOR, PASSPORT, STAFF_NO, startVisitCloud, visitClient } from '../support/visit'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startVisitCloud())
const c = kitFor(() => visitClient(t))
beforeEach(() => setBeijingNow('2026-11-02', '09:00'))

const requestRecords = async () =>
  (await t.db.collection('requests').limit(1000).get()).data.filter((r) => String(r._id).startsWith('visit.'))
const cancelAll = async (openid: string) => {
  for (const d of await c.docs({ openid, active: true })) dataOf(await c.call({ action: 'cancel', visitId: String(d._id) }, openid))
}

describe('who may ask, and what', () => {
  it('when a matter does not offer door-to-door service, then the request is refused and nothing is written', async () => {
    expect(codeOf(await c.call({ action: 'options', matterId: NOT_DOOR_TO_DOOR }, A))).toBe('INVALID_INPUT')
    const refused = errorOf(await c.request(A, { matterId: NOT_DOOR_TO_DOOR, preferred: [{ date: '2026-11-03', half: 'am' }] }))
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: 'matterId', message: expect.stringContaining('不提供上门服务') }],
    })
    expect(await c.docs({ matterId: NOT_DOOR_TO_DOOR })).toEqual([])
    expect(await requestRecords()).toEqual([])
  })

  it('when the input is bad in any field, then it is refused with the field named and nothing is written', async () => {
    const bad = [
      { reason: 'other' },
      { relation: 'child', contactPhone: undefined },
      { personPhone: '12345' },
      { address: '城北' },
      { preferred: [] },
      { preferred: [{ date: '2026-11-07', half: 'am' }] },
      { preferred: [{ date: '2026-11-30', half: 'am' }] },
      {
        preferred: [
          { date: '2026-11-03', half: 'am' },
          { date: '2026-11-03', half: 'am' },
        ],
      },
      { preferred: [{ date: '2026-11-03', half: 'night' }] },
      { openid: 'demo-citizen-b' },
    ]
    const paths: string[] = []
    for (const over of bad) {
      const e = errorOf(
        await c.call.raw(
          {
            action: 'request',
            matterId: PASSPORT,
            reason: 'elderly',
            relation: 'child',
            personName: '张秀英',
            personPhone: '13812345678',
            contactPhone: '13987654321',
            address: '绛县古绛镇城北街12号3单元201',
            preferred: [{ date: '2026-11-03', half: 'am' }],
            requestId: newRequestId(),
            ...over,
          },
          A,
        ),
      )
      expect(e.code).toBe('INVALID_INPUT')
      paths.push(e.issues?.[0]?.path ?? '')
    }
    expect(paths).toEqual([
      'reasonNote',
      'contactPhone',
      'personPhone',
      'address',
      'preferred',
      // Saturday, then beyond the 10 working days of the horizon.
      'preferred.0.date',
      'preferred.0.date',
      'preferred',
      'preferred.0.half',
      '',
    ])
    expect(await c.docs()).toEqual([])
    expect(await requestRecords()).toEqual([])
  })

  it('when the same submit arrives twice (a double tap), then one request is made and both answers are the same', async () => {
    const requestId = newRequestId()
    const preferred = [{ date: '2026-11-03', half: 'am' as const }]
    const [one, two] = await Promise.all([c.request(B, { requestId, preferred }), c.request(B, { requestId, preferred })])
    expect(dataOf(one)).toEqual(dataOf(two))
    expect(await c.docs({ openid: B })).toHaveLength(1)
    expect((await c.notices(dataOf(one).visitId)).filter((e) => e.startsWith('visit.requested'))).toHaveLength(1)
    await cancelAll(B)
  })

  it('when an account already has an active request for a matter, then a second is refused until the first ends, while another matter is fine', async () => {
    const first = dataOf(await c.request(A))
    expect(dataOf(await c.call({ action: 'options', matterId: PASSPORT }, A)).activeVisitId).toBe(first.visitId)
    expect(errorOf(await c.request(A)).code).toBe('CONFLICT')
    // Someone else, or another matter, is not held up.
    const other = dataOf(await c.request(B))
    const coop = dataOf(await c.request(A, { matterId: 'm-coop-register', reason: 'enterprise', relation: 'staff_of_enterprise' }))
    expect(await c.docs({ openid: A, active: true })).toHaveLength(2)
    dataOf(await c.call({ action: 'cancel', visitId: first.visitId }, A))
    // Once it ends the matter is free again; two different submits racing for it make one request.
    const race = await Promise.all([c.request(A), c.request(A)])
    expect(race.map(codeOf).sort()).toEqual(['CONFLICT', undefined])
    for (const [who, id] of [
      [B, other.visitId],
      [A, coop.visitId],
    ] as const)
      dataOf(await c.call({ action: 'cancel', visitId: id }, who))
    await cancelAll(A)
  })
})

describe('deadlines on the working-day calendar', () => {
  it('when a request comes on a Friday, then contact is due Monday and the visit the Friday after, the weekend not counted', async () => {
    setBeijingNow('2026-11-06', '16:00')
    const opts = dataOf(await c.call({ action: 'options', matterId: PASSPORT }, A))
    expect(opts.dates.slice(0, 3)).toEqual(['2026-11-09', '2026-11-10', '2026-11-11'])
    expect(opts.dates).toHaveLength(10)
    expect(opts.dates).not.toContain('2026-11-07')
    const sent = dataOf(await c.request(A, { preferred: [{ date: '2026-11-09', half: 'pm' }] }))
    expect(sent).toMatchObject({ contactDue: '2026-11-09', visitDue: '2026-11-13' })
    await cancelAll(A)
  })

  it('when every preferred day is after the visit deadline, then the visit is due on the earliest of them', async () => {
    const sent = dataOf(
      await c.request(A, {
        preferred: [
          { date: '2026-11-12', half: 'am' },
          { date: '2026-11-11', half: 'pm' },
        ],
      }),
    )
    expect(sent).toMatchObject({ contactDue: '2026-11-03', visitDue: '2026-11-11' })
    await cancelAll(A)
  })

  it('when the centre sets visit_policy, then the deadlines follow it and a bad field keeps its default', async () => {
    await t.db.collection('settings').add({ data: { _id: 'visit_policy', contactWorkingDays: 2, visitWorkingDays: 'soon' } })
    try {
      const sent = dataOf(await c.request(A, { preferred: [{ date: '2026-11-03', half: 'am' }] }))
      expect(sent).toMatchObject({ contactDue: '2026-11-04', visitDue: '2026-11-09' })
    } finally {
      await t.db.collection('settings').doc('visit_policy').remove()
      await cancelAll(A)
    }
  })

  it('when nobody assigns in time, then the sweep tells the lead once per stage', async () => {
    const id = dataOf(await c.request(A, { preferred: [{ date: '2026-11-03', half: 'am' }] })).visitId
    setBeijingNow('2026-11-04', '09:00')
    dataOf(await t.trigger('visit', 'tick', 'overdueSweep'))
    dataOf(await t.trigger('visit', 'tick', 'overdueSweep'))
    expect((await c.notices(id)).filter((e) => e.startsWith('visit.overdue'))).toEqual([`visit.overdue→${LEAD}`])
    expect(dataOf(await c.call({ action: 'staffGet', visitId: id }, LEAD)).overdue).toBe('contact')
    dataOf(await c.call({ action: 'assign', visitId: id, staffNo: STAFF_NO, slot: { date: '2026-11-05', half: 'am' } }, LEAD))
    setBeijingNow('2026-11-10', '09:00')
    dataOf(await t.trigger('visit', 'tick', 'overdueSweep'))
    expect((await c.notices(id)).filter((e) => e.startsWith('visit.overdue'))).toEqual([`visit.overdue→${LEAD}`, `visit.overdue→${LEAD}`])
    await cancelAll(A)
  })
})

describe('assigning', () => {
  it('when the lead assigns, then only active staff of the matter department and a working day in the horizon are accepted', async () => {
    const id = dataOf(await c.request(A, { preferred: [{ date: '2026-11-03', half: 'am' }] })).visitId
    const assign = (staffNo: string, date = '2026-11-03') =>
      c.call({ action: 'assign', visitId: id, staffNo, slot: { date, half: 'am' } }, LEAD)
    // 赵磊 works for 市场监管; ZW0004 is the supervisor; a former colleague is inactive.
    const former = (await t.db.collection('staff').where({ active: false }).get()).data[0].staffNo as string
    for (const staffNo of ['ZW0002', 'ZW0004', former, 'ZW9999'])
      expect(errorOf(await assign(staffNo))).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'staffNo' }] })
    expect(errorOf(await assign(STAFF_NO, '2026-11-08'))).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'slot.date' }] })
    expect(errorOf(await assign(STAFF_NO, '2026-11-02'))).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'slot.date' }] })
    expect((await c.docs({ _id: id }))[0]).toMatchObject({ state: 'requested', rev: 0 })
    // The lead may also go themself.
    expect(dataOf(await assign('ZW0003')).assignee).toEqual({ staffNo: 'ZW0003', name: '陈静' })
    await cancelAll(A)
  })
})
