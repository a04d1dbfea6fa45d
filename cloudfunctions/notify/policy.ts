import { resolveTemplates, type ResolvedTemplate, type TemplateKey } from '../../types/domain/templates'

/**
 * How a failed subscribeMessage.send is handled. Codes from the send docs
 * (developers.weixin.qq.com …/subscribeMessage.send.html) and the mini-program error code list
 * (tencentcloud.com/document/product/1219/67648).
 *
 * Permanent: sending again cannot help, so the item fails at once with the reason. When the
 * cause is our own data or configuration (template data, page, template id, permission, banned
 * template, sensitive words), WeChat did not deliver and the user's one-time grant was not used:
 * it goes back to the ledger. For 43101 (user refused / no subscription left) and 40003 (bad
 * OPENID) it does not: WeChat says there is nothing to give back.
 *
 * Transient: any other code WeChat answered with, including system busy (-1), concurrent send
 * (43108), API quota and frequency limits (45009, 45011), and a connection that was never made
 * (refused, unknown host): WeChat did not deliver. Retried with backoff; when the retries run out
 * the item fails and a one-time grant goes back (it was never delivered).
 *
 * Uncertain: no answer from WeChat once the request may have reached it (connection reset,
 * timeout, any error without a code). It may have been delivered, and the send has no
 * idempotency key, so it is not sent again (delivery.ts): a lost push beats a double one.
 */
export const PERMANENT: Record<number, string> = {
  43101: '用户未订阅或已拒收（43101）',
  40003: '接收人 OPENID 无效（40003）',
  40037: '模板 ID 无效，请检查部署配置（40037）',
  41030: '跳转页面不存在（41030）',
  47003: '模板数据不合规（47003）',
  43107: '订阅消息能力或该模板已被封禁（43107）',
  45168: '内容含敏感词（45168）',
  604101: '云函数未声明 subscribeMessage.send 权限（604101）',
}
const GIVE_BACK = new Set([40037, 41030, 47003, 43107, 45168, 604101])

export type Outcome =
  | { kind: 'permanent'; errcode?: number; reason: string; giveBack: boolean }
  | { kind: 'transient'; errcode?: number; reason: string }
  | { kind: 'uncertain'; errcode?: undefined; reason: string }

/** Errors that say the request never left this machine or never reached a server. */
const NEVER_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/

/** `permanent`: the codes of the API that failed (subscription sends by default; official-account.ts has the 服务号's). */
export function classify(err: unknown, permanent: Record<number, string> = PERMANENT): Outcome {
  const e = err as { errCode?: unknown; errcode?: unknown; errMsg?: string; message?: string }
  const raw = e?.errCode ?? e?.errcode
  const errcode = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : undefined
  if (errcode !== undefined && permanent[errcode])
    return { kind: 'permanent', errcode, reason: permanent[errcode], giveBack: permanent === PERMANENT && GIVE_BACK.has(errcode) }
  if (errcode === undefined || errcode === -501001) {
    const text = String(e?.errMsg ?? e?.message ?? err)
    if (NEVER_SENT.test(text)) return { kind: 'transient', reason: '无法连接微信服务器' }
    return { kind: 'uncertain', reason: '网络中断或超时，未收到微信的答复' }
  }
  const reason = errcode === -1 ? '微信系统繁忙（-1）' : `微信返回错误（${errcode}）`
  return { kind: 'transient', errcode, reason }
}

/**
 * Attempts and backoff: attempt n failing transiently waits 2^(n-1) minutes ±20 % (jitter spreads
 * a burst of retries after an outage), so 9 attempts span 1+2+…+128 = 255 min ≈ 4¼ h, close to
 * GOV.UK Notify's ~4 h of retries. The 9th transient failure is final.
 */
export const MAX_ATTEMPTS = 9
export const BASE_DELAY_MS = 60_000
export const backoffMs = (attempt: number, random: () => number = Math.random) =>
  Math.round(BASE_DELAY_MS * 2 ** (attempt - 1) * (0.8 + 0.4 * random()))
/** Longest a claimed item may stay `sending` (above the function's 20 s timeout) before another drain takes it over. */
export const LEASE_MS = 60_000

/** Where a push opens: the item's page with the message id, so opening it marks the message read. */
export const pushPage = (page: string, messageId: string) =>
  `${page}${page.includes('?') ? '&' : '?'}msgId=${encodeURIComponent(messageId)}`

export const miniprogramState = (): 'developer' | 'trial' | 'formal' => {
  const s = process.env.MINIPROGRAM_STATE
  return s === 'developer' || s === 'trial' ? s : 'formal'
}

let memo: { raw: string | undefined; value: Record<TemplateKey, ResolvedTemplate> } | undefined
/** This deployment's templates (TEMPLATE_IDS, see types/domain/templates.ts), re-read when the variable changes. */
export function templates(): Record<TemplateKey, ResolvedTemplate> {
  const raw = process.env.TEMPLATE_IDS
  if (!memo || memo.raw !== raw) memo = { raw, value: resolveTemplates(raw) }
  return memo.value
}
