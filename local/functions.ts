/**
 * Runs bundled cloud functions in this process: `<functionsDir>/<name>/index.js` exporting
 * `main(event, context)`, loaded once and cached like a warm SCF container.
 *
 * Every invocation (HTTP gateway, LocalCloud.invoke/trigger, cloud.callFunction from another
 * function) goes through run(): it opens an env scope (wxcontext.ts) with the caller's identity and
 * a fresh random WX_API_TOKEN. The SDK sends that token as `wxCloudApiToken` with every admin
 * request the function makes, which is how a request is traced back to the invocation that made
 * it: `functions.invokeFunction` runs the callee with the caller's OPENID (as in production), and
 * `wx.openApi` checks the caller's config.json permissions. A token lives only while its
 * invocation runs.
 *
 * Loading: a bundle is evaluated with a `require` that hands out the one wx-server-sdk this
 * process uses and Node's built-ins, and refuses anything else. Production deploys a function's
 * folder with only wx-server-sdk installed, so a bundle that needs another package is broken there;
 * here it fails at once with the package's name. (Plain `require(bundle)` would also not find
 * wx-server-sdk from a bundle folder outside the repo, e.g. a test's temp dir.)
 */
import { builtinModules } from 'node:module'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { identity, invocationEnv, runWithEnv, type EnvVars, type WxIdentity } from './wxcontext'

type Main = (event: unknown, context: Record<string, unknown>) => unknown

export class FunctionNotFound extends Error {
  constructor(readonly functionName: string) {
    super(`云函数不存在: ${functionName}`)
  }
}

/** The parts of a function's config.json the local cloud honours. */
export interface FunctionConfig {
  permissions?: { openapi?: string[] }
  triggers?: Array<{ name: string; type: string; config?: string }>
  timeout?: number
}

interface Running {
  who: WxIdentity
  fn: string
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/
const BUILTINS = new Set(builtinModules)

/** The timer event SCF delivers, e.g. `{ Type: 'Timer', TriggerName: 'daily', Time: '2026-10-08T02:00:00Z', Message: '' }`. */
export function timerEvent(triggerName: string, at: Date, message = ''): Record<string, string> {
  return { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: message }
}

export class FunctionRunner {
  private readonly cache = new Map<string, Main>()
  private readonly configs = new Map<string, FunctionConfig>()
  private readonly running = new Map<string, Running>()
  private readonly dir: string

  constructor(
    functionsDir: string,
    private readonly env: () => EnvVars,
    private readonly envId: () => string,
    private readonly log: (line: string) => void,
  ) {
    this.dir = resolve(functionsDir)
  }

  /** The deployed functions' names, sorted. */
  list(): string[] {
    if (!existsSync(this.dir)) return []
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && this.exists(e.name))
      .map((e) => e.name)
      .sort()
  }

  /** Whether a function of that name is deployed (a valid name with an index.js). */
  exists(name: string): boolean {
    return NAME.test(name) && existsSync(join(this.dir, name, 'index.js'))
  }

  /** The invocation that owns this API token, if it is still running. */
  callerOf(token: unknown): Running | undefined {
    return typeof token === 'string' && token ? this.running.get(token) : undefined
  }

  /** The function's config.json (read once, like the rest of a deployed function). */
  config(name: string): FunctionConfig {
    const cached = this.configs.get(name)
    if (cached) return cached
    const file = join(this.dir, name, 'config.json')
    if (!NAME.test(name) || !existsSync(file)) return {}
    let config: FunctionConfig
    try {
      config = JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig
    } catch (e) {
      throw new Error(`${name}/config.json 不是合法的 JSON: ${(e as Error).message}`)
    }
    this.configs.set(name, config)
    return config
  }

