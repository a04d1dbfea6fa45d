import http from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalCloud } from '../../local'
import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud
let functionsDir: string
const personas = [
  { key: 'citizen', openid: 'demo-citizen-a', label: '市民 张三', role: 'citizen' },
  { key: 'staff', openid: 'demo-staff-crj', label: '出入境窗口 李四', role: 'window_staff' },
]

beforeAll(async () => {
  functionsDir = await buildFixtures(['probe'])
  const site = mkdtempSync(join(tmpdir(), 'local-site-'))
  const staticDir = join(site, 'h5')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>政务服务</title><div id="app"></div>')
  writeFileSync(join(staticDir, 'assets', 'app.3f2a.js'), 'console.log("app")')
  writeFileSync(join(staticDir, 'assets', 'app.3f2a.css'), 'body{}')
  writeFileSync(join(site, 'secret.txt'), 'not for the web')
  t = await startTestCloud({ functionsDir, staticDir, personas })
})
afterAll(() => t?.close())

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.cloud.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
const rawGet = (path: string) =>
  new Promise<{ status: number; type: string; body: string }>((ok, fail) => {
    http
      .get({ host: '127.0.0.1', port: t.cloud.port, path }, (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => ok({ status: res.statusCode!, type: String(res.headers['content-type']), body }))
      })
      .once('error', fail)
  })

describe('POST /api/fn/<function>', () => {
  it('when a client calls with x-wx-openid, then the function runs as that user and its answer comes back as JSON', async () => {
    const res = await post('/api/fn/probe', JSON.stringify({ action: 'context' }), { 'x-wx-openid': 'demo-citizen-a' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toMatchObject({ ctx: { OPENID: 'demo-citizen-a', SOURCE: 'wx_client' } })
  })

  it('when no x-wx-openid is sent, then the function runs without an OPENID', async () => {
    expect(await t.call('probe', { action: 'context' })).toMatchObject({ ctx: { OPENID: '' } })
  })

  it.each([['has spaces'], ['x'.repeat(65)], ['o.with.dots'], ['']])(
    'when x-wx-openid is %j, then 400 INVALID_INPUT and the function does not run',
    async (openid) => {
      const res = await post('/api/fn/probe', '{}', { 'x-wx-openid': openid })
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } })
    },
  )

  it('when the function does not exist, then 404 NOT_FOUND 云函数不存在', async () => {
    const res = await post('/api/fn/nope', '{}')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '云函数不存在' } })
    expect((await post('/api/fn/..%2F..%2Fetc', '{}')).status).toBe(404)
  })

  it('when the function throws, then 500 INTERNAL without any detail', async () => {
    const res = await post('/api/fn/probe', JSON.stringify({ action: 'throw' }))
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    expect(text).not.toContain('probe failure')
    expect(t.logs().join('\n')).toContain('probe failure')
  })

  it('when the body is not JSON or is over the 4 MB limit, then 400 / 413', async () => {
    expect((await post('/api/fn/probe', '{oops')).status).toBe(400)
    const big = JSON.stringify({ action: 'echo', blob: 'x'.repeat(4 * 1024 * 1024) })
    const res = await post('/api/fn/probe', big)
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('when the function answers nothing, then the body is null', async () => {
    expect(await t.call('probe', { action: 'undefined' })).toBeNull()
  })

  it('when the method is not POST, then 405', async () => {
    expect((await fetch(`${t.cloud.url}/api/fn/probe`)).status).toBe(405)
  })
})

describe('dev and health endpoints', () => {
  it('when the dev login asks for personas, then they are listed', async () => {
    expect(await (await fetch(`${t.cloud.url}/api/dev/personas`)).json()).toEqual({ personas })
  })

  it('when health is checked, then ok', async () => {
    expect(await (await fetch(`${t.cloud.url}/api/health`)).json()).toEqual({ ok: true })
  })

  it('when an unknown /api path is asked for, then a JSON 404, not the app', async () => {
    const res = await fetch(`${t.cloud.url}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('the h5 app', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', '政务服务'],
    ['/assets/app.3f2a.js', 'text/javascript; charset=utf-8', 'console.log'],
    ['/assets/app.3f2a.css', 'text/css; charset=utf-8', 'body{}'],
    ['/pages/booking/detail?id=b1', 'text/html; charset=utf-8', '政务服务'],
    ['/%2e%2e/secret.txt', 'text/html; charset=utf-8', '政务服务'],
    ['/../secret.txt', 'text/html; charset=utf-8', '政务服务'],
  ])('when %s is requested, then it is served as %s', async (path, type, content) => {
    const r = await rawGet(path)
    expect(r).toMatchObject({ status: 200, type })
    expect(r.body).toContain(content)
    expect(r.body).not.toContain('not for the web')
  })

  it('when a path under /files, /cos or /admin has no route, then it is not answered with the app', async () => {
    for (const path of ['/files/x.txt', '/cos/x.txt', '/admin', '/admin/other']) {
      const r = await rawGet(path)
      expect(r.status).toBeGreaterThanOrEqual(400)
      expect(r.body).not.toContain('政务服务')
    }
  })
})

describe('dev login safety', () => {
  it('when dev login is on and the host is not loopback, then the cloud refuses to start, in Chinese and English', async () => {
    await expect(startLocalCloud({ functionsDir, host: '0.0.0.0', port: 0 })).rejects.toThrow(/开发登录[\s\S]*Dev login/)
  })

  it('when the host is a specific outside address, then the cloud refuses to start', async () => {
    await expect(startLocalCloud({ functionsDir, host: '192.168.1.10', port: 0, devLogin: false })).rejects.toThrow(/192\.168\.1\.10/)
  })

  it('when dev login is off, then personas are 404 and x-wx-openid is refused', async () => {
    const other = await startLocalCloud({ functionsDir, port: 0, devLogin: false, personas, log: () => {} })
    try {
      expect((await fetch(`${other.url}/api/dev/personas`)).status).toBe(404)
      const res = await fetch(`${other.url}/api/fn/probe`, { method: 'POST', headers: { 'x-wx-openid': 'demo-admin' }, body: '{}' })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    } finally {
      await other.close()
    }
  })
})
