/**
 * The local cloud: a stand-in for a WeChat CloudBase environment that the real, unmodified
 * wx-server-sdk talks to. Start here.
 *
 * How it fits together:
 *  - wx-server-sdk sends every database, storage, callFunction and openapi call as an HTTP POST to
 *    the admin URL in TCB_CONTEXT_CNFG. We set that variable (plus the handful that put the SDK in
 *    "running inside SCF" mode, see wxcontext.sdkEnv) and answer on `/admin` (admin.ts). Nothing in
 *    the SDK is patched, so signing, serialization and error mapping are production code.
 *  - Cloud functions are the bundles production deploys; they run in this process (functions.ts),
 *    each invocation in its own AsyncLocalStorage scope of process.env, so hundreds of concurrent
 *    invocations each see their own OPENID (wxcontext.ts).
 *  - The admin API answers only the SDK of this process and of the functions it runs: requests
 *    signed with this start's secret key, JSON, no browser Origin (adminauth.ts).
 *  - The database is an in-memory store queried with mingo (database.ts), every mutation atomic
 *    (synchronous match + apply + log), durable through an append-only op log fsynced before an
 *    answer leaves (oplog.ts, group commit), with the deployment's declared indexes answering
 *    queries and a log line for a query none serves (indexes.ts), unique indexes and transactions
 *    (store.ts, transactions.ts). The data folder is private: 0700, files 0600 (datadir.ts).
 *  - Functions get their ID_HASH_KEY from here (kept in the data folder, or fresh per start in
 *    memory), and with `timers` their config.json timer triggers run on schedule (timers.ts, cron.ts).
 *  - Storage keeps files on disk behind signed, expiring URLs (storage.ts); openapi captures
 *    subscribe messages and can inject WeChat's failures (openapi.ts).
 *  - The same server is the h5 app's backend: `POST /api/fn/<name>` and the built app (gateway.ts),
 *    and serves the hall display board's build at /board/ (board-pages.ts).
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { AdminApi } from './admin'
import { BoardPages } from './board-pages'
import { idHashKeyFor, privateDir } from './datadir'
import { Database } from './database'
import { FunctionRunner } from './functions'
import { Gateway, OPENID_PATTERN, type Persona } from './gateway'
import { sendJson } from './http'
import { isLoopbackHost, isWildcardHost } from './loopback'
import { OpenApi, parseFailures, SENDS_COLLECTION, type OpenapiFailures } from './openapi'
import {
  FAKE_MP_APPID,
  FAKE_MP_ORIGINAL_ID,
  FAKE_MP_SECRET,
  FAKE_OA_TEMPLATE_PREFIX,
  FakeOfficialAccount,
  TEMPLATE_SENDS_COLLECTION,
} from './official-account'
import { Storage } from './storage'
import { Store, type IndexSpec } from './store'
import { TimerScheduler, declaredTimers } from './timers'
import { Transactions } from './transactions'
import { DEFAULT_ENV_ID, identity, installEnvProxy, LOCAL_APPID, sdkEnv } from './wxcontext'
import { TEMPLATE_KEYS } from '../types/domain/templates'

const LISTEN_BACKLOG = 4096

export interface LocalCloudOptions {
  /** 0 = a random free port. */
  port?: number
  /** Default 127.0.0.1. Only loopback or wildcard (0.0.0.0 / ::) hosts; wildcard only without devLogin. */
  host?: string
  /** Where db.log and files/ live; undefined = in memory (files in a temp dir), nothing kept. */
  dataDir?: string
  /**
   * With a dataDir: answer a write only once it is on disk (fsync, shared by writes that arrive
   * together; oplog.ts), so acknowledged writes survive a power cut. Default true; false keeps them
   * in the OS cache only (they still survive a crash of this process).
   */
  fsync?: boolean
  /** Folder of bundled functions: `<name>/index.js` (+ config.json). */
  functionsDir: string
  /** The h5 build, served at / with single-page fallback to index.html. */
  staticDir?: string
  /** The hall display board's build (scripts/build-board.ts), served at /board/. */
  boardDir?: string
  /** Let clients pick an identity with the x-wx-openid header (default true; loopback only). */
  devLogin?: boolean
  /** Run only when the store is empty on start. */
  seed?: (db: SeedDb) => void | Promise<void>
  /** Indexes per collection; unique ones are enforced. Their collections exist from the start. */
  indexes?: Record<string, IndexSpec[]>
  /**
   * The collections the deployment creates. When given, any other collection answers
   * DATABASE_COLLECTION_NOT_EXIST (-502005) until created, as in the real cloud; when omitted,
   * every collection exists on first use.
   */
  collections?: string[]
  personas?: Persona[]
  log?: (line: string) => void
  /**
   * Run the functions' timer triggers on their config.json schedules (timers.ts), as the platform
   * does. Default false: tests run triggers explicitly with `trigger()`; `npm start` turns it on.
   */
  timers?: boolean
  /**
   * The functions' ID_HASH_KEY. Default: generated once and kept in `dataDir/id-hash-key` (0600),
   * or fresh per start in memory. `null` leaves it unset, as a deployment that forgot it would.
   */
  idHashKey?: string | null
}

