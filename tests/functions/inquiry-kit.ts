/** Shared set-up of the inquiry function tests: a cloud with the demo centre and a few builders. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { idNumberFor, newRequestId } from '../builders/people'

export const A = 'demo-citizen-a'
export const B = 'demo-citizen-b'
/** 王芳 ZW0001, window staff of dept-crj. */
export const STAFF = 'demo-staff-crj'
/** 赵磊 ZW0002, window staff of dept-scjg. */
export const STAFF_SCJG = 'demo-staff-scjg'
/** 陈静 ZW0003, lead of dept-crj. */
export const LEAD = 'demo-lead-crj'
export const SUPERVISOR = 'demo-supervisor'
export const ADMIN = 'demo-admin'
export const PASSPORT = 'm-passport'
export const FOOD_LICENCE = 'm-food-business-license'

export async function startInquiryCloud(): Promise<TestCloud> {
  const dir = mkdtempSync(join(tmpdir(), 'inquiry-fns-'))
  await buildFunctions(['inquiry'], undefined, dir)
  return startTestCloud({ functionsDir: dir, seed: seedDemoCentre, indexes: INDEXES })
}

/** Small files whose first bytes are what they claim (or not). */
export const jpeg = (size = 64, fill = 1) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, fill)])
export const png = (size = 64) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size - 8, 2)])
export const pdf = (size = 64) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)])

/** Extra window staff of a department, for races (the seed has only a few per department). */
export async function addStaff(t: TestCloud, departmentId: string, n: number, prefix: string): Promise<string[]> {
  const openids: string[] = []
  for (let i = 1; i <= n; i++) {
    const staffNo = `${prefix}${String(i).padStart(3, '0')}`
    const openid = `o-${staffNo.toLowerCase()}`
    await t.db.collection('staff').add({ data: { _id: `staff-${staffNo.toLowerCase()}`, openid, staffNo, name: `测试${i}号`, role: 'window_staff', departmentId, windowIds: [], active: true } })
    openids.push(openid)
  }
  return openids
}

export async function saveProfile(t: TestCloud, openid: string, name: string, seq = 1) {
  await t.db.collection('profiles').doc(openid).set({ data: { name, idNumber: idNumberFor(seq), phone: '13912345678', updatedAt: new Date() } })
}

export function inquiryClient(t: TestCloud) {
  const call = (event: object, openid?: string) => t.call('inquiry', event, openid) as Promise<any>
  const ok = async (p: Promise<any>) => {
    const r = await p
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.data
  }
  const ask = (openid = A, over: Record<string, unknown> = {}) =>
    call({ action: 'ask', matterId: PASSPORT, question: '护照过期了，换发需要带户口本吗？', requestId: newRequestId(), ...over }, openid)
  const askOk = async (openid = A, over: Record<string, unknown> = {}): Promise<string> => (await ok(ask(openid, over))).inquiryId
  const send = (inquiryId: string, text: string, openid: string, requestId = newRequestId()) => call({ action: 'sendMessage', inquiryId, text, requestId }, openid)
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
  return { call, ok, ask, askOk, send, claim, get, doc, answered }
}
