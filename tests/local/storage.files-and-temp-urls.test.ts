import http from 'node:http'
import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud

beforeAll(async () => {
  t = await startTestCloud({ functionsDir: await buildFixtures(['probe']) })
})
afterAll(() => t?.close())

const bytes = Buffer.from('%PDF-1.4 材料扫描件 ' + 'x'.repeat(10_000))

describe('cloud storage', () => {
  let fileID: string

  it('when a file is uploaded, then it gets a cloud:// file ID for its path', async () => {
    const r = await t.sdk.uploadFile({ cloudPath: 'evidence/2026/申请表.pdf', fileContent: bytes })
    expect(r.errMsg).toBe('uploadFile:ok')
    expect(r.fileID).toMatch(/^cloud:\/\/local-dev\.[^/]+\/evidence\/2026\/申请表\.pdf$/)
    fileID = r.fileID
  })

  it('when a temp URL is asked for, then it serves the same bytes with the right content type', async () => {
    const { fileList } = await t.sdk.getTempFileURL({ fileList: [fileID] })
    expect(fileList[0]).toMatchObject({ fileID, status: 0, tempFileURL: expect.stringContaining('/files/evidence/2026/') })
    const res = await fetch(encodeURI(fileList[0].tempFileURL))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('when the file is downloaded through the SDK, then the content matches', async () => {
    const r = await t.sdk.downloadFile({ fileID })
    expect(Buffer.compare(r.fileContent as Buffer, bytes)).toBe(0)
  })

  it('when a temp URL has expired or was altered, then it is refused with 403', async () => {
    const { fileList } = await t.sdk.getTempFileURL({ fileList: [{ fileID, maxAge: 1 }] })
    const url = encodeURI(fileList[0].tempFileURL)
    expect((await fetch(url.replace(/sign=[0-9a-f]{4}/, 'sign=0000'))).status).toBe(403)
    expect((await fetch(url.replace('evidence/2026', 'evidence/2025'))).status).toBe(403)
    await new Promise((r) => setTimeout(r, 1100))
    const res = await fetch(url)
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('expired')
  })

  it('when an upload PUT lacks a valid authorization, then COS-style XML refuses it and nothing is stored', async () => {
    const status = await new Promise<number>((ok, fail) => {
      const req = http.request(
        `${t.cloud.url}/cos/evidence/forged.txt`,
        { method: 'PUT', headers: { authorization: '9999999999999.abcd' } },
        (res) => {
          res.resume()
          ok(res.statusCode!)
        },
      )
      req.once('error', fail)
      req.end('forged')
    })
    expect(status).toBe(403)
    const forgedId = fileID.replace(/evidence\/.*$/, 'evidence/forged.txt')
    expect((await t.sdk.getTempFileURL({ fileList: [forgedId] })).fileList[0].status).toBe(-503003)
  })

  it('when a cloud path tries to leave the storage folder, then the upload is refused', async () => {
    await expect(t.sdk.uploadFile({ cloudPath: '../outside.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({
      errCode: expect.any(Number),
    })
  })

  it('when the file is deleted, then its temp URL and download fail with STORAGE_FILE_NONEXIST', async () => {
    const { fileList } = await t.sdk.deleteFile({ fileList: [fileID] })
    expect(fileList[0]).toMatchObject({ fileID, status: 0 })
    expect((await t.sdk.getTempFileURL({ fileList: [fileID] })).fileList[0].status).toBe(-503003)
    // wx-server-sdk 4.0.2 reports a missing download as a TcbError: errCode -1, the code kept beside it.
    await expect(t.sdk.downloadFile({ fileID })).rejects.toMatchObject({
      code: 'STORAGE_FILE_NONEXIST',
      errMsg: expect.stringContaining('not exist'),
    })
    expect((await t.sdk.deleteFile({ fileList: [fileID] })).fileList[0].status).toBe(-503003)
  })
})
