import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FAKE_MP_APPID, FAKE_MP_SECRET } from '../../local/official-account'
import { startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud

beforeAll(async () => {
  t = await startTestCloud({ functionsDir: mkdtempSync(join(tmpdir(), 'no-fns-')) })
})
afterEach(() => t.cloud.officialAccount.failWith(null))
afterAll(() => t?.close())

const post = async (path: string, body: unknown) => {
  const r = await fetch(`${t.cloud.url}/wxmp${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await r.json()) as Record<string, unknown>
}
const token = async () =>
  String(
    (await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: FAKE_MP_APPID, secret: FAKE_MP_SECRET })).access_token,
  )

describe('the fake 公众号 API', () => {
  it('when the secret or appid is wrong, then stable_token answers WeChat’s errcodes', async () => {
    expect(await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: FAKE_MP_APPID, secret: 'wrong' })).toMatchObject({
      errcode: 40125,
    })
    expect(
      await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx-other', secret: FAKE_MP_SECRET }),
    ).toMatchObject({ errcode: 40013 })
    expect(
      await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: FAKE_MP_APPID, secret: FAKE_MP_SECRET }),
    ).toMatchObject({
      access_token: expect.any(String),
      expires_in: 7200,
    })
  })

  it('when batchget is called with a bad token or count, then it is refused; with no_content the bodies are left out', async () => {
    expect(await post('/cgi-bin/freepublish/batchget?access_token=nope', { offset: 0, count: 20, no_content: 1 })).toMatchObject({
      errcode: 40001,
    })
    const tk = await token()
    expect(await post(`/cgi-bin/freepublish/batchget?access_token=${tk}`, { offset: 0, count: 21, no_content: 1 })).toMatchObject({
      errcode: 40007,
    })
    const page = await post(`/cgi-bin/freepublish/batchget?access_token=${tk}`, { offset: 0, count: 2, no_content: 1 })
    expect(page).toMatchObject({ total_count: 3, item_count: 2 })
    const items = page.item as Array<{ content: { news_item: Array<Record<string, unknown>> } }>
    expect(items[0].content.news_item[0]).not.toHaveProperty('content')
    expect(String(items[0].content.news_item[0].thumb_url)).toMatch(/\/wxmp\/covers\/\d\.png$/)
  })

  it('when a failure is injected, then every call answers that errcode', async () => {
    t.cloud.officialAccount.failWith(45009)
    expect(
      await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: FAKE_MP_APPID, secret: FAKE_MP_SECRET }),
    ).toMatchObject({ errcode: 45009 })
  })
})
