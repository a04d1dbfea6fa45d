/**
 * Photos of a complaint are stored before it is submitted (h5: inside the call; the mini-program:
 * straight to storage, then checked) and handed back on submit by id; the office, the department
 * it was transferred to and the complainant see them through short-lived URLs.
 */
import { setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { A, B, complaintClient, jpeg, LEAD, STAFF_SCJG, startComplaintCloud, SUPERVISOR } from '../support/complaint'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startComplaintCloud())
const c = kitFor(() => complaintClient(t))
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

const put = async (cloudPath: string, bytes: Buffer) => (await t.sdk.uploadFile({ cloudPath, fileContent: bytes })).fileID
const anonymous = { anonymous: true, contactPhone: undefined }

describe('photos of a complaint', () => {
  it('when a complaint is submitted with two photos, then the complainant, the office and the department it went to see them, and another department does not', async () => {
    const photos = [await c.photo(A, 1), await c.photo(A, 2)]
    const sent = await c.filed(A, { ...anonymous, about: { kind: 'window', windowId: 'win-01' }, photos }, 'dept-crj')

    const tracked = dataOf(await c.call({ action: 'track', trackingNo: sent.trackingNo, password: sent.password }, B))
    expect(tracked.photos).toEqual([{ url: expect.any(String) }, { url: expect.any(String) }])
    const office = dataOf(await c.call({ action: 'get', complaintId: sent.id }, SUPERVISOR))
    expect(office).toMatchObject({ view: 'office', photoCount: 2, photos: [{ url: expect.any(String) }, { url: expect.any(String) }] })
    const dept = dataOf(await c.call({ action: 'get', complaintId: sent.id }, LEAD))
    expect(dept).toMatchObject({ view: 'department', photoCount: 2, photos: [{ url: expect.any(String) }, { url: expect.any(String) }] })
    expect(codeOf(await c.call({ action: 'get', complaintId: sent.id }, STAFF_SCJG))).toBe('NOT_FOUND')
    // The inbox carries the count only.
    const listed = dataOf(await c.call({ action: 'inbox' }, SUPERVISOR)).items.find((i) => i.complaintId === sent.id)
    expect(listed?.photoCount).toBe(2)
  })

  it('when anonymous complaints carry photos, then nothing in the photos’ storage paths names or links the complainant', async () => {
    const first = await c.filed(A, { ...anonymous, photos: [await c.photo(A, 3)] }, 'dept-crj')
    const second = await c.filed(A, { ...anonymous, photos: [await c.photo(A, 4)] }, 'dept-crj')
    const paths = await Promise.all(
      [first, second].map(async (s) => {
        const doc = await c.doc(s.trackingNo)
        return (doc.photos as Array<{ fileId: string }>)[0].fileId.split('/').slice(3)
      }),
    )
    const urls = await Promise.all(
      [first, second].map(async (s) => dataOf(await c.call({ action: 'get', complaintId: s.id }, LEAD)).photos[0].url ?? ''),
    )
    for (const u of urls) expect(u).not.toContain(A)
    for (const p of paths) expect(p.join('/')).not.toContain(A)
    // The two paths share their folder only: no part of one file name recurs in the other, so one account's complaints cannot be linked.
    expect(paths[0].slice(0, -1)).toEqual(paths[1].slice(0, -1))
    const nameParts = (p: string[]) => p[p.length - 1].replace(/\.\w+$/, '').split('-')
    expect(nameParts(paths[0]).filter((part) => nameParts(paths[1]).includes(part))).toEqual([])
  })

  it('when someone submits a photo id that is not their own, a made-up one or more than 3, then the submit is refused and writes nothing', async () => {
    const before = (await t.db.collection('complaints').count()).total
    const theirs = await c.photo(B, 5)
    expect(codeOf(await c.submit(A, { photos: [theirs] }))).toBe('INVALID_INPUT')
    const forged = theirs.replace(/[0-9a-f]{24}(?=\.jpg$)/, 'f'.repeat(24))
    expect(codeOf(await c.submit(B, { photos: [forged] }))).toBe('INVALID_INPUT')
    const mine = await Promise.all([1, 2, 3, 4].map((n) => c.photo(A, 10 + n)))
    expect(codeOf(await c.submit(A, { photos: mine }))).toBe('INVALID_INPUT')
    expect((await t.db.collection('complaints').count()).total).toBe(before)
  })

  it('when a photo is not a JPEG or PNG, or is larger than 2 MB, then it is refused', async () => {
    const pdf = Buffer.from('%PDF-1.7 not a photo').toString('base64')
    expect(codeOf(await c.call({ action: 'addPhoto', contentType: 'image/jpeg', dataBase64: pdf }, A))).toBe('INVALID_INPUT')
    const big = jpeg(2 * 1024 * 1024 + 10, 1).toString('base64')
    expect(codeOf(await c.call.raw({ action: 'addPhoto', contentType: 'image/jpeg', dataBase64: big }, A))).toBe('INVALID_INPUT')
  })
})

describe('photos uploaded by the mini-program', () => {
  it('when the complainant uploads to the photo target and attaches it, then the checked copy can be submitted and the upload is gone', async () => {
    const target = dataOf(await c.call({ action: 'photoTarget' }, A))
    expect(target.cloudPath).not.toContain(A)
    const fileId = await put(target.cloudPath, jpeg(400_000, 9))
    const attached = dataOf(await c.call({ action: 'attachPhoto', fileId, contentType: 'image/jpeg' }, A))
    expect(attached).toMatchObject({ contentType: 'image/jpeg', size: 400_000 })
    expect(attached.photoId).not.toBe(fileId)
    await expect(t.sdk.downloadFile({ fileID: fileId })).rejects.toBeTruthy()
    const sent = dataOf(await c.submit(A, { photos: [attached.photoId] }))
    expect(dataOf(await c.call({ action: 'track', trackingNo: sent.trackingNo }, A)).photos).toHaveLength(1)
    // An upload straight to storage is never itself a photo that can be submitted.
    const raw = await put(dataOf(await c.call({ action: 'photoTarget' }, A)).cloudPath, jpeg(1000, 9))
    expect(codeOf(await c.submit(A, { photos: [raw] }))).toBe('INVALID_INPUT')
  })

  it("when the upload is not an image, or is attached from another person's target, then it is refused and deleted", async () => {
    const bad = await put(dataOf(await c.call({ action: 'photoTarget' }, A)).cloudPath, Buffer.from('%PDF-1.7 not a photo'))
    expect(codeOf(await c.call({ action: 'attachPhoto', fileId: bad, contentType: 'image/jpeg' }, A))).toBe('INVALID_INPUT')
    await expect(t.sdk.downloadFile({ fileID: bad })).rejects.toBeTruthy()
    const hers = await put(dataOf(await c.call({ action: 'photoTarget' }, A)).cloudPath, jpeg(1000, 8))
    expect(codeOf(await c.call({ action: 'attachPhoto', fileId: hers, contentType: 'image/jpeg' }, B))).toBe('NOT_FOUND')
  })
})
