import Taro from '@tarojs/taro'
import type { ActionContract, FunctionContract, InputOf, OutputOf } from '../../types/contracts/contract'
import { fail, issuesOf, type ErrorCode, type Result } from '../../types/result'
import { STORAGE_KEYS } from './storage-keys'

/**
 * The only code in the app that talks to the cloud. Every call goes through a contract: the input
 * is checked with the action's zod schema before anything is sent, and the answer is always the
 * result envelope of types/result.ts — never a thrown error — so pages render every outcome.
 *
 *   weapp: wx.cloud.callFunction({ name, data: { action, ...input } })  (identity: WeChat OPENID)
 *   h5:    POST /api/fn/<name> with the same JSON body, `x-wx-openid` from the dev login
 */

/**
 * types/result.ts has no code for "the request never got an answer"; INTERNAL is the closest one
 * in the vocabulary. Switch to a dedicated code (e.g. NETWORK) once ERROR_CODES has one.
 */
const NETWORK_CODE: ErrorCode = 'INTERNAL'
export const NETWORK_MESSAGE = '网络异常，请稍后重试'
const networkFailure = () => fail(NETWORK_CODE, NETWORK_MESSAGE)

type Actions<F extends FunctionContract> = F['actions']

export async function callAction<F extends FunctionContract, K extends keyof Actions<F> & string>(
  contract: F,
  action: K,
  input: InputOf<Actions<F>[K]>,
): Promise<Result<OutputOf<Actions<F>[K]>>> {
  const spec = contract.actions[action] as ActionContract | undefined
  if (!spec) return fail('INVALID_INPUT', `未知的操作：${action}`)
  const parsed = spec.input.safeParse(input ?? {})
  if (!parsed.success) {
    const issues = issuesOf(parsed.error)
    return fail('INVALID_INPUT', issues[0]?.message ?? undefined, issues)
  }
  const data = { action, ...(parsed.data as object) }
  const answer = process.env.TARO_ENV === 'h5' ? await viaGateway(contract.name, data) : await viaCloud(contract.name, data)
  return answer as Result<OutputOf<Actions<F>[K]>>
}

/** Anything that is not a result envelope (an HTML error page, a platform error) is not passed on. */
function asEnvelope(body: unknown): Result<unknown> | null {
  if (!body || typeof body !== 'object') return null
  const b = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
  if (b.ok === true && 'data' in b) return b as Result<unknown>
  if (b.ok === false && b.error && typeof b.error.code === 'string' && typeof b.error.message === 'string') return b as Result<unknown>
  return null
}

let cloudReady = false
async function viaCloud(name: string, data: object): Promise<Result<unknown>> {
  try {
    if (!cloudReady) {
      Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
      cloudReady = true
    }
    const res = await Taro.cloud.callFunction({ name, data })
    return asEnvelope(res.result) ?? fail('INTERNAL')
  } catch (e) {
    // A function that throws reaches the client only as -504002 (see STYLE.md rule 3): a server
    // fault, not the network. Everything else (timeouts, no connection) is the network.
    const err = e as { errCode?: number; errMsg?: string }
    if (err?.errCode === -504002 || String(err?.errMsg ?? '').includes('-504002')) return fail('INTERNAL')
    return networkFailure()
  }
}

async function viaGateway(name: string, data: object): Promise<Result<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const openid = devOpenid()
  if (openid) headers['x-wx-openid'] = openid
  let res: Response
  try {
    res = await fetch(`/api/fn/${encodeURIComponent(name)}`, { method: 'POST', headers, body: JSON.stringify(data) })
  } catch {
    return networkFailure()
  }
  // The gateway answers with the envelope whatever the HTTP status; anything else is a broken hop.
  const body = await res.json().catch(() => null)
  return asEnvelope(body) ?? (res.status >= 500 ? fail('INTERNAL') : networkFailure())
}

export function devOpenid(): string {
  try {
    const v = Taro.getStorageSync(STORAGE_KEYS.devOpenid)
    return typeof v === 'string' ? v : ''
  } catch {
    return ''
  }
}
