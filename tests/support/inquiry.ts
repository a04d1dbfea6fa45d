/** Shared set-up of the inquiry function tests: a cloud with the demo centre and a few builders. */
import { inquiryContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import { ok } from './calls'
import type { TestCloud } from './cloud'
import { A, PASSPORT, STAFF, startDemoCloud } from './demo'
import { idNumberFor, newRequestId } from './people'

export { A, ADMIN, B, LEAD, PASSPORT, STAFF, STAFF_SCJG, SUPERVISOR } from './demo'
export { jpeg, pdf, png } from './files'
export const FOOD_LICENCE = 'm-food-business-license'

export const startInquiryCloud = (): Promise<TestCloud> => startDemoCloud(['inquiry'])

/** Extra window staff of a department, for races (the seed has only a few per department). */
export async function addStaff(t: TestCloud, departmentId: string, n: number, prefix: string): Promise<string[]> {
  const openids: string[] = []
  for (let i = 1; i <= n; i++) {
    const staffNo = `${prefix}${String(i).padStart(3, '0')}`
    const openid = `o-${staffNo.toLowerCase()}`
    await t.db.collection('staff').add({
      data: {
        _id: `staff-${staffNo.toLowerCase()}`,
        openid,
        staffNo,
        name: `测试${i}号`,
        role: 'window_staff',
        departmentId,
        windowIds: [],
        active: true,
      },
    })
    openids.push(openid)
  }
  return openids
}

export async function saveProfile(t: TestCloud, openid: string, name: string, seq = 1) {
  await t.db
    .collection('profiles')
    .doc(openid)
    .set({ data: { name, idNumber: idNumberFor(seq), phone: '13912345678', updatedAt: new Date() } })
}

export function inquiryClient(t: TestCloud) {
  const call = t.api(inquiryContract)
  const ask = (openid = A, over: Partial<ActionInput<typeof inquiryContract, 'ask'>> = {}) =>
    call({ action: 'ask', matterId: PASSPORT, question: '护照过期了，换发需要带户口本吗？', requestId: newRequestId(), ...over }, openid)
  /** The same question sent with `over` as no client may (an extra field, a field left out): refused on purpose. */
  const askRaw = (openid: string, over: Record<string, unknown>) =>
    call.raw(
      { action: 'ask', matterId: PASSPORT, question: '护照过期了，换发需要带户口本吗？', requestId: newRequestId(), ...over },
      openid,
    )
  const askOk = async (openid = A, over: Partial<ActionInput<typeof inquiryContract, 'ask'>> = {}): Promise<string> =>
    (await ok(ask(openid, over))).inquiryId
  const send = (inquiryId: string, text: string, openid: string, requestId = newRequestId()) =>
    call({ action: 'sendMessage', inquiryId, text, requestId }, openid)
  const claim = (inquiryId: string, openid = STAFF) => call({ action: 'claim', inquiryId }, openid)
  const get = (inquiryId: string, openid: string) => call({ action: 'getInquiry', inquiryId }, openid)
  const doc = async (inquiryId: string) => (await t.db.collection('inquiries').doc(inquiryId).get()).data
  /** A claimed passport inquiry of A with one reply from 王芳. */
  const answered = async (openid = A) => {
    const id = await askOk(openid)
    await ok(claim(id))
    await ok(send(id, '不需要户口本，带身份证和旧护照即可。', STAFF))
    return id
  }
  return { call, ok, ask, askRaw, askOk, send, claim, get, doc, answered }
}
