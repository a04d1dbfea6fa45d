/**
 * The CloudBase admin API on `POST /admin`: the endpoint wx-server-sdk reaches once
 * TCB_CONTEXT_CNFG points at us. Requests are JSON `{action, ...params}`,
 * except `wx.openApi`, which is multipart/form-data. Replies are `{requestId, ...}` JSON with
 * either the action's result or `{code, message}`, which the SDK maps to its errCode.
 *
 * Only loopback peers are served, and of those only the SDK of this process or of the functions
 * this cloud runs: every request must carry no Origin, the SDK's content type and a signature made
 * with this start's secret key (adminauth.ts). Whatever host the gateway listens on, the API is
 * never reachable from another machine, nor from a web page open on this one.
 */
import { randomBytes } from 'node:crypto'
import { AdminRefused, checkAdminRequest, verifySignature } from './adminauth'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Database, DbParams } from './database'
import { CloudError } from './errors'
import { FunctionNotFound, type FunctionRunner } from './functions'
import { BodyTooLarge, fromLoopback, readBody, sendJson } from './http'
import type { OpenApi } from './openapi'
import type { Storage } from './storage'
import { identity } from './wxcontext'

/** Admin requests carry whole documents and batches; the cloud's document limit is 16 MB. */
const ADMIN_BODY_LIMIT = 20 * 1024 * 1024

/** Fields of a multipart/form-data body: Buffers, so binary protobuf survives. */
export function parseMultipart(body: Buffer, contentType: string): Record<string, Buffer> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!m) throw new CloudError('INVALID_PARAM', 'multipart boundary missing')
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`)
  const out: Record<string, Buffer> = {}
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const partStart = start + delimiter.length
    if (body.subarray(partStart, partStart + 2).toString() === '--') break // closing delimiter
    const next = body.indexOf(delimiter, partStart)
    if (next === -1) break
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF (before the next delimiter).
    const part = body.subarray(partStart + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const name = /name="([^"]*)"/i.exec(part.subarray(0, headerEnd).toString('utf8'))?.[1]
      if (name) out[name] = part.subarray(headerEnd + 4)
    }
    start = next
  }
  return out
}

type Params = Record<string, unknown>

/** Multipart fields the SDK sends as raw bytes (wx.openApi's protobuf request). */
const BINARY_FIELDS = new Set(['requestData'])

export class AdminApi {
  constructor(
    private readonly db: Database,
    private readonly runner: FunctionRunner,
    private readonly storage: Storage,
    private readonly openapi: OpenApi,
    private readonly log: (line: string) => void,
    /** This start's secret: the SDK signs every request with it as TENCENTCLOUD_SECRETKEY. */
    private readonly secretKey: string,
  ) {}

  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomBytes(16).toString('hex')
    const refuse = (e: AdminRefused) => {
      req.resume()
      sendJson(res, e.status, { requestId, code: e.code, message: e.message })
    }
    if (!fromLoopback(req)) return refuse(new AdminRefused(403, 'INVALID_REQUEST_SOURCE', 'admin API is loopback-only'))
    if (req.method !== 'POST') return refuse(new AdminRefused(405, 'INVALID_PARAM', 'POST only'))
    let kind: 'json' | 'multipart'
    try {
      kind = checkAdminRequest(req)
    } catch (e) {
      if (e instanceof AdminRefused) return refuse(e)
      throw e
    }
    let params: Params
    let multipart: Record<string, Buffer> | null = null
    let signed: Params
    try {
      const body = await readBody(req, ADMIN_BODY_LIMIT)
      if (kind === 'multipart') {
        multipart = parseMultipart(body, String(req.headers['content-type']))
        params = Object.fromEntries(Object.entries(multipart).map(([k, v]) => [k, v.toString('utf8')]))
        // The SDK signed its binary field as bytes and every other field as text.
        signed = Object.fromEntries(Object.entries(multipart).map(([k, v]) => [k, BINARY_FIELDS.has(k) ? v : v.toString('utf8')]))
      } else {
        params = JSON.parse(body.toString('utf8') || '{}') as Params
        signed = params
      }
      if (!params || typeof params !== 'object' || Array.isArray(params)) throw new SyntaxError('body must be an object')
    } catch (e) {
      const message = e instanceof BodyTooLarge ? 'request body too large' : `bad request body: ${(e as Error).message}`
      return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message })
    }
    try {
      verifySignature(req, signed, this.secretKey)
      if (multipart && params.action !== 'wx.openApi')
        throw new AdminRefused(415, 'INVALID_PARAM', 'multipart/form-data is accepted for wx.openApi only')
    } catch (e) {
      if (e instanceof AdminRefused) return refuse(e)
      throw e
    }

    const action = String(params.action ?? '')
    try {
      if (action === 'wx.openApi') {
        const caller = this.runner.callerOf(params.wxCloudApiToken)
        const reply = this.openapi.handle(
          params.apiName,
          multipart?.requestData,
          caller ? { fn: caller.fn, allowed: this.runner.config(caller.fn).permissions?.openapi ?? [] } : {},
        )
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': reply.length })
        return void res.end(reply)
      }
      const result = await this.dispatch(action, params)
      sendJson(res, 200, { requestId, ...result })
    } catch (e) {
      sendJson(res, 200, { requestId, ...this.errorReply(action, e) })
    }
  }

  private async dispatch(action: string, p: Params): Promise<Record<string, unknown>> {
    if (action.startsWith('database.')) return this.db.handle(action, p as DbParams, String(p.wxCloudApiToken ?? ''))
    if (action.startsWith('storage.')) return this.storage.handle(action, p)
    if (action === 'functions.invokeFunction') return this.invoke(p)
    throw new CloudError('INVALID_PARAM', `本地云不支持该操作: ${action || '(无 action)'}`)
  }

  /**
   * cloud.callFunction: the callee runs with the caller's identity (OPENID, APPID, UNIONID), as
   * the platform does; its SOURCE gains `,scf`. A call from outside any function (a test or a
   * script using the SDK as admin) runs without an OPENID.
   */
  private async invoke(p: Params): Promise<Record<string, unknown>> {
    const name = String(p.function_name ?? '')
    const caller = this.runner.callerOf(p.wxCloudApiToken)
    const who = caller ? { ...caller.who, source: `${caller.who.source},scf` } : identity({ openid: '', source: 'wx_unknown' })
    let event: unknown
    try {
      event = p.request_data ? JSON.parse(String(p.request_data)) : {}
    } catch {
      throw new CloudError('INVALID_PARAM', 'request_data 不是合法的 JSON')
    }
    let result: unknown
    try {
      result = await this.runner.run(name, event, who)
    } catch (e) {
      if (e instanceof FunctionNotFound) throw new CloudError('FUNCTIONS_REQUEST_FAIL', `[ResourceNotFound.Function] 云函数不存在: ${name}`)
      const err = e as Error
      throw new CloudError('FUNCTIONS_EXECUTE_FAIL', `云函数 ${name} 执行失败: ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`)
    }
    return { data: { response_data: result === undefined ? '' : JSON.stringify(result) } }
  }

  private errorReply(action: string, e: unknown): { code: string; message: string } {
    if (e instanceof CloudError) return { code: e.code, message: e.message }
    if (e instanceof SyntaxError) return { code: 'INVALID_PARAM', message: e.message }
    this.log(`本地云处理 ${action} 出错: ${(e as Error)?.stack ?? String(e)}`)
    return { code: 'SYS_ERR', message: `[SYS_ERR] ${(e as Error)?.message ?? String(e)}` }
  }
}