export interface SeedDb {
  insert(collection: string, docs: Record<string, unknown>[]): void | Promise<void>
}

export interface LocalCloud extends SdkTarget {
  url: string
  port: number
  /** This start's secret: the SDK signs admin requests with it (installSdkEnv). */
  adminKey: string
  /** Invoke a function in-process as a WeChat client (no OPENID unless given). */
  invoke(fn: string, event: unknown, opts?: { openid?: string }): Promise<unknown>
  /**
   * Run a timer trigger declared in the function's config.json: no OPENID, SOURCE wx_trigger.
   * `message` is the event's Message (a `tick` trigger runs just the job it names: _kit/schedule.ts).
   */
  trigger(fn: string, triggerName: string, message?: string): Promise<unknown>
  setOpenapiFailures(f: OpenapiFailures | null): void
  /** Captured subscribeMessage.send calls, oldest first. */
  sends(): Promise<unknown[]>
  /** The fake 公众号 API the notice function pulls articles from (official-account.ts). */
  officialAccount: FakeOfficialAccount
  close(): Promise<void>
}

export type { OpenapiFailures, Persona, IndexSpec }

/** What the SDK of another process needs to reach a local cloud: its URL and this start's admin key. */
export interface SdkTarget {
  url: string
  adminKey: string
}

/** Admin keys of the clouds running in this process, by URL (so installSdkEnv(url) works for them). */
const inProcess = new Map<string, string>()

/**
 * Point the wx-server-sdk of THIS process at a local cloud (tests, scripts): pass the LocalCloud,
 * `{ url, adminKey }` printed by a cloud in a child process, or the URL of a cloud started in this
 * process. Must run before `cloud.init()`: without these variables the SDK probes
 * metadata.tencentyun.com and crashes Node on a missing secret. The admin key
 * signs every request; without it the cloud refuses them.
 */
export function installSdkEnv(target: SdkTarget | string): void {
  const t = typeof target === 'string' ? { url: target, adminKey: inProcess.get(target) } : target
  if (!t.adminKey) {
    throw new Error(
      `没有 ${t.url} 的管理密钥：该本地云不在本进程中，请传入 { url, adminKey }。\nNo admin key for ${t.url}: pass { url, adminKey } for a cloud in another process.`,
    )
  }
  Object.assign(process.env, sdkEnv(t.url, t.adminKey))
}

const fakeNow = (): Date => (process.env.LOCAL_FAKE_NOW ? new Date(process.env.LOCAL_FAKE_NOW) : new Date())

