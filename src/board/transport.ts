/**
 * How the board reaches its functions. Locally (the build of `npm start` and the tests) it posts
 * to the local cloud's gateway on the same origin, as the h5 app does; the build for the 云开发
 * static hosting (`npm run build:board -- --cloud`) calls the functions through the CloudBase web
 * SDK after an anonymous sign-in (the environment's 匿名登录 must be on), with the env id of
 * deploy.config.json baked in as BOARD_CLOUD_ENV. esbuild drops the unused branch, so the local
 * build carries no SDK.
 */

declare const BOARD_CLOUD_ENV: string

/** One request at most this long: a hung connection must not stall the board's loop. */
const TIMEOUT_MS = 4_000

export interface Envelope<T> {
  ok: boolean
  data?: T
  error?: { code: string; message: string }
}

export class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CallFailed('NETWORK', '连接超时')), TIMEOUT_MS)
    p.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })
}

function unwrap<T>(body: unknown): T {
  const e = body as Envelope<T> | null
  if (e && e.ok === true && 'data' in e) return e.data as T
  if (e && e.ok === false && e.error) throw new CallFailed(e.error.code, e.error.message)
  throw new CallFailed('NETWORK', '答复格式不正确')
}

async function viaGateway(name: string, data: object): Promise<unknown> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  try {
    const res = await fetch(`/api/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
      signal: controller.signal,
      cache: 'no-store',
    })
    return await res.json()
  } catch {
    throw new CallFailed('NETWORK', '连接中断')
  } finally {
    clearTimeout(timer)
  }
}

interface CloudApp {
  auth(opts: { persistence: 'local' }): { signInAnonymously(): Promise<unknown>; getLoginState(): Promise<unknown> }
  callFunction(opts: { name: string; data: object }): Promise<{ result?: unknown }>
}
let cloudApp: Promise<CloudApp> | null = null
let signedIn: Promise<unknown> | null = null

/** The SDK loads and registers its modules once per page; only the sign-in is retried. */
async function openCloud(): Promise<CloudApp> {
  const { default: cloudbase } = await import('@cloudbase/js-sdk/app')
  const [{ registerAuth }, { registerFunctions }] = await Promise.all([
    import('@cloudbase/js-sdk/auth'),
    import('@cloudbase/js-sdk/functions'),
  ])
  // The modules register themselves on window.cloudbase when the core put it there (a second
  // registration only warns); elsewhere they are registered here.
  if ((window as { cloudbase?: unknown }).cloudbase !== cloudbase) {
    registerAuth(cloudbase)
    registerFunctions(cloudbase)
  }
  return cloudbase.init({ env: BOARD_CLOUD_ENV }) as unknown as CloudApp
}

async function signedInApp(): Promise<CloudApp> {
  cloudApp ??= openCloud()
  const app = await cloudApp.catch((e) => {
    cloudApp = null
    throw e
  })
  signedIn ??= (async () => {
    const auth = app.auth({ persistence: 'local' })
    if (!(await auth.getLoginState())) await auth.signInAnonymously()
  })()
  await signedIn.catch((e) => {
    signedIn = null
    throw e
  })
  return app
}

async function viaCloud(name: string, data: object): Promise<unknown> {
  try {
    return (await (await signedInApp()).callFunction({ name, data })).result
  } catch {
    throw new CallFailed('NETWORK', '连接中断')
  }
}

/** `<fn>.<action>` with its input; answers the data or throws CallFailed (code NETWORK when nothing usable came back). */
export async function call<T>(name: string, action: string, input: object = {}): Promise<T> {
  const data = { action, ...input }
  const body = await withTimeout(BOARD_CLOUD_ENV ? viaCloud(name, data) : viaGateway(name, data))
  return unwrap<T>(body)
}