  /**
   * Invoke `name` as `who`. Resolves with the function's return value, rejects with what it threw
   * (or FunctionNotFound). `opts.trigger` runs it the way a timer trigger does: the event is used as
   * is (no userInfo) and the platform's trigger variables are set.
   */
  async run(name: string, event: unknown, who: WxIdentity, opts: { trigger?: boolean } = {}): Promise<unknown> {
    if (!this.cache.has(name) && !this.exists(name)) throw new FunctionNotFound(name)
    const token = randomBytes(16).toString('hex')
    const requestId = randomBytes(16).toString('hex')
    const vars = invocationEnv(this.env(), who, token)
    if (opts.trigger) Object.assign(vars, { TRIGGER_SRC: 'timer', WX_TRIGGER_API_TOKEN_V0: token })
    // The platform delivers the event as JSON, so functions never see the caller's objects, Dates
    // or undefined fields. Events from a WeChat client also carry userInfo, which the platform
    // writes: whatever a client sent under that name is replaced.
    const json: unknown = event === undefined ? {} : JSON.parse(JSON.stringify(event))
    const input =
      !opts.trigger && json !== null && typeof json === 'object' && !Array.isArray(json)
        ? { ...(json as Record<string, unknown>), userInfo: { appId: who.appid, openId: who.openid } }
        : json
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: 20_000,
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.envId(),
      tencentcloud_region: vars.TENCENTCLOUD_REGION,
      // Newer SCF passes the invocation's environment here as JSON; tcb.init({ context }) reads it.
      environment: JSON.stringify(Object.fromEntries(Object.entries(vars).filter(([k]) => !k.includes('SECRET')))),
    }
    this.running.set(token, { who, fn: name })
    const t0 = Date.now()
    try {
      // Loading happens inside the scope too: bundles call cloud.init() at module level.
      return await runWithEnv(vars, async () => this.load(name)(input, context))
    } catch (e) {
      this.log(`云函数 ${name} 抛出异常: ${(e as Error)?.stack ?? String(e)}`)
      throw e
    } finally {
      this.running.delete(token)
      const ms = Date.now() - t0
      const limit = (this.config(name).timeout ?? 3) * 1000
      if (ms > limit) this.log(`云函数 ${name} 运行了 ${ms} ms，超过 config.json 的超时 ${limit / 1000} s（线上会被中止）`)
    }
  }

  /** Run a timer trigger declared in the function's config.json. */
  async trigger(name: string, triggerName: string, at: Date, message = ''): Promise<unknown> {
    if (!this.exists(name)) throw new FunctionNotFound(name)
    const declared = (this.config(name).triggers ?? []).filter((t) => t.type === 'timer').map((t) => t.name)
    if (!declared.includes(triggerName)) {
      throw new Error(`云函数 ${name} 的 config.json 没有名为 ${triggerName} 的定时触发器（已声明: ${declared.join(', ') || '无'}）`)
    }
    return this.run(name, timerEvent(triggerName, at, message), identity({ openid: '', source: 'wx_trigger' }), { trigger: true })
  }

  private load(name: string): Main {
    const cached = this.cache.get(name)
    if (cached) return cached
    if (!this.exists(name)) throw new FunctionNotFound(name)
    const file = join(this.dir, name, 'index.js')
    const source = readFileSync(file, 'utf8')
    const mod: { exports: { main?: Main } } = { exports: {} }
    const bundleRequire = (id: string): unknown => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      if (id === 'wx-server-sdk') return require('wx-server-sdk')
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      if (id.startsWith('node:') || BUILTINS.has(id)) return require(id)
      throw new Error(`云函数 ${name} 依赖未打包的模块 ${id}：云端只安装 wx-server-sdk，请把它打进包里`)
    }
    // The Function constructor of this realm (jest's sandbox in tests, Node's in `npm start`), so
    // the bundle sees the same globals and process.env proxy as the SDK it shares. The sourceURL
    // names the function in stack traces without pointing tools at the minified file (jest would
    // print its one 70 kB line as a code frame under every console.error).
    const evaluate = new Function(
      'exports',
      'require',
      'module',
      '__filename',
      '__dirname',
      `${source}\n//# sourceURL=cloudfunction:${name}/index.js`,
    )
    evaluate(mod.exports, bundleRequire, mod, file, join(this.dir, name))
    const main = mod.exports.main
    if (typeof main !== 'function') throw new Error(`${name}/index.js 没有导出 main(event, context)`)
    this.cache.set(name, main)
    return main
  }
}
