import { randomBytes } from 'node:crypto'
import type { TestCloud } from '../support/cloud'
import { newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { CASE_TRANSITIONS, type CaseActor } from '../../types/domain/case-machine'
import { MATERIAL_MAX_BYTES } from '../../types/domain/case-material'
import {
  A,
  ADMIN,
  B,
  caseClient,
  jpeg,
  LEAD,
  passportForm,
  PASSPORT,
  png,
  profile,
  STAFF,
  STAFF_SCJG,
  startCaseCloud,
  SUPERVISOR,
} from '../support/case'
import { dataOf } from '../support/calls'
import { caseContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'

let t: TestCloud
let c: ReturnType<typeof caseClient>
let submitted: string
let draft: string

beforeAll(async () => {
  setBeijingNow('2026-09-21', '09:00')
  t = await startCaseCloud()
  c = caseClient(t)
  submitted = await c.caseIn('submitted', A, 31)
  draft = await c.readyDraft(A, 32)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const count = async (collection: string, where: object = {}) => (await t.db.collection(collection).where(where).count()).total

describe('who sees a case', () => {
  it.each([
    ['its citizen', A, 'ok', '110101'],
    ['another citizen', B, 'NOT_FOUND', ''],
    ['window staff of its department', STAFF, 'ok', '110101'],
    ['the lead of its department', LEAD, 'ok', '110101'],
    ['window staff of another department', STAFF_SCJG, 'NOT_FOUND', ''],
    ['a supervisor (masked, read-only)', SUPERVISOR, 'ok', '*'],
    ['the system admin', ADMIN, 'NOT_FOUND', ''],
  ])('when %s (%s) opens it, then the answer is %s', async (_who, openid, outcome, idShows) => {
    const r = await c.getCase(submitted, openid)
    if (outcome !== 'ok') return expect(r).toEqual({ ok: false, error: { code: outcome, message: '未找到该办件' } })
    expect(r.ok).toBe(true)
    const view = dataOf(r)
    expect(view.applicant.idNumber).toContain(idShows)
    if (openid === SUPERVISOR) {
      expect(view.applicant.idNumber).toBe(view.applicant.idNumberMasked)
      expect(view.allowedActions).toEqual([])
      expect(view.materials[0].files[0].url).toBeUndefined()
      // The form too (case.supervisor-masking.test.ts walks every form of the catalogue).
      expect(view.form).toMatchObject({ applyType: '换发', emergencyContact: '张**', emergencyPhone: '139****0001' })
    }
    // The query code (查询码) is the owner's alone.
    expect(view.queryCode === undefined).toBe(openid !== A)
  })

  it('when staff open a draft, then it does not exist for them', async () => {
    expect(await c.getCase(draft, STAFF)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.getCase(draft, SUPERVISOR)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('when someone without standing acts on it, then it is not found (or forbidden for a supervisor) and nothing changes', async () => {
    expect(await c.act(submitted, 'withdraw', B)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.act(submitted, 'startPreReview', STAFF_SCJG)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.act(submitted, 'startPreReview', SUPERVISOR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await c.call({ action: 'saveDraft', caseId: draft, form: passportForm({ destination: '法国' }) }, B)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await c.stateOf(submitted)).toBe('submitted')
    expect((await t.db.collection('cases').doc(draft).get()).data.form.destination).toBe('日本')
  })

  it('when case ids or numbers are guessed, then nothing is found', async () => {
    const guesses = Array.from({ length: 100 }, () => `cs-${randomBytes(10).toString('hex')}`)
    const answers = await Promise.all(guesses.map((caseId) => c.getCase(caseId, STAFF)))
    expect(answers.every((r) => r.ok === false && r.error.code === 'NOT_FOUND')).toBe(true)
    const caseNo = (await t.db.collection('cases').doc(submitted).get()).data.caseNo
    expect(await c.getCase(caseNo, A)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(dataOf(await c.call({ action: 'myCases' }, B)).cases).toEqual([])
  })

  it('when the worklist is asked for, then staff see their department, supervisors all, citizens nothing', async () => {
    const ids = async (openid: string, extra: ActionInput<typeof caseContract, 'worklist'> = {}) => {
      const r = await c.call({ action: 'worklist', ...extra }, openid)
      return r.ok ? r.data.items.map((x) => x.caseId) : r.error.code
    }
    expect(await ids(STAFF)).toContain(submitted)
    expect(await ids(STAFF)).not.toContain(draft)
    expect(await ids(STAFF_SCJG)).not.toContain(submitted)
    expect(await ids(SUPERVISOR, { departmentId: 'dept-crj' })).toContain(submitted)
    expect(await ids(STAFF, { departmentId: 'dept-scjg' })).toBe('FORBIDDEN')
    expect(await ids(A)).toBe('FORBIDDEN')
    expect(await ids(STAFF, { state: 'submitted' })).toContain(submitted)
    expect(await ids(STAFF, { state: 'approved' })).not.toContain(submitted)
  })
})

describe('materials and files', () => {
  it('when the owner and the department open the case, then the file comes through a URL of at most 10 minutes', async () => {
    for (const who of [A, STAFF]) {
      const url = dataOf(await c.getCase(submitted, who)).materials[0].files[0].url as string
      const expires = Number(new URL(url).searchParams.get('expires'))
      const seconds = expires > 1e12 ? expires / 1000 : expires
      expect(seconds - Date.now() / 1000).toBeLessThanOrEqual(600 + 5)
      const body = Buffer.from(await (await fetch(url)).arrayBuffer())
      expect(body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    }
  })

  it("when another citizen tries to attach someone's library file, then it is not found", async () => {
    const aLib = dataOf(await c.call({ action: 'myMaterials' }, A)).items[0].libraryId
    const bDraft = await c.readyDraft(B, 33)
    expect(await c.call({ action: 'attachFromLibrary', caseId: bDraft, materialIndex: 3, libraryId: aLib }, B)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(dataOf(await c.call({ action: 'myMaterials' }, B)).items.map((x) => x.libraryId)).not.toContain(aLib)
    expect((await t.db.collection('cases').doc(bDraft).get()).data.materials[3].files).toEqual([])
  })

  const text = Buffer.from('this is not an image at all, just text')
  const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(40, 1)])
  it.each([
    ['plain text declared as JPEG', text, 'image/jpeg', 0, 'dataBase64'],
    ['a GIF declared as PNG', gif, 'image/png', 0, 'dataBase64'],
    ['a PNG declared as JPEG', png(), 'image/jpeg', 0, 'contentType'],
    ['a JPEG for a material only accepted at the window', jpeg(), 'image/jpeg', 2, 'materialIndex'],
    ['a JPEG for a material the matter does not have', jpeg(), 'image/jpeg', 9, 'materialIndex'],
  ])('when the upload is %s, then it is refused and nothing is stored', async (_name, bytes, contentType, materialIndex, path) => {
    const before = [await count('materials'), (await t.db.collection('cases').doc(draft).get()).data.rev]
    const r = await c.call.raw(
      { action: 'uploadMaterial', caseId: draft, materialIndex, fileName: 'x.jpg', contentType, dataBase64: bytes.toString('base64') },
      A,
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path }] } })
    expect([await count('materials'), (await t.db.collection('cases').doc(draft).get()).data.rev]).toEqual(before)
  })

  it('when a file is over 2 MB, then the function refuses it; at exactly 2 MB it is stored', async () => {
    // Invoked directly: the local HTTP gateway caps bodies at 1 MB before the function would see them.
    const invoke = (bytes: Buffer) =>
      t.api(caseContract, { inProcess: true })(
        {
          action: 'uploadMaterial',
          caseId: draft,
          materialIndex: 3,
          fileName: 'big.jpg',
          contentType: 'image/jpeg',
          dataBase64: bytes.toString('base64'),
        },
        A,
      )
    const before = await count('materials')
    expect(await invoke(jpeg(MATERIAL_MAX_BYTES + 1))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('2MB') },
    })
    expect(await count('materials')).toBe(before)
    expect(await invoke(jpeg(MATERIAL_MAX_BYTES, 9))).toMatchObject({ ok: true, data: { size: MATERIAL_MAX_BYTES } })
  })

  it('when an input carries an unknown field, then it is refused and nothing changes', async () => {
    expect(await c.call.raw({ action: 'act', caseId: submitted, transition: 'withdraw', openid: B }, A)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(
      await c.call(
        {
          action: 'createDraft',
          matterId: PASSPORT,
          applicant: profile(40),
          form: passportForm({ hobby: '钓鱼' }),
          requestId: newRequestId(),
        },
        A,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: expect.stringContaining('form') })] },
    })
    expect(await c.stateOf(submitted)).toBe('submitted')
  })
})