function urlHost(host: string): string {
  if (isWildcardHost(host)) return '127.0.0.1'
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const host = opts.host ?? '127.0.0.1'
  const devLogin = opts.devLogin ?? true
  const log = opts.log ?? ((line: string) => console.log(line))
  if (!isLoopbackHost(host) && !isWildcardHost(host)) {
    throw new Error(
      `本地云只能监听本机地址或 0.0.0.0，当前 HOST=${host}。\nThe local cloud listens on a loopback or wildcard address only (HOST=${host}).`,
    )
  }
  if (devLogin && !isLoopbackHost(host)) {
    throw new Error(
      `开发登录允许任何人选择身份，只能在本机地址（127.0.0.1）上开启，当前 HOST=${host}。请改用 HOST=127.0.0.1，或关闭开发登录。\n` +
        `Dev login lets anyone pick an identity, so it is only allowed on a loopback host; HOST=${host} was refused. Use HOST=127.0.0.1 or turn dev login off.`,
    )
  }
  if (opts.port !== undefined && (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535))
    throw new Error(`端口不合法 / invalid port: ${opts.port}`)

  // Everything that can fail on bad input is checked before the data folder is locked.
  const failures = parseFailures(process.env.LOCAL_OPENAPI_FAIL)
  if (!existsSync(opts.functionsDir)) log(`云函数目录不存在: ${opts.functionsDir}（先运行 npm run build:functions）`)
  const envId = DEFAULT_ENV_ID
  const indexes = opts.indexes ?? {}
  const store = opts.dataDir ? Store.open(resolve(opts.dataDir), indexes, log, { fsync: opts.fsync ?? true }) : new Store(indexes)
  const transactions = new Transactions(store, log)
  // With the deployment's indexes declared, a query none of them serves is pointed out once per
  // shape: production would scan the collection for it (indexes.ts).
  const unindexed = new Set<string>()
  const onUnindexed = (collection: string, fields: string[]) => {
    const shape = `${collection}:${fields.join(',')}`
    if (unindexed.has(shape)) return
    unindexed.add(shape)
    log(
      `索引提示: 集合 ${collection} 按 { ${fields.join(', ')} } 查询，没有可用的已声明索引（cloudfunctions/_kit/collections.ts 的 INDEXES），线上会扫描整个集合；请为它声明索引。`,
    )
  }
  const db = new Database(store, transactions, {
    strictCollections: opts.collections !== undefined,
    onUnindexed: opts.indexes ? onUnindexed : undefined,
  })
  for (const name of [...(opts.collections ?? []), ...Object.keys(indexes)]) store.create(name)

  const inMemory = !opts.dataDir
  const filesDir = opts.dataDir ? join(resolve(opts.dataDir), 'files') : mkdtempSync(join(tmpdir(), 'local-cloud-files-'))
  if (opts.dataDir) privateDir(filesDir)
  let baseUrl = ''
  const storage = new Storage(filesDir, envId, () => baseUrl)
  const openapi = new OpenApi((collection, doc) => void db.insertDocs(collection, [doc]), failures)
  installEnvProxy()
  const adminKey = randomBytes(32).toString('hex')
  const idHashKey = opts.idHashKey === null ? null : (opts.idHashKey ?? idHashKeyFor(opts.dataDir && resolve(opts.dataDir)))
  const officialAccount = new FakeOfficialAccount(
    () => baseUrl,
    (doc) => void db.insertDocs(TEMPLATE_SENDS_COLLECTION, [doc]),
  )
  // The notice and notify functions reach the fake 公众号 API instead of api.weixin.qq.com, with a
  // 服务号 template for every push template.
  const mpEnv = () => ({
    MP_API_BASE: `${baseUrl}/wxmp`,
    MP_APPID: FAKE_MP_APPID,
    MP_APPSECRET: FAKE_MP_SECRET,
    MP_ORIGINAL_ID: FAKE_MP_ORIGINAL_ID,
    MINIPROGRAM_APPID: LOCAL_APPID,
    OA_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, `${FAKE_OA_TEMPLATE_PREFIX}${k}`]))),
  })
  const functionEnv = () => ({ ...sdkEnv(baseUrl, adminKey, envId), ...mpEnv(), ...(idHashKey ? { ID_HASH_KEY: idHashKey } : {}) })
  const runner = new FunctionRunner(opts.functionsDir, functionEnv, () => envId, log)
  const admin = new AdminApi(db, runner, storage, openapi, log, adminKey)
  const gateway = new Gateway(runner, { devLogin, personas: opts.personas ?? [], staticDir: opts.staticDir, log })
  const board = opts.boardDir ? new BoardPages(opts.boardDir) : null

  const cleanup = () => {
    transactions.close()
    store.close()
    if (inMemory) storage.destroy()
  }

  try {
    if (opts.seed && store.isEmpty()) {
      await opts.seed({ insert: (collection, docs) => void db.insertDocs(collection, docs) })
    }
  } catch (e) {
    cleanup()
    throw e
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((e) => {
      log(`本地云请求出错 ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
      else res.destroy()
    })
  })

  // Node 20's global http agent (which the SDK uses when keepalive is off, as in SCF) keeps idle
  // sockets for 5 s, exactly the server's default keepAliveTimeout: a request sent on a socket the
  // server is closing at that instant fails with ECONNRESET. Idle sockets must outlive the client's.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local.invalid')
    const path = url.pathname
    if (path === '/admin') return admin.serve(req, res)
    if (path.startsWith('/cos/')) {
      if (req.method !== 'PUT') return sendJson(res, 405, { code: 'INVALID_PARAM', message: 'PUT only' })
      return storage.upload(req, res, path.slice('/cos/'.length))
    }
    if (path.startsWith('/files/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { code: 'INVALID_PARAM', message: 'GET only' })
      return storage.download(req, res, path.slice('/files/'.length), url.searchParams)
    }
    if (path === '/api' || path.startsWith('/api/')) return gateway.api(req, res, path)
    if (path === '/board' || path.startsWith('/board/')) return BoardPages.serve(board, req, res, path)
    if (path.startsWith('/wxmp/')) return officialAccount.serve(req, res, path.slice('/wxmp'.length), url.searchParams)
    if (path.startsWith('/admin/') || path === '/cos' || path === '/files')
      return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '接口不存在' } })
    return gateway.static(req, res, path)
  }

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail)
      // Every function's database reads go through this one server, side by side: a rush of bookings
      // opens more connections at once than Node's default backlog (511), and the kernel would reset
      // the excess. 4096 is Linux's default somaxconn, the most listen() is granted anyway.
      server.listen(opts.port ?? 0, host, LISTEN_BACKLOG, () => {
        server.off('error', fail)
        ok()
      })
    })
  } catch (e) {
    cleanup()
    const err = e as NodeJS.ErrnoException
    if (err.code === 'EADDRINUSE')
      throw new Error(`端口 ${opts.port} 已被占用，请用 PORT=其他端口 再试。\nPort ${opts.port} is already in use.`)
    throw e
  }
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://${urlHost(host)}:${port}`
  inProcess.set(baseUrl, adminKey)
  const timers = opts.timers ? new TimerScheduler(runner, declaredTimers(runner, log), log) : null
  timers?.start()

  let closing: Promise<void> | null = null
  return {
    url: baseUrl,
    port,
    adminKey,
    invoke(fn, event, o = {}) {
      const openid = o.openid ?? ''
      if (openid && !OPENID_PATTERN.test(openid)) return Promise.reject(new Error(`OPENID 格式不正确: ${openid}`))
      return runner.run(fn, event, identity({ openid, source: 'wx_client' }))
    },
    trigger: (fn, triggerName, message) => runner.trigger(fn, triggerName, fakeNow(), message),
    setOpenapiFailures: (f) => openapi.setFailures(f),
    sends: async () => db.readAll(SENDS_COLLECTION),
    officialAccount,
    close() {
      // Running triggers finish first: they still talk to the store this closes.
      closing ??= (timers ? timers.stop() : Promise.resolve())
        .then(
          () =>
            new Promise<void>((done) => {
              server.close(() => done())
              server.closeAllConnections()
            }),
        )
        .then(() => {
          inProcess.delete(baseUrl)
          cleanup()
        })
      return closing
    },
  }
}
