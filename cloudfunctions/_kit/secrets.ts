import { createHmac } from 'node:crypto'
import { AppError } from './errors'
import { log } from './log'

/**
 * The functions' one secret, ID_HASH_KEY, and the keyed hashes made with it: a person's key from
 * an ID number (ids.ts), the storage folder of an account (case/files.ts, inquiry images) and the
 * fingerprint of a submit (idempotency.ts).
 *
 * There is no default. An ID number has 17 free digits of which most are a birth date and a county
 * code, so an unkeyed (or publicly keyed) hash of one is reversed by hashing every candidate; a
 * storage folder hashed with a public key can be computed for any OPENID. So a function without the
 * key refuses the action that needs it: the caller gets INTERNAL with a message for the
 * administrator, and the log says which variable is missing. The local cloud always sets the key
 * (generated and kept in its data folder, or per start in memory), so this only fires in a real
 * environment that was deployed without it.
 */

/** Shorter keys are typing mistakes, not secrets; the README asks for a long random string. */
const MIN_KEY_LENGTH = 16
/** The public default earlier versions fell back to: a deployment that copied it has no secret. */
const PUBLIC_DEFAULTS = new Set(['local-dev-only-key'])

export const MISSING_KEY_MESSAGE =
  '系统未配置密钥，暂时无法办理。请管理员在云开发控制台为该云函数设置环境变量 ID_HASH_KEY（至少16位的随机字符串，appointment、queue、case、inquiry 各函数须相同）后重试。'

let reported = false

/** ID_HASH_KEY, or an AppError INTERNAL (logged once per instance) when it is missing or public. */
export function idHashKey(): string {
  const key = process.env.ID_HASH_KEY ?? ''
  if (key.length >= MIN_KEY_LENGTH && !PUBLIC_DEFAULTS.has(key)) return key
  if (!reported) {
    reported = true
    const why = key ? (PUBLIC_DEFAULTS.has(key) ? 'is the public default' : `is shorter than ${MIN_KEY_LENGTH} characters`) : 'is not set'
    log.error(
      'secrets',
      new Error(
        `ID_HASH_KEY ${why}: set it in this function's environment variables (the same value for appointment, queue, case and inquiry)`,
      ),
    )
  }
  throw new AppError('INTERNAL', MISSING_KEY_MESSAGE)
}

/** HMAC-SHA256 of `text` under ID_HASH_KEY, hex, cut to `chars` characters. */
export const keyedHash = (text: string, chars = 64): string => createHmac('sha256', idHashKey()).update(text).digest('hex').slice(0, chars)
