import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { codeOf, dataOf, errorOf } from '../support/calls'
import {
  A,
  B,
  LEAD,
  OTHER_CRJ_STAFF,
  SCJG_LEAD,
  STAFF,
  STAFF_NO,
  STAFF_SCJG,
  SUPERVISOR,
  startVisitCloud,
  visitClient,
} from '../support/visit'

let t: TestCloud
let c: ReturnType<typeof visitClient>
let id: string

beforeAll(async () => {
  t = await startVisitCloud()
  c = visitClient(t)
  setBeijingNow('2026-11-02', '09:00')
  id = dataOf(await c.request(A)).visitId
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const ADDRESS = '绛县古绛镇城北街12号3单元201'

describe('who reads and acts on a request', () => {
  it('when a stranger asks for someone else’s request, then it is not found, read or changed, as if it did not exist', async () => {
    for (const action of ['get', 'confirm', 'cancel'] as const) expect(codeOf(await c.call({ action, visitId: id }, B))).toBe('NOT_FOUND')
    expect(codeOf(await c.call({ action: 'reschedule', visitId: id }, B))).toBe('NOT_FOUND')
    expect(dataOf(await c.call({ action: 'mine' }, B)).items).toEqual([])
    expect((await c.docs({ _id: id }))[0]).toMatchObject({ state: 'requested', rev: 0 })
  })

  it('when staff outside the request’s department or not assigned to it look, then they find nothing and cannot assign', async () => {
    for (const who of [STAFF_SCJG, SCJG_LEAD.openid, STAFF, OTHER_CRJ_STAFF.openid])
      expect(codeOf(await c.call({ action: 'staffGet', visitId: id }, who))).toBe('NOT_FOUND')
    for (const who of [STAFF_SCJG, SCJG_LEAD.openid, OTHER_CRJ_STAFF.openid])
      expect(dataOf(await c.call({ action: 'inbox', box: 'open' }, who)).items).toEqual([])
    expect(
      codeOf(
        await c.call({ action: 'assign', visitId: id, staffNo: 'ZW0002', slot: { date: '2026-11-03', half: 'am' } }, SCJG_LEAD.openid),
      ),
    ).toBe('NOT_FOUND')
    // Window staff have no assign at all; a citizen no staff action.
    expect(
      codeOf(await c.call({ action: 'assign', visitId: id, staffNo: STAFF_NO, slot: { date: '2026-11-03', half: 'am' } }, STAFF)),
    ).toBe('FORBIDDEN')
    expect(codeOf(await c.call({ action: 'inbox', box: 'open' }, A))).toBe('FORBIDDEN')
  })

  it('when the supervisor reads, then every department’s requests are listed with the name, phone and address masked', async () => {
    const listed = dataOf(await c.call({ action: 'inbox', box: 'open' }, SUPERVISOR)).items.find((i) => i.visitId === id)
    expect(listed).toMatchObject({ personName: '张**', address: expect.stringContaining('****') })
    const seen = dataOf(await c.call({ action: 'staffGet', visitId: id }, SUPERVISOR))
    expect(seen).toMatchObject({ masked: true, personPhone: '138****5678', contactPhone: '139****4321', allowedActions: [] })
    expect(JSON.stringify(seen)).not.toContain(ADDRESS)
    expect(JSON.stringify(seen)).not.toContain('13812345678')
    expect(codeOf(await c.call({ action: 'decline', visitId: id, reason: '监督人员不能拒绝' }, SUPERVISOR))).toBe('FORBIDDEN')
  })

  it('when the request is assigned, then the assignee reads it in full, another colleague still cannot, and only the assignee records', async () => {
    dataOf(await c.call({ action: 'assign', visitId: id, staffNo: STAFF_NO, slot: { date: '2026-11-03', half: 'am' } }, LEAD))
    expect(dataOf(await c.call({ action: 'staffGet', visitId: id }, STAFF))).toMatchObject({ address: ADDRESS, personPhone: '13812345678' })
    expect(codeOf(await c.call({ action: 'staffGet', visitId: id }, OTHER_CRJ_STAFF.openid))).toBe('NOT_FOUND')
    expect(dataOf(await c.call({ action: 'inbox', box: 'scheduled' }, OTHER_CRJ_STAFF.openid)).items).toEqual([])
    expect(dataOf(await c.call({ action: 'inbox', box: 'scheduled' }, STAFF)).items.map((i) => i.visitId)).toEqual([id])
    dataOf(await c.call({ action: 'confirm', visitId: id }, A))
    expect(codeOf(await c.call({ action: 'record', visitId: id, materials: [0] }, OTHER_CRJ_STAFF.openid))).toBe('NOT_FOUND')
    // The lead reads it but is not the assignee.
    expect(errorOf(await c.call({ action: 'record', visitId: id, materials: [0] }, LEAD)).code).toBe('FORBIDDEN')
    expect(errorOf(await c.call({ action: 'record', visitId: id, materials: [99] }, STAFF)).issues?.[0]?.path).toBe('materials.0')
  })

  it('when a case of another person or of another matter is named, then the link is refused in the same words and nothing is written', async () => {
    const others = await c.insertCase(B)
    const otherMatter = await c.insertCase(A, 'm-hk-macao-permit')
    const draft = await c.insertCase(A, 'm-passport', 'draft')
    const refusals = []
    for (const caseNo of [others.caseNo, otherMatter.caseNo]) {
      refusals.push(errorOf(await c.call({ action: 'record', visitId: id, materials: [0], caseNo }, STAFF)))
    }
    expect(refusals.map((e) => e.message)).toEqual([refusals[0].message, refusals[0].message])
    expect(refusals[0]).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'caseNo' }] })
    expect(errorOf(await c.call({ action: 'record', visitId: id, materials: [0], caseNo: draft.caseNo }, STAFF)).message).toContain('草稿')
    expect((await c.docs({ _id: id }))[0]).toMatchObject({ state: 'confirmed' })
    expect((await c.docs({ _id: id }))[0].linkedCase).toBeUndefined()

    // Recorded without a case, then the citizen's own case linked once.
    dataOf(await c.call({ action: 'record', visitId: id, materials: [0, 2] }, STAFF))
    expect(codeOf(await c.call({ action: 'linkCase', visitId: id, caseNo: others.caseNo }, STAFF))).toBe('INVALID_INPUT')
    const own = await c.insertCase(A)
    expect(dataOf(await c.call({ action: 'linkCase', visitId: id, caseNo: own.caseNo }, STAFF)).linkedCase).toEqual(own)
    expect(codeOf(await c.call({ action: 'linkCase', visitId: id, caseNo: own.caseNo }, STAFF))).toBe('CONFLICT')
    // The case itself is untouched.
    expect((await t.db.collection('cases').where({ caseNo: own.caseNo }).get()).data[0]).not.toHaveProperty('visitId')
  })
})
