import dns from 'node:dns'
import http from 'node:http'
import net from 'node:net'
import tls from 'node:tls'
import { blocked } from '../../local/netguard'
import { buildFixtures } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/cloud'

// 203.0.113.0/24 is TEST-NET-3: never routed, so even a broken guard could not reach anybody.
const OUTSIDE = '203.0.113.7'
let t: TestCloud

beforeAll(async () => {
  t = await startTestCloud({ functionsDir: await buildFixtures(['probe']) })
})
afterAll(() => t?.close())

const connectError = (socket: net.Socket) =>
  new Promise<NodeJS.ErrnoException>((ok, fail) => {
    socket.once('error', ok)
    socket.once('connect', () => fail(new Error('connected to the outside')))
  })

describe('the loopback-only network guard (jest setupFiles)', () => {
  it('when a socket connects to a non-loopback address, then it fails at once and the target is recorded', async () => {
    const err = await connectError(net.connect(443, OUTSIDE))
    expect(err).toMatchObject({ code: 'EACCES', message: expect.stringContaining('netguard') })
    expect(blocked).toContain(`${OUTSIDE}:443`)
  })

  it('when TLS, http or fetch reach for an outside host, then they are refused', async () => {
    expect(await connectError(tls.connect({ host: OUTSIDE, port: 443 }))).toMatchObject({ code: 'EACCES' })
    const httpErr = await new Promise<Error>((ok) => http.get(`http://${OUTSIDE}/`, () => ok(new Error('answered'))).once('error', ok))
    expect(httpErr.message).toContain('netguard')
    await expect(fetch('https://api.weixin.qq.com/cgi-bin/token')).rejects.toThrow()
    expect(blocked.join(' ')).toContain('api.weixin.qq.com')
  })

  it('when an outside name is resolved, then DNS is refused before any packet leaves', async () => {
    await expect(dns.promises.lookup('servicewechat.com')).rejects.toMatchObject({ code: 'EACCES' })
    const cbErr = await new Promise<Error | null>((ok) => dns.lookup('tcb-api.tencentcloudapi.com', (e) => ok(e)))
    expect(cbErr).toMatchObject({ code: 'EACCES' })
  })

  it('when the target is loopback, then connections and lookups work', async () => {
    expect(await (await fetch(`${t.cloud.url}/api/health`)).json()).toEqual({ ok: true })
    await expect(dns.promises.lookup('localhost')).resolves.toHaveProperty('address')
    const socket = net.connect(t.cloud.port, '127.0.0.1')
    await new Promise((ok, fail) => socket.once('connect', ok).once('error', fail))
    socket.destroy()
  })
})
