/**
 * Per-invocation WeChat context for functions that share one process.
 *
 * wx-server-sdk reads identity and endpoint from process.env on every call: getWXContext() reads
 * WX_CONTEXT_KEYS / WX_OPENID / WX_APPID / WX_UNIONID / WX_CLIENTIP and TCB_SOURCE, and
 * @cloudbase/node-sdk reads TCB_CONTEXT_CNFG (the admin URL), TCB_ENV and WX_API_TOKEN per request.
 * process.env is global, so concurrent invocations would see each other's OPENID. We replace
 * process.env with a Proxy that answers those keys from an AsyncLocalStorage scope opened around
 * each invocation (hundreds of concurrent invocations each see only their own OPENID); keys
 * outside the scope fall through to the real environment.
 *
 * The ALS and the proxy live on globalThis so that a second copy of this module (jest loads
 * modules once per test file) shares them instead of stacking proxies.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash } from 'node:crypto'

export type EnvVars = Record<string, string>

/** The app id every local invocation reports (18 characters like a real one, clearly not real). */
export const LOCAL_APPID = 'wx0000000000000000'
export const DEFAULT_ENV_ID = 'local-dev'

export interface WxIdentity {
  openid: string
  appid: string
  unionid: string
  clientIp: string
  /** getWXContext().SOURCE: 'wx_client' for calls from the mini-program/h5 client. */
  source: string
}

interface Shared {
  als: AsyncLocalStorage<EnvVars>
  proxies: WeakSet<object>
}

const SHARED_KEY = Symbol.for('zhengwu.local.wxcontext')

function shared(): Shared {
  const g = globalThis as Record<symbol, Shared | undefined>
  return (g[SHARED_KEY] ??= { als: new AsyncLocalStorage<EnvVars>(), proxies: new WeakSet() })
}

/** Install the scope-aware process.env once per process (idempotent). */
export function installEnvProxy(): void {
  const { als, proxies } = shared()
  if (proxies.has(process.env)) return
  const real = process.env
  // Scope objects have no prototype (see runWithEnv), so `vars[k] !== undefined` means "set in
  // this scope". The SDK reads a dozen variables per request, so this path is kept short.
  const scoped = (k: string | symbol): EnvVars | undefined => {
    if (typeof k !== 'string') return undefined
    const vars = als.getStore()
    return vars !== undefined && vars[k] !== undefined ? vars : undefined
  }
  const proxy = new Proxy(real, {
    get(target, k) {
      const vars = scoped(k)
      return vars ? vars[k as string] : Reflect.get(target, k)
    },
    has(target, k) {
      return scoped(k) !== undefined || Reflect.has(target, k)
    },
    ownKeys(target) {
      const vars = als.getStore()
      const keys = Reflect.ownKeys(target)
      return vars ? [...new Set([...keys, ...Object.keys(vars)])] : keys
    },
    // Writes go to the real environment as plain assignments: Node's process.env refuses the
    // partial property descriptor a default proxy write would define on it.
    set(target, k, v) {
      return Reflect.set(target, k, v)
    },
    deleteProperty(target, k) {
      return Reflect.deleteProperty(target, k)
    },
    getOwnPropertyDescriptor(target, k) {
      const vars = scoped(k)
      if (vars) return { value: vars[k as string], writable: true, enumerable: true, configurable: true }
      return Reflect.getOwnPropertyDescriptor(target, k)
    },
  })
  proxies.add(proxy)
  process.env = proxy
}

/** Run `fn` with `vars` overriding process.env for it and everything it awaits. */
export function runWithEnv<T>(vars: EnvVars, fn: () => T): T {
  return shared().als.run(Object.assign(Object.create(null) as EnvVars, vars), fn)
}

/** A stable, fake UNIONID for an OPENID: same user, same unionid; empty for anonymous callers. */
export function unionidFor(openid: string): string {
  return openid ? `oU${createHash('sha256').update(`unionid:${openid}`).digest('base64url').slice(0, 26)}` : ''
}

export function identity(partial: Partial<WxIdentity> = {}): WxIdentity {
  const openid = partial.openid ?? ''
  return {
    openid,
    appid: partial.appid || LOCAL_APPID,
    unionid: partial.unionid ?? unionidFor(openid),
    clientIp: partial.clientIp || '127.0.0.1',
    source: partial.source || 'wx_client',
  }
}

/**
 * Environment a function sees in production SCF, pointed at the local cloud at `url`. The SDK
 * signs every admin request with TENCENTCLOUD_SECRETKEY; the local cloud checks that signature
 * against `secretKey`, its per-start secret (adminauth.ts).
 */
export function sdkEnv(url: string, secretKey: string, envId = DEFAULT_ENV_ID): EnvVars {
  return {
    // SCF mode: no metadata.tencentyun.com probe, and the SDK takes the URL below.
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local-cloud',
    TENCENTCLOUD_SECRETKEY: secretKey,
    SILENCE: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url.replace(/\/$/, '')}/admin` }),
  }
}

/** Scope variables for one invocation: endpoint + identity + its own API token. */
export function invocationEnv(base: EnvVars, who: WxIdentity, apiToken: string): EnvVars {
  return {
    ...base,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN',
    WX_OPENID: who.openid,
    WX_APPID: who.appid,
    WX_UNIONID: who.unionid,
    WX_CLIENTIP: who.clientIp,
    WX_API_TOKEN: apiToken,
    TCB_SOURCE: who.source,
  }
}
