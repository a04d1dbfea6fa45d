/**
 * The mini-program's own upload path: a callFunction carries only about 100 KB, so the app puts a
 * material into its upload target with wx.cloud.uploadFile and then asks the case function to
 * attach it. Here the real SDK in the test process plays the app's upload.
 */
import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { A, B, caseClient, jpeg, startCaseCloud } from '../support/case'
import { dataOf } from '../support/calls'

let t: TestCloud
let c: ReturnType<typeof caseClient>

beforeAll(async () => {
  t = await startCaseCloud()
  c = caseClient(t)
  setBeijingNow('2026-09-28', '09:00')
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const put = async (cloudPath: string, bytes: Buffer) => (await t.sdk.uploadFile({ cloudPath, fileContent: bytes })).fileID
const filesOf = async (caseId: string, index: number) =>
  (await t.db.collection('cases').doc(caseId).get()).data.materials[index].files as Array<{ fileId: string }>

describe('direct uploads', () => {
  it('when the app uploads to its target and attaches the file, then it is checked and recorded like any upload', async () => {
    const id = await c.readyDraft(A, 41)
    const target = await c.call({ action: 'uploadTarget', caseId: id, materialIndex: 0 }, A)
    expect(target).toMatchObject({ ok: true, data: { cloudPath: expect.stringMatching(new RegExp(`^incoming/[0-9a-f]+/${id}/`)) } })
    const fileId = await put(dataOf(target).cloudPath, jpeg(300_000, 9))
    const r = await c.call(
      { action: 'attachUploaded', caseId: id, materialIndex: 0, fileId, fileName: 'id-card.jpg', contentType: 'image/jpeg' },
      A,
    )
    expect(r).toMatchObject({ ok: true, data: { fileName: 'id-card.jpg', size: 300_000 } })
    expect((await filesOf(id, 0)).map((f) => f.fileId)).toContain(fileId)
  })

  it('when the uploaded file is not what it claims, then it is refused and deleted', async () => {
    const id = await c.readyDraft(A, 42)
    const data = dataOf(await c.call({ action: 'uploadTarget', caseId: id, materialIndex: 0 }, A))
    const fileId = await put(data.cloudPath, Buffer.from('GIF89a not a jpeg at all'))
    const before = (await filesOf(id, 0)).length
    const r = await c.call(
      { action: 'attachUploaded', caseId: id, materialIndex: 0, fileId, fileName: 'x.jpg', contentType: 'image/jpeg' },
      A,
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await filesOf(id, 0)).length).toBe(before)
    await expect(t.sdk.downloadFile({ fileID: fileId })).rejects.toBeTruthy()
  })

  it('when someone attaches a file outside their own upload target, then it is not found', async () => {
    const mine = await c.readyDraft(A, 43)
    const theirs = await c.readyDraft(B, 44)
    const data = dataOf(await c.call({ action: 'uploadTarget', caseId: mine, materialIndex: 0 }, A))
    const fileId = await put(data.cloudPath, jpeg(2000, 3))
    const r = await c.call(
      { action: 'attachUploaded', caseId: theirs, materialIndex: 0, fileId, fileName: 'x.jpg', contentType: 'image/jpeg' },
      B,
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const forged = await c.call(
      {
        action: 'attachUploaded',
        caseId: mine,
        materialIndex: 0,
        fileId: fileId.replace('/incoming/', '/materials/'),
        fileName: 'x.jpg',
        contentType: 'image/jpeg',
      },
      A,
    )
    expect(forged).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
