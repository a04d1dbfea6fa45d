/** One complaint for staff (get) and the office's audited look at a real-name complainant's phone (revealPhone). */
import { setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { A, complaintClient, LEAD, STAFF, STAFF_SCJG, startComplaintCloud, SUPERVISOR } from '../support/complaint'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startComplaintCloud())
const c = kitFor(() => complaintClient(t))
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

const auditOf = async (complaintId: string) => (await t.db.collection('audit').where({ complaintId }).limit(100).get()).data

describe('get', () => {
  it('when the office opens a complaint, then it gets the office view with the allowed actions; the department only once it is transferred there', async () => {
    const sent = await c.filed(A, { about: { kind: 'window', windowId: 'win-01' } })
    expect(dataOf(await c.call({ action: 'get', complaintId: sent.id }, SUPERVISOR))).toMatchObject({
      view: 'office',
      state: 'submitted',
      contactPhoneMasked: '139****5678',
      canRevealPhone: true,
      allowedActions: ['accept', 'notAccept', 'transfer'],
    })
    expect(codeOf(await c.call({ action: 'get', complaintId: sent.id }, LEAD))).toBe('NOT_FOUND')
    dataOf(
      await c.call({ action: 'decide', complaintId: sent.id, decision: 'transfer', departmentId: 'dept-crj', note: '请核实' }, SUPERVISOR),
    )
    const dept = dataOf(await c.call({ action: 'get', complaintId: sent.id }, LEAD))
    expect(dept).toMatchObject({ view: 'department', state: 'transferred', transferNote: '请核实', allowedActions: ['reply'] })
    expect(JSON.stringify(dept)).not.toContain('5678')
    expect(codeOf(await c.call({ action: 'get', complaintId: sent.id }, STAFF_SCJG))).toBe('NOT_FOUND')
    expect(codeOf(await c.call({ action: 'get', complaintId: sent.id }, A))).toBe('FORBIDDEN')
    expect(codeOf(await c.call({ action: 'get', complaintId: 'cp-00000000000000000000' }, SUPERVISOR))).toBe('NOT_FOUND')
  })

  it('when the complaint is about the caller, then neither the window staff member nor a supervisor named in it can open or act on it', async () => {
    const aboutStaff = await c.filed(A, { about: { kind: 'staff', staffNo: 'ZW0001' } }, 'dept-crj')
    expect(codeOf(await c.call({ action: 'get', complaintId: aboutStaff.id }, STAFF))).toBe('NOT_FOUND')
    expect(dataOf(await c.call({ action: 'get', complaintId: aboutStaff.id }, LEAD)).view).toBe('department')

    // 刘洋 (ZW0004) is the demo centre office's supervisor.
    const aboutOffice = await c.filed(A, { about: { kind: 'staff', staffNo: 'ZW0004' } })
    expect(codeOf(await c.call({ action: 'get', complaintId: aboutOffice.id }, SUPERVISOR))).toBe('NOT_FOUND')
    expect(codeOf(await c.call({ action: 'decide', complaintId: aboutOffice.id, decision: 'accept' }, SUPERVISOR))).toBe('NOT_FOUND')
    expect(codeOf(await c.call({ action: 'revealPhone', complaintId: aboutOffice.id, reason: '回访投诉人' }, SUPERVISOR))).toBe('NOT_FOUND')
    expect(dataOf(await c.call({ action: 'inbox' }, SUPERVISOR)).items.map((i) => i.complaintId)).not.toContain(aboutOffice.id)
    expect((await c.doc(aboutOffice.trackingNo)).state).toBe('submitted')
  })
})

describe('the department is told', () => {
  it('when the office transfers a complaint about 王芳 to 出入境, then the department’s other staff get a message opening it, 王芳 none, and none names the complainant', async () => {
    const sent = await c.filed(A, { about: { kind: 'staff', staffNo: 'ZW0001' } }, 'dept-crj')
    const notices = (await t.db.collection('outbox').where({ event: 'complaint.assigned', subjectRoot: sent.id }).limit(100).get()).data
    const recipients = notices.map((n) => String(n.recipient))
    expect(recipients).toContain(LEAD)
    expect(recipients).not.toContain(STAFF)
    expect(recipients).not.toContain(A)
    for (const n of notices) {
      expect(n.page).toBe(`packages/staff/complaint/index?id=${sent.id}`)
      expect(JSON.stringify(n.data)).not.toMatch(/13912345678|TS[A-Z0-9]{11}/)
    }
    const message = (await t.db.collection('messages').where({ openid: LEAD, event: 'complaint.assigned' }).limit(5).get()).data[0]
    expect(message).toMatchObject({ title: '收到中心办公室转办的投诉' })
  })
})

describe('revealPhone', () => {
  it('when the office reads a real-name complainant’s phone with a reason, then the full number is answered and who, when and why are audited', async () => {
    const sent = await c.filed(A)
    setBeijingNow('2026-09-21', '10:30')
    expect(dataOf(await c.call({ action: 'revealPhone', complaintId: sent.id, reason: '电话回访核实情况' }, SUPERVISOR))).toEqual({
      phone: '13912345678',
    })
    expect(await auditOf(sent.id)).toEqual([
      expect.objectContaining({
        kind: 'complaint_phone_read',
        complaintId: sent.id,
        staffNo: 'ZW0004',
        role: 'supervisor',
        reason: '电话回访核实情况',
        at: new Date('2026-09-21T02:30:00.000Z'),
      }),
    ])
  })

  it('when no reason is given, the caller is not the office, or the complaint is anonymous, then no number is answered and nothing is audited', async () => {
    const real = await c.filed(A, {}, 'dept-crj')
    expect(codeOf(await c.call.raw({ action: 'revealPhone', complaintId: real.id }, SUPERVISOR))).toBe('INVALID_INPUT')
    expect(codeOf(await c.call({ action: 'revealPhone', complaintId: real.id, reason: '好' }, SUPERVISOR))).toBe('INVALID_INPUT')
    expect(codeOf(await c.call({ action: 'revealPhone', complaintId: real.id, reason: '回访投诉人' }, LEAD))).toBe('FORBIDDEN')
    expect(await auditOf(real.id)).toEqual([])

    const anon = await c.filed(A, { anonymous: true, contactPhone: undefined })
    expect(dataOf(await c.call({ action: 'get', complaintId: anon.id }, SUPERVISOR))).toMatchObject({
      view: 'office',
      canRevealPhone: false,
    })
    expect(codeOf(await c.call({ action: 'revealPhone', complaintId: anon.id, reason: '回访投诉人' }, SUPERVISOR))).toBe('CONFLICT')
    expect(await auditOf(anon.id)).toEqual([])
  })
})
