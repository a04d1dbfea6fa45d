import type { TestCloud } from '../support/cloud'
import { newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { builtInCalendar as workingDays } from '../../types/domain/working-days'
import { A, caseClient, jpeg, LEAD, passportForm, PASSPORT, PASSPORT_FEE, pdf, png, profile, STAFF, startCaseCloud } from '../support/case'
import { dataOf, errorOf } from '../support/calls'

let t: TestCloud
let c: ReturnType<typeof caseClient>

beforeAll(async () => {
  t = await startCaseCloud()
  c = caseClient(t)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

const outboxOf = async (caseId: string) =>
  (await t.db.collection('outbox').where({ recipient: A }).limit(100).get()).data.filter((n) => n.subjectId.startsWith(caseId))

describe('普通护照签发, from draft to the passport in hand', () => {
  it('when a citizen applies, is asked once for a supplement and collects the result, then every step is recorded and notified', async () => {
    // Draft: the profile fills the applicant block; the form may start incomplete.
    const created = await c.call(
      {
        action: 'createDraft',
        matterId: PASSPORT,
        applicant: profile(1),
        form: passportForm({ destination: undefined }),
        requestId: newRequestId(),
      },
      A,
    )
    expect(created).toMatchObject({
      ok: true,
      data: { caseId: expect.stringMatching(/^cs-/), caseNo: expect.stringMatching(/^ZW[A-Z2-9]{14}$/) },
    })
    const id = dataOf(created).caseId

    // Submitting an incomplete application is refused with the list of what is missing, and changes nothing.
    const early = await c.act(id, 'submit', A)
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(errorOf(early).issues!.map((i) => i.message)).toEqual(expect.arrayContaining(['请填写前往国家或地区', '请上传申请人居民身份证']))
    expect(await c.stateOf(id)).toBe('draft')

    expect(await c.call({ action: 'saveDraft', caseId: id, form: passportForm() }, A)).toMatchObject({
      ok: true,
      data: { missing: ['请上传申请人居民身份证'] },
    })
    expect(await c.upload(id, 0, jpeg())).toMatchObject({ ok: true, data: { contentType: 'image/jpeg', size: 64 } })
    expect(await c.upload(id, 3, pdf(), A, 'application/pdf')).toMatchObject({ ok: true })
    expect(await c.act(id, 'submit', A)).toEqual({ ok: true, data: { caseId: id, state: 'submitted' } })

    // Pre-review finds two problems and lists both at once.
    setBeijingNow('2026-09-22', '10:00')
    expect(await c.act(id, 'startPreReview', STAFF)).toMatchObject({ ok: true, data: { state: 'pre_review' } })
    const items = [
      { material: 0, problem: '身份证照片反光看不清' },
      { field: 'birthPlace', problem: '出生地应填写到县' },
    ]
    expect(await c.act(id, 'requestSupplement', STAFF, { items, note: '请一并补正' })).toMatchObject({
      ok: true,
      data: { state: 'supplement_requested' },
    })
    const asked = await c.getCase(id, A)
    expect(dataOf(asked)).toMatchObject({
      state: 'supplement_requested',
      allowedActions: ['resubmit', 'withdraw'],
      supplement: {
        round: 1,
        items: [
          { target: '申请人居民身份证', problem: '身份证照片反光看不清' },
          { target: '出生地', problem: '出生地应填写到县' },
        ],
      },
    })

    // Resubmitting without a new photo of the named material and a change to the named field is refused.
    expect(await c.act(id, 'resubmit', A)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'materials.0' }, { path: 'form.birthPlace' }] },
    })
    expect(await c.upload(id, 0, png(), A, 'image/png')).toMatchObject({ ok: true })
    expect(await c.call({ action: 'saveDraft', caseId: id, form: passportForm({ birthPlace: '山西省运城市绛县' }) }, A)).toMatchObject({
      ok: true,
    })
    expect(await c.act(id, 'resubmit', A)).toMatchObject({ ok: true, data: { state: 'resubmitted' } })

    // Acceptance starts the 7-working-day clock: 09-25 is the Mid-Autumn Festival, 10-01..07 National
    // Day, and the make-up Saturday 10-10 is the 7th working day.
    setBeijingNow('2026-09-23', '09:30')
    expect(await c.act(id, 'startPreReview', STAFF)).toMatchObject({ ok: true })
    expect(await c.act(id, 'accept', STAFF, { note: '材料齐全，已核验原件', internal: true })).toMatchObject({
      ok: true,
      data: { state: 'accepted' },
    })
    expect(dataOf(await c.getCase(id, A)).deadline).toEqual({
      acceptedOn: '2026-09-23',
      limitDays: 7,
      dueDate: '2026-10-10',
      workingDaysLeft: 7,
      overdue: false,
      paused: false,
      provisional: false,
    })
    expect(await c.act(id, 'startProcessing', STAFF)).toMatchObject({ ok: true })
    setBeijingNow('2026-09-25', '15:00')
    expect(await c.act(id, 'approve', LEAD, { note: '审批通过', fee: PASSPORT_FEE })).toMatchObject({
      ok: true,
      data: { state: 'approved' },
    })
    expect(await c.act(id, 'readyForPickup', STAFF)).toMatchObject({ ok: true, data: { state: 'ready_for_pickup' } })

    // Only the citizen sees the pickup code; the window checks it.
    const mine = dataOf(await c.getCase(id, A))
    expect(mine.result).toMatchObject({ decision: 'approved', pickup: { code: expect.stringMatching(/^\d{6}$/), windowNumber: 23 } })
    const staffView = dataOf(await c.getCase(id, STAFF))
    expect(staffView.result!.pickup!.code).toBeUndefined()
    expect(staffView.allowedActions).toEqual(['complete'])
    const pickupCode = mine.result!.pickup!.code!
    const wrong = pickupCode === '000000' ? '111111' : '000000'
    expect(await c.act(id, 'complete', STAFF, { pickupCode: wrong })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'pickupCode' }] },
    })
    setBeijingNow('2026-09-28', '10:00')
    // Typed as it is read out, in two groups with full-width digits: it is the same code.
    const spoken = `${pickupCode.slice(0, 3)} ${pickupCode.slice(3)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    expect(await c.act(id, 'complete', STAFF, { pickupCode: spoken })).toMatchObject({
      ok: true,
      data: { state: 'completed' },
    })
    // Handed over: the pickup code has done its work and is shown no more; the place stays.
    const handedOver = dataOf(await c.getCase(id, A)).result!.pickup!
    expect(handedOver.code).toBeUndefined()
    expect(handedOver.windowName).toBeTruthy()

    // Timeline: every step, in order, with role and staff number; the citizen does not see internal notes.
    const staffTimeline = dataOf(await c.getCase(id, STAFF)).timeline
    const citizenTimeline = dataOf(await c.getCase(id, A)).timeline
    expect(staffTimeline.map((e) => e.action)).toEqual([
      'submit',
      'startPreReview',
      'requestSupplement',
      'resubmit',
      'startPreReview',
      'accept',
      'startProcessing',
      'approve',
      'readyForPickup',
      'complete',
    ])
    expect(staffTimeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(staffTimeline[0].actor).toEqual({ role: 'applicant' })
    expect(staffTimeline[1].actor).toEqual({ role: 'window_staff', staffNo: 'ZW0001' })
    expect(staffTimeline[7].actor).toEqual({ role: 'dept_lead', staffNo: 'ZW0003' })
    expect(staffTimeline.find((e) => e.action === 'accept')).toMatchObject({ note: '材料齐全，已核验原件', internal: true })
    // The citizen sees every step, the acceptance included, but not the internal note on it.
    expect(citizenTimeline.map((e) => e.action)).toEqual(staffTimeline.map((e) => e.action))
    // The citizen reads outcomes; staff keep the names of what they did.
    expect(citizenTimeline.map((e) => e.label)).toEqual([
      '已提交申请',
      '材料预审中',
      '需要补正',
      '已提交补正',
      '材料预审中',
      '已受理',
      '审批中',
      '审批通过',
      '可领取',
      '已领取',
    ])
    expect(staffTimeline.map((e) => e.label).slice(1, 3)).toEqual(['开始预审', '一次性告知补正'])
    expect(citizenTimeline.find((e) => e.action === 'accept')).toEqual(expect.not.objectContaining({ note: expect.anything() }))
    expect(JSON.stringify(citizenTimeline)).not.toContain('已核验原件')
    expect(dataOf(await c.getCase(id, A)).deadline).toMatchObject({ dueDate: '2026-10-10', overdue: false })

    // Outbox: one request per event that matters to the citizen.
    expect((await outboxOf(id)).map((n) => n.event).sort()).toEqual([
      'case.accepted',
      'case.approved',
      'case.completed',
      'case.ready_for_pickup',
      'case.supplement_requested',
    ])
    expect((await outboxOf(id)).find((n) => n.event === 'case.completed')?.data).toMatchObject({ how: 'pickup' })
    expect((await outboxOf(id)).every((n) => n.status === 'pending' && n.data.caseNo === dataOf(created).caseNo)).toBe(true)

    // The timeline is the store's record too: the events cannot be told apart from what the page shows.
    expect((await t.db.collection('case_events').where({ caseId: id }).count()).total).toBe(10)
    // My cases lists it; the library keeps the uploads for the next application.
    expect(dataOf(await c.call({ action: 'myCases' }, A)).cases[0]).toMatchObject({ caseId: id, state: 'completed', applicantName: '张*' })
    expect(dataOf(await c.call({ action: 'myMaterials' }, A)).items.length).toBeGreaterThanOrEqual(3)
  })

  it('when a new application reuses a library file, then no upload is needed and the file is the same', async () => {
    const first = await c.readyDraft(A, 7)
    const lib = dataOf(await c.call({ action: 'myMaterials' }, A)).items
    const firstFile = (await t.db.collection('cases').doc(first).get()).data.materials[0].files[0]
    expect(lib.map((x) => x.libraryId)).toContain(firstFile.libraryId)
    const r = await c.call(
      { action: 'createDraft', matterId: PASSPORT, applicant: profile(7), form: passportForm(), requestId: newRequestId() },
      A,
    )
    const { caseId } = dataOf(r)
    const attached = await c.call({ action: 'attachFromLibrary', caseId, materialIndex: 0, libraryId: firstFile.libraryId }, A)
    expect(attached).toMatchObject({ ok: true, data: { libraryId: firstFile.libraryId } })
    expect(await c.act(caseId, 'submit', A)).toMatchObject({ ok: true })
    const reused = (await t.db.collection('cases').doc(caseId).get()).data.materials[0].files
    expect(reused.map((f: { fileId: string }) => f.fileId)).toEqual([firstFile.fileId])
  })

  it('when the citizen withdraws before acceptance, then the case ends and staff can no longer act', async () => {
    const id = await c.caseIn('pre_review')
    expect(await c.act(id, 'withdraw', A, { note: '行程取消' })).toMatchObject({ ok: true, data: { state: 'withdrawn' } })
    expect(await c.act(id, 'accept', STAFF)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('the legal clock with a supplement across National Day 2026', () => {
  it('when an accepted case waits for a supplement over the holiday, then the waiting working days are added and overdue follows', async () => {
    const id = await c.caseIn('pre_review', A, 11)
    setBeijingNow('2026-09-28', '09:00')
    await c.ok(c.act(id, 'accept', STAFF))
    await c.ok(c.act(id, 'startProcessing', STAFF))
    expect(dataOf(await c.getCase(id, A)).deadline).toMatchObject({ dueDate: '2026-10-13', workingDaysLeft: 7 })

    setBeijingNow('2026-09-29', '11:00')
    await c.ok(c.act(id, 'requestSupplement', STAFF, { items: [{ material: 3, problem: '请上传原护照资料页' }] }))
    setBeijingNow('2026-10-08', '09:00')
    expect(dataOf(await c.getCase(id, A)).deadline).toMatchObject({ paused: true, overdue: false })
    // While paused the case is in no "overdue" or "due soon" list.
    expect(dataOf(await c.call({ action: 'worklist', due: 'overdue' }, STAFF)).items.map((x) => x.caseId)).not.toContain(id)

    setBeijingNow('2026-10-09', '16:00')
    await c.ok(c.upload(id, 3, pdf(), A, 'application/pdf'))
    await c.ok(c.act(id, 'resubmit', A))
    await c.ok(c.act(id, 'startProcessing', STAFF))

    // Paused working days: 09-30, 10-08, 10-09 (10-01..07 are the holiday); 10-10 is the make-up Saturday.
    setBeijingNow('2026-10-12', '09:00')
    const d = dataOf(await c.getCase(id, STAFF)).deadline
    // Staff also see the legal limit's date (护照: 15 working days), paused alike.
    expect(d).toEqual({
      acceptedOn: '2026-09-28',
      limitDays: 7,
      dueDate: '2026-10-16',
      legalDueDate: workingDays.addWorkingDays('2026-09-28', 15 + 3),
      workingDaysLeft: 4,
      overdue: false,
      paused: false,
      provisional: false,
    })
    expect(d!.dueDate).toBe(workingDays.addWorkingDays('2026-09-28', 7 + 3))

    setBeijingNow('2026-10-15', '09:00')
    expect(dataOf(await c.call({ action: 'worklist', due: 'soon' }, STAFF)).items.map((x) => x.caseId)).toContain(id)
    setBeijingNow('2026-10-19', '09:00')
    expect(dataOf(await c.getCase(id, A)).deadline).toMatchObject({ dueDate: '2026-10-16', overdue: true, workingDaysLeft: -1 })
    const overdue = await c.call({ action: 'worklist', due: 'overdue' }, STAFF)
    expect(dataOf(overdue).items.find((x) => x.caseId === id)).toMatchObject({ overdue: true, dueDate: '2026-10-16' })
  })
})

describe('一次性告知: a second supplement request', () => {
  const auditOf = async (caseId: string) => (await t.db.collection('audit').where({ caseId, kind: 'process_error' }).limit(10).get()).data

  it.each([
    ['names only items of the first request', [{ material: 0, problem: '仍不清晰' }], []],
    [
      'names an item the first request did not',
      [
        { material: 0, problem: '仍不清晰' },
        { field: 'destination', problem: '前往国家填写不规范' },
      ],
      ['field:destination'],
    ],
  ])('when it %s, then the audit records %j as a process error', async (_name, items, expected) => {
    const id = await c.caseIn('resubmitted', A, 20 + expected.length)
    await c.ok(c.act(id, 'startPreReview', STAFF))
    await c.ok(c.act(id, 'requestSupplement', STAFF, { items }))
    const entries = await auditOf(id)
    if (expected.length === 0) expect(entries).toEqual([])
    else
      expect(entries).toEqual([
        expect.objectContaining({ rule: 'supplement_not_once', round: 2, newItems: expected, staffNo: 'ZW0001', departmentId: 'dept-crj' }),
      ])
    // The request itself goes through: the citizen must still be told.
    expect(await c.stateOf(id)).toBe('supplement_requested')
  })
})

describe('补正 integrity: every flagged item must change', () => {
  it('when a field and a material are flagged, then the message counts both, resubmitting is refused until each changed, and then it goes through', async () => {
    const id = await c.caseIn('pre_review', A, 31)
    await c.ok(
      c.act(id, 'requestSupplement', STAFF, {
        items: [
          { material: 0, problem: '身份证照片反光' },
          { field: 'destination', problem: '前往国家请写全称' },
        ],
      }),
    )
    const notice = (await outboxOf(id)).find((n) => n.event === 'case.supplement_requested')
    expect(notice?.data).toMatchObject({ items: 2, materials: 1, details: 1 })
    const message = (await t.db.collection('messages').where({ openid: A, event: 'case.supplement_requested' }).limit(50).get()).data.find(
      (m) => m.subjectId.startsWith(id),
    )
    expect(message?.body).toContain('请补充1项材料、1项信息')

    const refused = errorOf(await c.act(id, 'resubmit', A))
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: '还有2项需要补正的内容未修改' })
    expect(refused.issues?.map((i) => i.path).sort()).toEqual(['form.destination', 'materials.0'])

    // A new photo alone is not enough: the field is still as it was.
    await c.ok(c.upload(id, 0, png(), A, 'image/png'))
    expect(errorOf(await c.act(id, 'resubmit', A)).issues).toEqual([
      { path: 'form.destination', message: '请按补正要求修改前往国家或地区' },
    ])
    const draft = dataOf(await c.getCase(id, A))
    await c.ok(
      c.call(
        {
          action: 'saveDraft',
          caseId: id,
          applicant: profile(31),
          form: { ...passportForm(), destination: '日本国' },
          delivery: draft.delivery,
        },
        A,
      ),
    )
    expect(await c.act(id, 'resubmit', A)).toMatchObject({ ok: true, data: { state: 'resubmitted' } })
  })
})

describe('联办件: one sub-task per department', () => {
  it('when not every department has finished, then approval waits; once all are done, it goes through', async () => {
    const { staff } = await import('../../local/seed')
    const staffOf = (dept: string) => staff.find((s) => s.departmentId === dept && s.role === 'window_staff' && s.active)!.openid
    const form = {
      companyName: '绛县示例商贸有限公司',
      registeredCapital: 50,
      legalRepresentative: '张伟',
      legalRepresentativeId: profile(60).idNumber,
      sealSets: 1,
    }
    const r = await c.call(
      { action: 'createDraft', matterId: 'm-business-startup', applicant: profile(60), form, requestId: newRequestId() },
      A,
    )
    const id = dataOf(r).caseId
    for (const i of [0, 1, 2, 3]) await c.ok(c.upload(id, i, pdf(80 + i), A, 'application/pdf'))
    await c.ok(c.act(id, 'submit', A))
    const lead = 'demo-staff-scjg'
    for (const step of ['startPreReview', 'accept', 'startProcessing'] as const) await c.ok(c.act(id, step, lead))
    expect(dataOf(await c.getCase(id, lead)).subtasks!.map((s) => s.departmentId)).toEqual(['dept-scjg', 'dept-sw', 'dept-sb', 'dept-yb'])

    // A joint department sees the case and may finish its own part, but not move the case.
    const tax = staffOf('dept-sw')
    expect(dataOf(await c.getCase(id, tax))).toMatchObject({ canCompleteSubtask: true, allowedActions: [] })
    expect(await c.act(id, 'approve', tax, { fee: { free: true } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await c.ok(c.call({ action: 'completeSubtask', caseId: id }, tax))
    expect(await c.act(id, 'approve', lead, { fee: { free: true } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('联办件') },
    })
    expect(await c.call({ action: 'completeSubtask', caseId: id }, staffOf('dept-crj'))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })

    await Promise.all([lead, staffOf('dept-sb'), staffOf('dept-yb')].map((o) => c.ok(c.call({ action: 'completeSubtask', caseId: id }, o))))
    expect(dataOf(await c.getCase(id, lead)).subtasks!.every((s) => s.done)).toBe(true)
    expect(await c.act(id, 'approve', lead, { fee: { free: true } })).toMatchObject({ ok: true, data: { state: 'approved' } })
  })
})

describe('before acceptance, the promise', () => {
  it('when a case is submitted but not accepted, then its view says the matter’s promised limit; once accepted, the deadline takes over', async () => {
    const waiting = await c.caseIn('submitted', A, 61)
    const before = dataOf(await c.getCase(waiting, A))
    expect(before.promisedLimitDays).toBe(7)
    expect(before.deadline).toBeUndefined()
    const accepted = await c.caseIn('accepted', A, 62)
    const after = dataOf(await c.getCase(accepted, A))
    expect(after.promisedLimitDays).toBeUndefined()
    expect(after.deadline).toMatchObject({ limitDays: 7 })
  })
})
