import http from 'node:http'
import https from 'node:https'
import { db } from './cloud'
import { COLLECTIONS } from './collections'

/**
 * The 公众号's (服务号's) own HTTP API, for the notice function (published articles, followers) and
 * the notify function (template messages). `freepublish/batchget` is not offered as a cloud call
 * ("本接口不支持云调用", developers.weixin.qq.com/doc/offiaccount/Publish/Get_publication_records.html),
 * and a cloud call with the 公众号's identity needs 环境共享, so every call goes to api.weixin.qq.com
 * with the 公众号's stable access token
 * (developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html), which
 * WeChat only issues to callers whose outbound IP is on the 公众号's IP whitelist (README).
 *
 * Node's http modules, not fetch: the cloud's function runtime is Node 16.
 * MP_API_BASE points the calls elsewhere: the local cloud's fake 公众号 (local/official-account.ts).
 */

export interface MpConfig {
  base: string
  appid: string
  secret: string
}

const TIMEOUT_MS = 8000

export function mpConfig(): MpConfig | undefined {
  const appid = process.env.MP_APPID ?? ''
  const secret = process.env.MP_APPSECRET ?? ''
  if (!appid || !secret) return undefined
  return { base: (process.env.MP_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, ''), appid, secret }
}

/** A WeChat API answer with a nonzero errcode. */
export class MpError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`公众号接口错误 ${errcode} ${errmsg}`)
    this.name = 'MpError'
  }
}

function request(
  url: string,
  opts: { method: 'GET' | 'POST'; body?: string; maxBytes: number },
): Promise<{ status: number; type: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url)
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return reject(new Error(`不支持的地址 ${u.protocol}`))
    const lib = u.protocol === 'https:' ? https : http
    const req = lib.request(
      u,
      {
        method: opts.method,
        timeout: TIMEOUT_MS,
        headers: opts.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(opts.body) },
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (c: Buffer) => {
          size += c.length
          if (size > opts.maxBytes) {
            req.destroy(new Error('响应过大'))
            return
          }
          chunks.push(c)
        })
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), bytes: Buffer.concat(chunks) }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error('请求超时')))
    req.on('error', reject)
    req.end(opts.body)
  })
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const r = await request(url, { method: 'POST', body: JSON.stringify(body), maxBytes: 4 * 1024 * 1024 })
  if (r.status !== 200) throw new Error(`HTTP ${r.status}`)
  const json = JSON.parse(r.bytes.toString('utf8')) as T & { errcode?: number; errmsg?: string }
  if (json.errcode) throw new MpError(json.errcode, String(json.errmsg ?? ''))
  return json
}

export async function getBytes(url: string, maxBytes: number): Promise<Buffer> {
  const r = await request(url, { method: 'GET', maxBytes })
  if (r.status !== 200) throw new Error(`HTTP ${r.status}`)
  return r.bytes
}

export async function getJson<T>(url: string): Promise<T> {
  const r = await request(url, { method: 'GET', maxBytes: 4 * 1024 * 1024 })
  if (r.status !== 200) throw new Error(`HTTP ${r.status}`)
  const json = JSON.parse(r.bytes.toString('utf8')) as T & { errcode?: number; errmsg?: string }
  if (json.errcode) throw new MpError(json.errcode, String(json.errmsg ?? ''))
  return json
}

/** A cached token is renewed this long before WeChat's expiry. */
const TOKEN_MARGIN_MS = 5 * 60_000
/** Access token invalid or expired: renew once and retry. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001])

/**
 * The stable access token, cached in the database for every function that calls the 公众号: the
 * stable token endpoint answers the same token until it expires when `force_refresh` is false, so
 * two functions renewing at once do not invalidate each other.
 */
async function accessToken(cfg: MpConfig, now: Date, force: boolean): Promise<string> {
  const ref = db().collection(COLLECTIONS.mpPull).doc('token')
  if (!force) {
    const cached = await ref.get().then(
      (r) => r.data as { token?: string; expiresAt?: Date; appid?: string } | undefined,
      () => undefined,
    )
    if (cached?.token && cached.appid === cfg.appid && new Date(cached.expiresAt ?? 0).getTime() - TOKEN_MARGIN_MS > now.getTime())
      return cached.token
  }
  const r = await postJson<{ access_token: string; expires_in: number }>(`${cfg.base}/cgi-bin/stable_token`, {
    grant_type: 'client_credential',
    appid: cfg.appid,
    secret: cfg.secret,
    force_refresh: false,
  })
  await ref.set({ data: { token: r.access_token, appid: cfg.appid, expiresAt: new Date(now.getTime() + r.expires_in * 1000) } })
  return r.access_token
}

/**
 * Calls the 公众号 API with the access token in the query (`call` gets `?access_token=…` to append),
 * renewing the token once when WeChat says it is invalid or expired.
 */
export async function withToken<T>(cfg: MpConfig, now: Date, call: (query: string) => Promise<T>): Promise<T> {
  const query = (token: string) => `access_token=${encodeURIComponent(token)}`
  try {
    return await call(query(await accessToken(cfg, now, false)))
  } catch (e) {
    if (!(e instanceof MpError) || !TOKEN_ERRCODES.has(e.errcode)) throw e
    return call(query(await accessToken(cfg, now, true)))
  }
}