describe('audit of staff reads', () => {
  it('when staff open a case, then who, when and which case is written; the citizen reading their own is not audited', async () => {
    const reads = () =>
      t.db
        .collection('audit')
        .where({ caseId: submitted, kind: 'staff_read' })
        .limit(100)
        .get()
        .then((r) => r.data)
    const before = (await reads()).length
    await c.getCase(submitted, A)
    expect((await reads()).length).toBe(before)
    await c.getCase(submitted, LEAD)
    const after = await reads()
    expect(after.length).toBe(before + 1)
    expect(after.find((x) => x.staffNo === 'ZW0003')).toMatchObject({
      role: 'dept_lead',
      departmentId: 'dept-crj',
      caseNo: expect.stringMatching(/^ZW/),
      at: expect.any(Date),
    })
  })
})

describe('every transition by a role the table does not name', () => {
  const who: Record<CaseActor, string> = { applicant: A, window_staff: STAFF, dept_lead: LEAD }
  // Staff never see a draft at all, so for them a draft-only transition answers NOT_FOUND.
  const cases = CASE_TRANSITIONS.flatMap((tr) =>
    (Object.keys(who) as CaseActor[])
      .filter((a) => !tr.by.includes(a))
      .map((a) => {
        const state = a === 'applicant' ? tr.from[0] : (tr.from.find((s) => s !== 'draft') ?? 'draft')
        return [tr.action, a, state, state === 'draft' ? 'NOT_FOUND' : 'FORBIDDEN'] as const
      }),
  )
  const byState = new Map<string, string>()
  let seq = 50

  it.each(cases)('when %s is tried by %s (case in %s), then it is %s and the case stays', async (action, actor, state, code) => {
    if (!byState.has(state)) byState.set(state, await c.caseIn(state, A, seq++))
    const id = byState.get(state)!
    const r = await c.act(id, action, who[actor], {
      items: [{ material: 0, problem: '不清晰' }],
      reason: '不符合申请条件',
      mail: { trackingNo: 'EM123456789CN' },
      pickupCode: '123456',
      fee: { free: true },
    })
    expect(r).toMatchObject({ ok: false, error: { code } })
    expect(await c.stateOf(id)).toBe(state)
  })
})
