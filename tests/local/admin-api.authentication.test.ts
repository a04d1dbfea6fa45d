/**
 * The admin API serves the SDK of this process and of the functions, and nobody else: not a web
 * page open on the same machine (a cross-origin text/plain POST needs no CORS preflight, so the
 * browser would deliver it), and not a local program that lacks this start's key.
 */
import { buildFixtures } from '../support/fixtures'
import { adminPost } from '../support/admin'
import { startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud
const adminStaff = {
  _id: 'staff-evil',
  openid: 'o-evil',
  staffNo: 'X0001',
  name: '攻击者',
  role: 'admin',
  departmentId: 'dept-x',
  windowIds: [],
  active: true,
}
const insert = { action: 'database.insertDocument', collectionName: 'staff', data: [JSON.stringify(adminStaff)] }
const staffCount = async () => (await t.db.collection('staff').count()).total

beforeAll(async () => {
  t = await startTestCloud({ functionsDir: await buildFixtures(['probe']), collections: ['staff', 'slots', 'visits'] })
})
afterAll(() => t?.close())

describe('the admin API', () => {
  it('when a web page sends a cross-origin text/plain POST, then it is refused and nothing is written', async () => {
    const res = await fetch(`${t.cloud.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify(insert),
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST_SOURCE' })
    expect(await staffCount()).toBe(0)
  })

  it.each([
    ['text/plain without an Origin', 415, { 'content-type': 'text/plain' }],
    ['a form POST', 415, { 'content-type': 'application/x-www-form-urlencoded' }],
    ['unsigned JSON', 401, { 'content-type': 'application/json' }],
    [
      'JSON with a forged signature',
      401,
      {
        'content-type': 'application/json',
        authorization: `TC3-HMAC-SHA256 Credential=x/2026-01-01/tcb/tc3_request, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}`,
        'x-timestamp': String(Math.floor(Date.now() / 1000)),
      },
    ],
  ])('when %s arrives, then it is refused (%i) and nothing is written', async (_what, status, headers) => {
    const res = await fetch(`${t.cloud.url}/admin`, { method: 'POST', headers, body: JSON.stringify(insert) })
    expect(res.status).toBe(status)
    expect(await staffCount()).toBe(0)
  })

  it('when a request is signed with another key (another start, another program), then it is refused', async () => {
    const res = await adminPost(t.cloud, insert, 'f'.repeat(64))
    expect(res.status).toBe(401)
    expect(await staffCount()).toBe(0)
  })

  it('when a multipart body carries a database action, then it is refused: multipart is for wx.openApi only', async () => {
    const form = new FormData()
    for (const [k, v] of Object.entries(insert)) form.append(k, typeof v === 'string' ? v : JSON.stringify(v))
    const res = await fetch(`${t.cloud.url}/admin`, { method: 'POST', body: form })
    expect([401, 415]).toContain(res.status)
    expect(await staffCount()).toBe(0)
  })

  it('when the SDK of this process and a function call it, then they work as before', async () => {
    await t.db.collection('slots').add({ data: { _id: 's1', booked: 0 } })
    expect(await t.cloud.invoke('probe', { action: 'book', slotId: 's1', cap: 1 })).toEqual({ ok: true })
    expect((await t.db.collection('slots').doc('s1').get()).data.booked).toBe(1)
    // A request signed like the SDK signs, with this start's key, is served.
    const res = await adminPost(t.cloud, { action: 'database.calculateDocument', collectionName: 'slots', query: '{}' })
    expect(await res.json()).toMatchObject({ data: { total: 1 } })
  })
})
