import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { A, complaintClient, LEAD, STAFF, startComplaintCloud, SUPERVISOR } from '../support/complaint'

let t: TestCloud
let c: ReturnType<typeof complaintClient>

beforeAll(async () => {
  t = await startComplaintCloud()
  c = complaintClient(t)
  await t.db
    .collection('profiles')
    .doc(A)
    .set({ data: { name: '张伟', idNumber: '140826199001011234', phone: '13912345678', updatedAt: new Date() } })
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

/** Every staff answer, serialised: none may name the complainant. */
const staffAnswers: string[] = []
const keep = <T>(r: T): T => {
  staffAnswers.push(JSON.stringify(r))
  return r
}

describe('anonymity towards staff', () => {
  it('when complaints about 王芳 (ZW0001), one with a photo, go through the whole loop, no staff answer or view contains the complainant’s OPENID, name or phone, and 王芳 never sees or opens them', async () => {
    const real = dataOf(await c.submit(A, { about: { kind: 'staff', staffNo: 'ZW0001' } }))
    const anon = dataOf(
      await c.submit(A, {
        anonymous: true,
        contactPhone: undefined,
        about: { kind: 'staff', staffName: '王芳' },
        text: '王芳办事拖拉，我的手机13912345678。',
        photos: [await c.photo(A, 21)],
      }),
    )
    expect(anon.password).toMatch(/^\d{8}$/)
    const ids = [await c.idOf(real.trackingNo), await c.idOf(anon.trackingNo)]

    const inbox = keep(dataOf(await c.call({ action: 'inbox' }, SUPERVISOR)))
    const realView = inbox.items.find((i) => i.complaintId === ids[0])
    expect(realView?.contactPhoneMasked).toBe('139****5678')
    expect(inbox.items.find((i) => i.complaintId === ids[1])?.contactPhoneMasked).toBeUndefined()

    for (const id of ids)
      keep(await c.call({ action: 'decide', complaintId: id, decision: 'transfer', departmentId: 'dept-crj' }, SUPERVISOR))
    for (const id of ids) expect(codeOf(keep(await c.call({ action: 'get', complaintId: id }, STAFF)))).toBe('NOT_FOUND')

    // 王芳 is the subject: she can neither list nor answer them; her lead can.
    const hers = keep(dataOf(await c.call({ action: 'departmentList' }, STAFF)))
    expect(hers.items.map((i) => i.complaintId)).not.toEqual(expect.arrayContaining([ids[0]]))
    expect(hers.items.map((i) => i.complaintId)).not.toEqual(expect.arrayContaining([ids[1]]))
    expect(codeOf(keep(await c.call({ action: 'reply', complaintId: ids[0], text: '我没有态度生硬。' }, STAFF)))).toBe('NOT_FOUND')

    const leads = keep(dataOf(await c.call({ action: 'departmentList' }, LEAD)))
    expect(leads.items.map((i) => i.complaintId)).toEqual(expect.arrayContaining(ids))
    for (const id of ids) keep(await c.call({ action: 'reply', complaintId: id, text: '已约谈当事人并整改。' }, LEAD))
    for (const id of ids) keep(await c.call({ action: 'resolve', complaintId: id, reply: '经核实，已督促整改。' }, SUPERVISOR))
    for (const id of ids) {
      keep(await c.call({ action: 'get', complaintId: id }, SUPERVISOR))
      keep(await c.call({ action: 'get', complaintId: id }, LEAD))
    }
    // The one answer meant to carry the phone (revealPhone) is audited; its audit entry does not name the complainant.
    await c.call({ action: 'revealPhone', complaintId: ids[0], reason: '电话回访核实情况' }, SUPERVISOR)
    keep((await t.db.collection('audit').where({ complaintId: ids[0] }).limit(10).get()).data)
    keep(await c.call({ action: 'inbox', overdue: true }, SUPERVISOR))
    keep(await c.call({ action: 'departmentList', state: 'replied' }, LEAD))

    const all = staffAnswers.join('\n')
    expect(all).not.toContain(A)
    expect(all).not.toContain('张伟')
    expect(all).not.toContain('13912345678')
    expect(all).not.toContain('140826199001011234')
    expect(all).not.toContain(real.trackingNo)
    expect(all).not.toContain(anon.trackingNo)
    // The case link and the tracking credentials are for the office and the complainant only.
    expect(leads.items.every((i) => !('caseId' in i.about))).toBe(true)
  })

  it('when a complaint about a case is seen, the office sees the case id and the department does not', async () => {
    const sent = dataOf(await c.submit(A, { about: { kind: 'case', caseId: 'case-demo-1' } }))
    const id = await c.idOf(sent.trackingNo)
    const office = dataOf(await c.call({ action: 'decide', complaintId: id, decision: 'transfer', departmentId: 'dept-crj' }, SUPERVISOR))
    expect(office.about.caseId).toBe('case-demo-1')
    const dept = dataOf(await c.call({ action: 'departmentList' }, LEAD)).items.find((i) => i.complaintId === id)
    expect(JSON.stringify(dept)).not.toContain('case-demo-1')
  })

  it('when an anonymous complaint is stored, its password is kept only as a keyed hash and nothing pushes to the complainant', async () => {
    const sent = dataOf(await c.submit(A, { anonymous: true, contactPhone: undefined }))
    const doc = await c.doc(sent.trackingNo)
    expect(JSON.stringify(doc)).not.toContain(sent.password)
    const requests = (await t.db.collection('requests').limit(1000).get()).data
    expect(JSON.stringify(requests)).not.toContain(sent.password)
    const id = String(doc._id)
    await c.call({ action: 'decide', complaintId: id, decision: 'accept' }, SUPERVISOR)
    await c.call({ action: 'resolve', complaintId: id, reply: '经核实，已督促整改。' }, SUPERVISOR)
    expect((await t.db.collection('outbox').where({ subjectRoot: id }).limit(10).get()).data).toEqual([])
  })
})
