/** Shared set-up of the case function tests: a cloud with the demo centre and a few builders. */
import { caseContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import type { CaseAction } from '../../types/domain/case-machine'
import { dataOf, ok } from './calls'
import type { TestCloud } from './cloud'
import { A, PASSPORT, STAFF, startDemoCloud } from './demo'
import { jpeg, png } from './files'
import { idNumberFor, newRequestId } from './people'

export { A, ADMIN, B, LEAD, PASSPORT, STAFF, STAFF_SCJG, SUPERVISOR } from './demo'
export { jpeg, pdf, png } from './files'

/** What `act` takes besides the case and the transition: a note, supplement items, a reason, a mail. */
export type ActExtra = Omit<ActionInput<typeof caseContract, 'act'>, 'caseId' | 'transition'>
type ContentType = ActionInput<typeof caseContract, 'uploadMaterial'>['contentType']

/** What the window charges for a passport at 办结: the catalogue's 120 yuan. */
export const PASSPORT_FEE = { amount: 120 }

export const startCaseCloud = (fns: string[] = ['case']): Promise<TestCloud> => startDemoCloud(fns)

/** The passport form, whole; a field overridden with `undefined` is left out, as the JSON on the wire leaves it. */
export const passportForm = (over: Record<string, string | number | undefined> = {}): Record<string, string | number> => {
  const form: Record<string, string | number | undefined> = {
    applyType: '换发',
    purpose: '旅游',
    destination: '日本',
    birthPlace: '山西省运城市',
    emergencyContact: '张建国',
    emergencyPhone: '13900000001',
    ...over,
  }
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string | number] => e[1] !== undefined))
}
export const profile = (seq = 1) => ({
  name: '张伟',
  idNumber: idNumberFor(seq),
  phone: '13912345678',
  address: '山西省运城市绛县古绛镇1号',
})

export function caseClient(t: TestCloud) {
  const call = t.api(caseContract)
  const act = (caseId: string, transition: CaseAction, openid: string, extra: ActExtra = {}) =>
    call({ action: 'act', caseId, transition, ...extra }, openid)
  const upload = (caseId: string, materialIndex: number, bytes: Buffer, openid = A, contentType: ContentType = 'image/jpeg') =>
    call(
      { action: 'uploadMaterial', caseId, materialIndex, fileName: 'scan.jpg', contentType, dataBase64: bytes.toString('base64') },
      openid,
    )
  const getCase = (caseId: string, openid: string) => call({ action: 'getCase', caseId }, openid)
  const stateOf = async (caseId: string) => (await t.db.collection('cases').doc(caseId).get()).data.state as string

  /** A passport draft with the whole form and the ID card photo. */
  async function readyDraft(openid = A, seq = 1): Promise<string> {
    const r = await call(
      { action: 'createDraft', matterId: PASSPORT, applicant: profile(seq), form: passportForm(), requestId: newRequestId() },
      openid,
    )
    expect(r).toMatchObject({ ok: true })
    const { caseId } = dataOf(r)
    expect(await upload(caseId, 0, jpeg(64, seq % 200), openid)).toMatchObject({ ok: true })
    return caseId
  }

  /** Drives a fresh passport case of `openid` to `state` through the real actions. */
  async function caseIn(state: string, openid = A, seq = 1): Promise<string> {
    const id = await readyDraft(openid, seq)
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['submitted', () => ok(act(id, 'submit', openid))],
      ['pre_review', () => ok(act(id, 'startPreReview', STAFF))],
      ['supplement_requested', () => ok(act(id, 'requestSupplement', STAFF, { items: [{ material: 0, problem: '身份证照片不清晰' }] }))],
      [
        'resubmitted',
        async () => {
          await ok(upload(id, 0, png(), openid, 'image/png'))
          await ok(act(id, 'resubmit', openid))
        },
      ],
      ['pre_review#2', () => ok(act(id, 'startPreReview', STAFF))],
      ['accepted', () => ok(act(id, 'accept', STAFF))],
      ['in_process', () => ok(act(id, 'startProcessing', STAFF))],
      ['approved', () => ok(act(id, 'approve', STAFF, { fee: PASSPORT_FEE }))],
      ['ready_for_pickup', () => ok(act(id, 'readyForPickup', STAFF))],
    ]
    if (state === 'draft') return id
    const target = state === 'mailed' ? 'approved' : state === 'pre_review' ? 'pre_review' : state
    for (const [reached, run] of steps) {
      await run()
      if (reached === target) break
    }
    if (state === 'mailed') await ok(act(id, 'mail', STAFF, { mail: { trackingNo: 'EM123456789CN' } }))
    expect(await stateOf(id)).toBe(state)
    return id
  }

  return { call, act, upload, getCase, stateOf, readyDraft, caseIn, ok }
}
