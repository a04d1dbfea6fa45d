/**
 * The mini-program sends a question's photo straight to storage (a cloud call carries only about
 * 100 KB) and then asks the inquiry function to attach it. The real SDK here plays the app's upload.
 */
import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { A, B, inquiryClient, jpeg, startInquiryCloud } from '../support/inquiry'
import { dataOf } from '../support/calls'

let t: TestCloud
let q: ReturnType<typeof inquiryClient>

beforeAll(async () => {
  setBeijingNow('2026-09-28', '09:00')
  t = await startInquiryCloud()
  q = inquiryClient(t)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const put = async (cloudPath: string, bytes: Buffer) => (await t.sdk.uploadFile({ cloudPath, fileContent: bytes })).fileID
const imagesOf = async (id: string) => (await t.db.collection('inquiries').doc(id).get()).data.images as Array<{ fileId: string }>

describe('photos uploaded by the mini-program', () => {
  it('when the asker uploads to the image target and attaches it, then the photo is checked and recorded', async () => {
    const id = await q.askOk(A)
    const target = await q.call({ action: 'imageTarget', inquiryId: id }, A)
    expect(target).toMatchObject({ ok: true, data: { cloudPath: expect.stringContaining(`/${id}/`) } })
    const fileId = await put(dataOf(target).cloudPath, jpeg(400_000, 5))
    expect(await q.call({ action: 'attachImage', inquiryId: id, fileId, contentType: 'image/jpeg' }, A)).toMatchObject({
      ok: true,
      data: { size: 400_000, count: 1 },
    })
    expect((await imagesOf(id)).map((i) => i.fileId)).toEqual([fileId])
  })

  it('when the uploaded file is not an image, then it is refused and deleted', async () => {
    const id = await q.askOk(A)
    const data = dataOf(await q.call({ action: 'imageTarget', inquiryId: id }, A))
    const fileId = await put(data.cloudPath, Buffer.from('%PDF-1.7 not a photo'))
    expect(await q.call({ action: 'attachImage', inquiryId: id, fileId, contentType: 'image/jpeg' }, A)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await imagesOf(id)).toEqual([])
    await expect(t.sdk.downloadFile({ fileID: fileId })).rejects.toBeTruthy()
  })

  it("when someone attaches a file from another person's target, then it is not found", async () => {
    const mine = await q.askOk(A)
    const theirs = await q.askOk(B)
    const data = dataOf(await q.call({ action: 'imageTarget', inquiryId: mine }, A))
    const fileId = await put(data.cloudPath, jpeg(1000, 7))
    expect(await q.call({ action: 'attachImage', inquiryId: theirs, fileId, contentType: 'image/jpeg' }, B)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await imagesOf(theirs)).toEqual([])
  })
})
