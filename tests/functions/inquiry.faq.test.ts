import type { TestCloud } from '../support/cloud'
import { idNumberFor } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { A, FOOD_LICENCE, inquiryClient, LEAD, PASSPORT, saveProfile, STAFF, STAFF_SCJG, startInquiryCloud } from '../support/inquiry'
import { dataOf } from '../support/calls'

let t: TestCloud
let c: ReturnType<typeof inquiryClient>

beforeAll(async () => {
  t = await startInquiryCloud()
  c = inquiryClient(t)
  await t.db
    .collection('settings')
    .doc('inquiry_policy')
    .set({ data: { maxOpenPerAsker: 50 } })
  await saveProfile(t, A, '张伟')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-22', '10:00'))

const ID = idNumberFor(7)
const QUESTION = `我叫张伟，身份证号${ID}，手机13912345678。我儿子张小明的护照过期了，我能替他换发吗？`
const ANSWER = '张先生您好：未成年人换发护照须由监护人陪同本人到场。张伟您可联系王芳13800001111，或致电出入境大队0359-0601101咨询。'

async function publishedInquiry() {
  const id = await c.askOk(A, { question: QUESTION })
  await c.ok(c.claim(id))
  await c.ok(c.send(id, ANSWER, STAFF))
  return id
}

describe('publishing an answer to the matter FAQ', () => {
  it('when staff publish a Q&A full of personal data, then ID numbers, phone numbers and names are gone and the public office number stays', async () => {
    const id = await publishedInquiry()
    const r = await c.call({ action: 'publishFaq', inquiryId: id }, STAFF)
    expect(r).toMatchObject({
      ok: true,
      data: { faqId: `fq-${id.slice(3)}`, matterId: PASSPORT, removed: { idNumbers: 1, phones: 2, names: expect.any(Number) } },
    })
    const stored = (await t.db.collection('faqs').doc(dataOf(r).faqId).get()).data
    for (const text of [JSON.stringify(dataOf(r)), JSON.stringify(stored)]) {
      for (const secret of [ID, ID.slice(6, 14), '13912345678', '13800001111', '张伟', '张小明', '王芳', '张先生'])
        expect(text).not.toContain(secret)
    }
    expect(dataOf(r).question).toBe('我叫某某，身份证号[证件号码已隐去]，手机[电话号码已隐去]。我儿子某某的护照过期了，我能替他换发吗？')
    expect(dataOf(r).answer).toContain('0359-0601101')
    expect(dataOf(r).answer).toContain('未成年人换发护照须由监护人陪同本人到场')

    // Anyone reads it on the matter page, and finds it while typing.
    expect(dataOf(await c.call({ action: 'faqForMatter', matterId: PASSPORT })).items).toEqual([
      expect.objectContaining({ faqId: dataOf(r).faqId, question: dataOf(r).question }),
    ])
    expect(dataOf(await c.call({ action: 'suggestFaq', matterId: PASSPORT, q: '儿子护照过期怎么换发' })).items.map((x) => x.faqId)).toEqual(
      [dataOf(r).faqId],
    )
    expect(dataOf(await c.call({ action: 'suggestFaq', q: '护照过期' })).items.map((x) => x.faqId)).toContain(dataOf(r).faqId)
    expect(dataOf(await c.call({ action: 'suggestFaq', matterId: FOOD_LICENCE, q: '护照过期' })).items).toEqual([])
    expect(dataOf(await c.call({ action: 'suggestFaq', matterId: PASSPORT, q: '营业执照注销' })).items).toEqual([])
  })

  it('when staff publish their own edit, then it is scrubbed too and replaces the entry of that inquiry', async () => {
    const id = await publishedInquiry()
    const first = await c.ok(c.call({ action: 'publishFaq', inquiryId: id }, STAFF))
    const edited = await c.call(
      {
        action: 'publishFaq',
        inquiryId: id,
        question: '能替孩子换发护照吗？',
        answer: '需监护人陪同孩子本人到场，可联系李娜 13700002222。',
      },
      LEAD,
    )
    expect(edited).toMatchObject({
      ok: true,
      data: { faqId: first.faqId, question: '能替孩子换发护照吗？', answer: '需监护人陪同孩子本人到场，可联系某某 [电话号码已隐去]。' },
    })
    expect((await t.db.collection('faqs').where({ inquiryId: id }).count()).total).toBe(1)
  })

  it.each([
    ['staff of another department', 'NOT_FOUND', STAFF_SCJG, true],
    ['the asker', 'FORBIDDEN', A, true],
    ['the owner before any reply', 'CONFLICT', STAFF, false],
  ])('when %s publish, then it is refused (%s) and nothing is published', async (_who, code, openid, replied) => {
    const id = replied ? await publishedInquiry() : await c.askOk(A)
    if (!replied) await c.ok(c.claim(id))
    expect(await c.call({ action: 'publishFaq', inquiryId: id }, openid)).toMatchObject({ ok: false, error: { code } })
    expect((await t.db.collection('faqs').where({ inquiryId: id }).count()).total).toBe(0)
  })

  it('when staff of the department take an entry down, then it is no longer shown; other departments cannot', async () => {
    const id = await publishedInquiry()
    const { faqId } = await c.ok(c.call({ action: 'publishFaq', inquiryId: id }, STAFF))
    expect(await c.call({ action: 'unpublishFaq', faqId }, STAFF_SCJG)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.call({ action: 'unpublishFaq', faqId }, LEAD)).toEqual({ ok: true, data: { faqId, removed: true } })
    expect(dataOf(await c.call({ action: 'faqForMatter', matterId: PASSPORT })).items.map((x) => x.faqId)).not.toContain(faqId)
  })

  it.each([
    ['a one-character query', { action: 'suggestFaq', q: '护' }],
    ['an unknown field', { action: 'faqForMatter', matterId: PASSPORT, all: true }],
    ['a malformed matter id', { action: 'faqForMatter', matterId: '../etc' }],
  ])('when the FAQ is asked for with %s, then the input is refused', async (_what, event) => {
    expect(await c.call.raw(event)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
