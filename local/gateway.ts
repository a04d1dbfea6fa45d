/**
 * What the h5 app and the browser tests talk to, on the same server as the admin API:
 *
 *   POST /api/fn/<function>   JSON event → the function's return value as JSON (200). The caller
 *                             is a WeChat client (SOURCE wx_client); with dev login on, its OPENID
 *                             comes from the `x-wx-openid` header (the h5 stand-in for WeChat's
 *                             signed identity). Without dev login the header is refused.
 *   GET  /api/dev/personas    the demo identities the dev login offers (404 without dev login)
 *   GET  /api/health          {ok:true}
 *   GET  anything else        the h5 build from staticDir; paths without a file get index.html
 *                             (single-page app routing), except under /api, /admin, /files, /cos.
 *
 * Errors use the functions' own envelope `{ ok:false, error:{ code, message } }` with Chinese
 * messages, so the client shows them like any other failure.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { resolve, sep } from 'node:path'
import { FunctionNotFound, type FunctionRunner } from './functions'
import { BodyTooLarge, readBody, sendJson } from './http'
import { contentType } from './mime'
import { identity } from './wxcontext'

// Room for a 2 MB material sent base64 by the local h5 app (case.uploadMaterial). A real cloud
// caps callFunction data far lower (about 100 KB: developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html),
// which is why the mini-program uploads files to storage itself (case.uploadTarget).
export const GATEWAY_BODY_LIMIT = 4 * 1024 * 1024
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export interface Persona {
  key: string
  openid: string
  label: string
  role: string
}

const fail = (code: string, message: string) => ({ ok: false, error: { code, message } })

export class Gateway {
  private readonly staticRoot: string | null

  constructor(
    private readonly runner: FunctionRunner,
    private readonly opts: { devLogin: boolean; personas: Persona[]; staticDir?: string; log: (line: string) => void },
  ) {
    this.staticRoot = opts.staticDir ? resolve(opts.staticDir) : null
  }

  async api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/api/health') return sendJson(res, 200, { ok: true })
    if (path === '/api/dev/personas') {
      if (!this.opts.devLogin) return sendJson(res, 404, fail('NOT_FOUND', '未开启开发登录'))
      return sendJson(res, 200, { personas: this.opts.personas })
    }
    const m = /^\/api\/fn\/([^/]+)$/.exec(path)
    if (!m) return sendJson(res, 404, fail('NOT_FOUND', '接口不存在'))
    if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', '请使用 POST 调用云函数'), { allow: 'POST' })
    let name: string
    try {
      name = decodeURIComponent(m[1])
    } catch {
      return this.refuse(req, res, 404, fail('NOT_FOUND', '云函数不存在'))
    }
    return this.callFunction(req, res, name)
  }

  private async callFunction(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const header = req.headers['x-wx-openid']
    let openid = ''
    if (header !== undefined) {
      if (!this.opts.devLogin) return this.refuse(req, res, 403, fail('FORBIDDEN', '未开启开发登录，不接受 x-wx-openid'))
      if (typeof header !== 'string' || !OPENID_PATTERN.test(header))
        return this.refuse(req, res, 400, fail('INVALID_INPUT', 'x-wx-openid 格式不正确'))
      openid = header
    }
    if (!this.runner.exists(name)) return this.refuse(req, res, 404, fail('NOT_FOUND', '云函数不存在'))
    let event: unknown
    try {
      const body = await readBody(req, GATEWAY_BODY_LIMIT)
      event = body.length ? JSON.parse(body.toString('utf8')) : {}
    } catch (e) {
      if (e instanceof BodyTooLarge) return sendJson(res, 413, fail('INVALID_INPUT', '请求内容过大（上限 4 MB）'), { connection: 'close' })
      return sendJson(res, 400, fail('INVALID_INPUT', '请求内容不是合法的 JSON'))
    }
    try {
      const result = await this.runner.run(name, event, identity({ openid, source: 'wx_client' }))
      sendJson(res, 200, result === undefined ? null : result)
    } catch (e) {
      if (e instanceof FunctionNotFound) return sendJson(res, 404, fail('NOT_FOUND', '云函数不存在'))
      // The runner logged the stack; a WeChat client would only see -504002.
      sendJson(res, 500, fail('INTERNAL', '系统繁忙，请稍后再试'))
    }
  }

  /** Answer without reading the body (drained so the connection can be reused). */
  private refuse(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
    req.resume()
    sendJson(res, status, body)
  }

  /** GET/HEAD of the h5 app, with the single-page fallback to index.html. */
  static(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, fail('INVALID_INPUT', '不支持的请求方法'), { allow: 'GET, HEAD' })
    const root = this.staticRoot
    if (!root || !existsSync(resolve(root, 'index.html'))) {
      const page =
        '<!doctype html><meta charset="utf-8"><title>本地云</title><p>本地云已启动，但还没有 H5 页面：请先运行 <code>npm run build:h5</code>（<code>npm start</code> 会自动构建）。</p>'
      res.writeHead(404, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(page),
        'x-content-type-options': 'nosniff',
      })
      return void res.end(req.method === 'HEAD' ? undefined : page)
    }
    let file: string | null = null
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      decoded = ''
    }
    if (decoded && !decoded.includes('\0')) {
      const candidate = resolve(root, '.' + decoded)
      if ((candidate === root || candidate.startsWith(root + sep)) && existsSync(candidate) && statSync(candidate).isFile())
        file = candidate
    }
    const isIndex = !file
    if (!file) file = resolve(root, 'index.html')
    const html = /\.html?$/.test(file)
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-length': statSync(file).size,
      // Hashed assets may be cached; the page itself must always be fresh so a rebuild shows.
      'cache-control': html || isIndex ? 'no-cache' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
  }
}
