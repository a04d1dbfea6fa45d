/**
 * The CloudBase admin API on `POST /admin`: the endpoint wx-server-sdk reaches once
 * TCB_CONTEXT_CNFG points at us (research note §1.3). Requests are JSON `{action, ...params}`,
 * except `wx.openApi`, which is multipart/form-data. Replies are `{requestId, ...}` JSON with
 * either the action's result or `{code, message}`, which the SDK maps to its errCode.
 *
 * Only loopback peers are served: the API has no authentication (the SDK's request signature is
 * not checked), so it must never be reachable from another machine, whatever host the gateway
 * listens on.
 */
import { randomBytes } from 'node:crypto'
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

export class AdminApi {
  constructor(
    private readonly db: Database,
    private readonly runner: FunctionRunner,
    private readonly storage: Storage,
    private readonly openapi: OpenApi,
    private readonly log: (line: string) => void,
  ) {}

  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomBytes(16).toString('hex')
    if (!fromLoopback(req)) return sendJson(res, 403, { requestId, code: 'INVALID_REQUEST_SOURCE', message: 'admin API is loopback-only' })
    if (req.method !== 'POST') return sendJson(res, 405, { requestId, code: 'INVALID_PARAM', message: 'POST only' })
    let params: Params
    let multipart: Record<string, Buffer> | null = null
    try {
      const body = await readBody(req, ADMIN_BODY_LIMIT)
      const type = String(req.headers['content-type'] ?? '')
      if (type.startsWith('multipart/form-data')) {
        multipart = parseMultipart(body, type)
        params = Object.fromEntries(Object.entries(multipart).map(([k, v]) => [k, v.toString('utf8')]))
      } else {
        params = JSON.parse(body.toString('utf8') || '{}') as Params
      }
      if (!params || typeof params !== 'object' || Array.isArray(params)) throw new SyntaxError('body must be an object')
    } catch (e) {
      const message = e instanceof BodyTooLarge ? 'request body too large' : `bad request body: ${(e as Error).message}`
      return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message })
    }

    const action = String(params.action ?? '')
    try {
      if (action === 'wx.openApi') {
        const caller = this.runner.callerOf(params.wxCloudApiToken)
        const reply = this.openapi.handle(params.apiName, multipart?.requestData, caller ? { fn: caller.fn, allowed: this.runner.config(caller.fn).permissions?.openapi ?? [] } : {})
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
