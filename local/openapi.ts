/**
 * The `wx.openApi` action: what `cloud.openapi.subscribeMessage.send(...)` becomes on the wire.
 *
 * The SDK posts multipart/form-data whose `requestData` field is a protobuf `CommApiData` holding
 * the call's parameters as `{key, value: JSON bytes}` pairs in snake_case, and it expects a
 * protobuf `CommOpenApiResp` back whose `respData` is WeChat's JSON answer.
 * We reuse the SDK's own generated codecs (they register in protobufjs' default root when
 * wx-server-sdk loads), so encoding can never drift from what the SDK parses.
 *
 * subscribeMessage.send is checked the way WeChat checks it, so a function that would fail in
 * production fails here too:
 *   - the calling function's config.json must list the API (else 604101);
 *   - touser must look like an OPENID (40003), template_id must be present (40037);
 *   - every data field must be `{ value }` within its type's limit, e.g. thing ≤ 20 characters
 *     (47003; limits from the subscribe message docs, "模板参数值内容限制").
 * A send that passes is appended to the `wx_subscribe_sends` collection and answered ok.
 *
 * Failure injection (LocalCloud.setOpenapiFailures, or env LOCAL_OPENAPI_FAIL like
 * `transient=0.3,permanent=0.05`) makes sends fail at random with real WeChat errcodes, which the
 * SDK throws as an error whose errCode is that errcode: transient -1 ("system error, please try
 * again") and permanent 43101 ("user refuse to accept the msg": the user has no subscription left).
 */
import { CloudError } from './errors'

export const SENDS_COLLECTION = 'wx_subscribe_sends'

export interface OpenapiFailures {
  /** Probability (0–1) that a send fails with a transient errcode. */
  transient?: number
  /** Probability (0–1) that a send fails with a permanent errcode. */
  permanent?: number
  transientCode?: number
  permanentCode?: number
}

export const TRANSIENT_ERRCODE = -1
export const PERMANENT_ERRCODE = 43101

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  43101: 'user refuse to accept the msg',
  47003: 'argument invalid!',
  604101: 'function has no permission to call this API',
}

/** Parse `transient=0.3,permanent=0.05[,transientCode=-1,permanentCode=43101]`. */
export function parseFailures(spec: string | undefined): OpenapiFailures | null {
  if (!spec || !spec.trim()) return null
  const out: OpenapiFailures = {}
  for (const part of spec.split(',')) {
    const [k, v] = part.split('=').map((x) => x.trim())
    const n = Number(v)
    if (!['transient', 'permanent', 'transientCode', 'permanentCode'].includes(k) || !Number.isFinite(n)) {
      throw new Error(`LOCAL_OPENAPI_FAIL 无法解析: "${part}"（格式如 transient=0.3,permanent=0.05）`)
    }
    ;(out as Record<string, number>)[k] = n
  }
  return out
}

interface ProtoType {
  decode(buf: Uint8Array): unknown
  toObject(msg: unknown, opts?: Record<string, unknown>): Record<string, unknown>
  encode(msg: Record<string, unknown>): { finish(): Uint8Array }
}

function codecs(): { CommApiData: ProtoType; CommOpenApiResp: ProtoType } {
  // Loading wx-server-sdk registers its generated messages in protobufjs' default root; both are
  // resolved through this module's require, i.e. the same instances the SDK itself uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('wx-server-sdk')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const root = (require('protobufjs/minimal') as { roots: Record<string, Record<string, ProtoType>> }).roots.default
  if (!root?.CommApiData || !root?.CommOpenApiResp) throw new CloudError('SYS_ERR', 'wx-server-sdk 的 protobuf 定义未加载')
  return { CommApiData: root.CommApiData, CommOpenApiResp: root.CommOpenApiResp }
}

/** Per-type value limits of subscribe message data fields (key prefix → check). */
const FIELD_RULES: Array<[RegExp, (v: string) => boolean]> = [
  [/^thing\d+$/, (v) => [...v].length <= 20],
  [/^number\d+$/, (v) => v.length <= 32 && /^[-+]?\d+(\.\d+)?$/.test(v)],
  [/^letter\d+$/, (v) => v.length <= 32 && /^[A-Za-z]+$/.test(v)],
  [/^symbol\d+$/, (v) => v.length <= 5],
  [/^character_string\d+$/, (v) => v.length <= 32 && /^[\x21-\x7e]+$/.test(v)],
  [/^(time|date)\d+$/, (v) => [...v].length <= 64 && /\d/.test(v)],
  [/^amount\d+$/, (v) => /^\D?\d{1,10}(\.\d{1,2})?元?$/.test(v)],
  [/^phone_number\d+$/, (v) => v.length <= 17 && /^[\d+\-() ]+$/.test(v)],
  [/^car_number\d+$/, (v) => [...v].length <= 8],
  [/^name\d+$/, (v) => (/^[\u4e00-\u9fa5·]+$/.test(v) ? [...v].length <= 10 : v.length <= 20)],
  [/^phrase\d+$/, (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v)],
]

