import { setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { A, LEAD, STAFF, STAFF_NO, startVisitCloud, visitClient } from '../support/visit'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startVisitCloud())
const c = kitFor(() => visitClient(t))

/** Monday 2026-11-02, 09:00 Beijing: every test of this file starts its request on a plain working week. */
beforeEach(() => setBeijingNow('2026-11-02', '09:00'))

describe('a door-to-door visit from request to record', () => {
  it('when a relative asks, the lead assigns, the citizen confirms and the staff member records with a case, then each step is told to the right person', async () => {
    dataOf(await c.grantPush(A))
    const sent = dataOf(await c.request(A))
    expect(sent).toEqual({ visitId: expect.stringMatching(/^vs-/), state: 'requested', contactDue: '2026-11-03', visitDue: '2026-11-09' })
    const id = sent.visitId
    expect(await c.notices(id)).toEqual([`visit.requested→${LEAD}`])

    // The lead sees it waiting, with the address and phone in full.
    const open = dataOf(await c.call({ action: 'inbox', box: 'open' }, LEAD))
    expect(open.items.map((i) => i.visitId)).toContain(id)
    const seenByLead = dataOf(await c.call({ action: 'staffGet', visitId: id }, LEAD))
    expect(seenByLead).toMatchObject({ personPhone: '13812345678', address: '绛县古绛镇城北街12号3单元201', masked: false })
    expect(seenByLead.allowedActions).toEqual(['assign', 'decline'])
    const options = dataOf(await c.call({ action: 'staffOptions', visitId: id }, LEAD))
    expect(options.staff.map((s) => s.staffNo)).toContain(STAFF_NO)

    const assigned = dataOf(
      await c.call({ action: 'assign', visitId: id, staffNo: STAFF_NO, slot: { date: '2026-11-04', half: 'am' } }, LEAD),
    )
    expect(assigned).toMatchObject({ state: 'assigned', assignee: { staffNo: STAFF_NO, name: '王芳' }, slot: { label: '2026-11-04 上午' } })
    // Pushed to the citizen on the grant they gave; the assignee is told in the message centre.
    dataOf(await t.trigger('notify', 'drain'))
    const push = (await t.sends()).filter((s) => s.touser === A)
    expect(push).toEqual([expect.objectContaining({ templateId: 'TPL_VISIT_PROGRESS' })])
    expect(push[0].data).toMatchObject({ phrase2: { value: '待确认' }, time3: { value: '2026年11月4日 09:00~12:00' } })

    // The assignee sees it among their own; the citizen confirms.
    expect(dataOf(await c.call({ action: 'inbox', box: 'scheduled' }, STAFF)).items.map((i) => i.visitId)).toContain(id)
    expect(codeOf(await c.call({ action: 'record', visitId: id, materials: [0] }, STAFF))).toBe('CONFLICT')
    expect(dataOf(await c.call({ action: 'get', visitId: id }, A)).allowedActions).toEqual(['confirm', 'reschedule', 'cancel'])
    expect(dataOf(await c.call({ action: 'confirm', visitId: id }, A)).state).toBe('confirmed')

    // At the visit the citizen's own case is linked; the checklist comes from the matter's materials.
    const own = await c.insertCase(A)
    const view = dataOf(await c.call({ action: 'staffGet', visitId: id }, STAFF))
    expect(view.materials[0]).toContain('居民身份证')
    expect(view.allowedActions).toEqual(['record'])
    setBeijingNow('2026-11-04', '10:30')
    const done = dataOf(
      await c.call(
        { action: 'record', visitId: id, materials: [1, 0, 1], note: '已现场采集照片，协助填写申请表', caseNo: own.caseNo },
        STAFF,
      ),
    )
    expect(done).toMatchObject({
      state: 'visited',
      visit: { staffName: '王芳', materials: [view.materials[0], view.materials[1]], note: '已现场采集照片，协助填写申请表' },
      linkedCase: own,
      allowedActions: [],
    })
    expect(dataOf(await c.call({ action: 'get', visitId: id }, A))).toMatchObject({ state: 'visited', linkedCase: { caseNo: own.caseNo } })

    expect(await c.notices(id)).toEqual(
      [
        `visit.requested→${LEAD}`,
        `visit.assigned→${A}`,
        `visit.task→demo-staff-crj`,
        `visit.task→demo-staff-crj`,
        `visit.visited→${A}`,
      ].sort(),
    )
    // The one grant went on the time set: the visit's notice waits in the message centre, unpushed.
    dataOf(await t.trigger('notify', 'drain'))
    expect((await t.sends()).filter((s) => s.touser === A)).toHaveLength(1)
    // Every notice is in the recipient's message centre, the citizen's under 上门服务.
    const messages = (
      await t.db
        .collection('messages')
        .where({ subjectId: `${id}:3` })
        .get()
    ).data
    expect(messages).toEqual([expect.objectContaining({ openid: A, kind: 'visit', title: '上门服务已完成' })])
  })

  it('when the citizen asks for another time, then the lead is told and assigns again, and the new time is pushed anew', async () => {
    const id = dataOf(await c.request(A, { matterId: 'm-id-card-apply' })).visitId
    const lead = (await t.db.collection('staff').where({ role: 'dept_lead', departmentId: 'dept-hj' }).get()).data[0]
    const staffNo = (await t.db.collection('staff').where({ role: 'window_staff', departmentId: 'dept-hj', active: true }).get()).data[0]
      .staffNo as string
    const leadOpenid = String(lead.openid)
    dataOf(await c.call({ action: 'assign', visitId: id, staffNo, slot: { date: '2026-11-03', half: 'pm' } }, leadOpenid))
    const asked = dataOf(
      await c.call({ action: 'reschedule', visitId: id, note: '那天要去医院复查', preferred: [{ date: '2026-11-05', half: 'am' }] }, A),
    )
    expect(asked).toMatchObject({ state: 'reschedule_requested', rescheduleNote: '那天要去医院复查', preferred: [{ date: '2026-11-05' }] })
    const again = dataOf(await c.call({ action: 'assign', visitId: id, staffNo, slot: { date: '2026-11-05', half: 'am' } }, leadOpenid))
    expect(again.state).toBe('assigned')
    const events = await c.notices(id)
    expect(events.filter((e) => e.startsWith('visit.assigned'))).toEqual([`visit.assigned→${A}`, `visit.assigned→${A}`])
    expect(events.filter((e) => e.startsWith('visit.requested'))).toEqual([
      `visit.requested→${leadOpenid}`,
      `visit.requested→${leadOpenid}`,
    ])
    dataOf(await c.call({ action: 'cancel', visitId: id }, A))
  })

  it('when the citizen cancels before the visit, then the lead and the assignee are told and nobody can act on it any more', async () => {
    const id = dataOf(await c.request(A)).visitId
    dataOf(await c.call({ action: 'assign', visitId: id, staffNo: STAFF_NO, slot: { date: '2026-11-03', half: 'am' } }, LEAD))
    dataOf(await c.call({ action: 'confirm', visitId: id }, A))
    expect(dataOf(await c.call({ action: 'cancel', visitId: id }, A))).toMatchObject({ state: 'cancelled', allowedActions: [] })
    expect(codeOf(await c.call({ action: 'record', visitId: id, materials: [] }, STAFF))).toBe('CONFLICT')
    expect(codeOf(await c.call({ action: 'cancel', visitId: id }, A))).toBe('CONFLICT')
    const events = await c.notices(id)
    expect(events).toEqual(expect.arrayContaining([`visit.requested→${LEAD}`, `visit.task→demo-staff-crj`]))
    expect(events.filter((e) => e === `visit.requested→${LEAD}`)).toHaveLength(2)
  })

  it('when the lead declines with a reason, then the citizen is told the reason and may ask again', async () => {
    const id = dataOf(await c.request(A)).visitId
    expect(codeOf(await c.call.raw({ action: 'decline', visitId: id }, LEAD))).toBe('INVALID_INPUT')
    const declined = dataOf(await c.call({ action: 'decline', visitId: id, reason: '该地址不在本县服务范围' }, LEAD))
    expect(declined).toMatchObject({ state: 'declined', declineReason: '该地址不在本县服务范围' })
    expect(dataOf(await c.call({ action: 'get', visitId: id }, A)).declineReason).toBe('该地址不在本县服务范围')
    const message = (await t.db.collection('messages').where({ openid: A, event: 'visit.declined' }).get()).data
    expect(message.map((m) => String(m.body))).toEqual([expect.stringContaining('该地址不在本县服务范围')])
    expect(dataOf(await c.request(A)).state).toBe('requested')
  })
})