export class WxError {
  constructor(
    readonly errcode: number,
    readonly detail = '',
  ) {}
  get errmsg(): string {
    return `${ERRMSG[this.errcode] ?? 'error'}${this.detail ? ` ${this.detail}` : ''}`
  }
}

function checkData(data: unknown): void {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new WxError(47003, 'data invalid')
  for (const [key, field] of Object.entries(data as Record<string, unknown>)) {
    const value = (field as { value?: unknown } | null)?.value
    if (typeof value !== 'string' && typeof value !== 'number') throw new WxError(47003, `data.${key}.value invalid`)
    const rule = FIELD_RULES.find(([re]) => re.test(key))
    if (!rule) throw new WxError(47003, `data.${key} is not a template keyword`)
    if (!rule[1](String(value))) throw new WxError(47003, `data.${key}.value invalid`)
  }
}

export interface OpenapiCaller {
  /** Name of the function making the call, when it comes from one. */
  fn?: string
  /** That function's config.json openapi permissions. */
  allowed?: string[]
}

export class OpenApi {
  private failures: OpenapiFailures | null

  constructor(
    private readonly record: (collection: string, doc: Record<string, unknown>) => void,
    failures: OpenapiFailures | null,
    private readonly random: () => number = Math.random,
  ) {
    this.failures = failures
  }

  setFailures(f: OpenapiFailures | null): void {
    this.failures = f
  }

  /** Answer a wx.openApi request with the encoded CommOpenApiResp. */
  handle(apiName: unknown, requestData: Buffer | undefined, caller: OpenapiCaller): Buffer {
    const { CommApiData, CommOpenApiResp } = codecs()
    const reply = (body: Record<string, unknown>) =>
      Buffer.from(CommOpenApiResp.encode({ respData: Buffer.from(JSON.stringify(body)), contentType: 'application/json' }).finish())
    try {
      if (typeof apiName !== 'string' || !apiName) throw new CloudError('INVALID_PARAM', 'apiName 不能为空')
      if (caller.fn && !(caller.allowed ?? []).includes(apiName))
        throw new WxError(604101, `(${caller.fn}/config.json permissions.openapi 未声明 ${apiName})`)
      if (!requestData) throw new CloudError('INVALID_PARAM', 'requestData 不能为空')
      const msg = CommApiData.toObject(CommApiData.decode(requestData), { defaults: true })
      const pairs = (msg.openapiData as { pairs?: Array<{ key: string; value: Uint8Array }> })?.pairs ?? []
      const params: Record<string, unknown> = {}
      for (const { key, value } of pairs) params[key] = JSON.parse(Buffer.from(value).toString('utf8'))
      switch (apiName) {
        case 'subscribeMessage.send':
          return reply({ errcode: 0, errmsg: 'ok', msgid: this.subscribeSend(params, caller) })
        default:
          throw new CloudError('INVALID_PARAM', `本地云未实现 openapi.${apiName}`)
      }
    } catch (e) {
      if (e instanceof WxError) return reply({ errcode: e.errcode, errmsg: e.errmsg })
      throw e
    }
  }

  private subscribeSend(p: Record<string, unknown>, caller: OpenapiCaller): number {
    if (typeof p.touser !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(p.touser)) throw new WxError(40003, `touser: ${String(p.touser)}`)
    if (typeof p.template_id !== 'string' || !p.template_id.trim()) throw new WxError(40037)
    if (p.page !== undefined && typeof p.page !== 'string') throw new WxError(47003, 'page invalid')
    if (p.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(p.miniprogram_state)))
      throw new WxError(47003, 'miniprogram_state invalid')
    checkData(p.data)
    const f = this.failures
    if (f) {
      const r = this.random()
      const permanent = f.permanent ?? 0
      if (r < permanent) throw new WxError(f.permanentCode ?? PERMANENT_ERRCODE)
      if (r < permanent + (f.transient ?? 0)) throw new WxError(f.transientCode ?? TRANSIENT_ERRCODE)
    }
    const msgid = Math.floor(this.random() * 2 ** 48)
    this.record(SENDS_COLLECTION, {
      touser: p.touser,
      templateId: p.template_id,
      page: p.page ?? '',
      data: p.data,
      miniprogramState: p.miniprogram_state ?? 'formal',
      lang: p.lang ?? 'zh_CN',
      msgid,
      calledBy: caller.fn ?? '',
      sentAt: new Date(),
    })
    return msgid
  }
}
