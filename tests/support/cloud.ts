/**
 * A local cloud for one test file: in memory, on a random port, with the real wx-server-sdk of
 * the test process pointed at it. Jest runs test files in parallel workers; each file starts its
 * own cloud, so files never share data. Keep to one open TestCloud per file at a time: the SDK
 * settings of the test process follow the newest one (`installSdkEnv`).
 */
import cloud from 'wx-server-sdk'
import type { Database, DocumentRef } from '../../cloudfunctions/_kit/db-types'
import type { FunctionContract } from '../../types/contracts/contract'
import type { Result } from '../../types/result'
import { installSdkEnv, startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local'
import { callGateway, sendsOf, type CapturedSend, type FunctionApi, type TriggerReport } from './calls'

/** A transaction opened with `startTransaction`, settled by hand. */
export interface OpenTransaction {
  collection(name: string): { doc(id: string): DocumentRef }
  commit(): Promise<unknown>
  rollback(): Promise<unknown>
}

/**
 * The database of the real wx-server-sdk, typed as the functions use it (cloudfunctions/_kit/db-types.ts:
 * the SDK's own typings answer `string | void | IQueryResult` for every read), plus what only tests call.
 */
export interface TestDatabase extends Database {
  createCollection(name: string): Promise<unknown>
  startTransaction(): Promise<OpenTransaction>
}

type Sdk = typeof cloud
/** Answers of SDK calls whose typings add `| void` (the callback form) to the promise. */
type Answer<F extends (...args: never[]) => unknown> = Promise<Awaited<Exclude<ReturnType<F>, void>>>

/** The parts of the initialised wx-server-sdk the tests call: storage and the caller's context. */
export interface TestSdk {
  uploadFile: Sdk['uploadFile']
  downloadFile: Sdk['downloadFile']
  getTempFileURL(p: Parameters<Sdk['getTempFileURL']>[0]): Answer<Sdk['getTempFileURL']>
  deleteFile(p: Parameters<Sdk['deleteFile']>[0]): Answer<Sdk['deleteFile']>
  getWXContext: Sdk['getWXContext']
}

export interface ApiOptions {
  /** Invoke in this process as a WeChat client (LocalCloud.invoke) instead of through the HTTP gateway. */
  inProcess?: boolean
  /** The caller of a call that names none (without it, such a call has no OPENID). */
  as?: string
}

export interface TestCloud {
  cloud: LocalCloud
  /** `cloud.database()` of the real wx-server-sdk in this process, talking to the local cloud. */
  db: TestDatabase
  /** The initialised wx-server-sdk of this process. */
  sdk: TestSdk
  /**
   * POST /api/fn/<fn> through the HTTP gateway, as the h5 client does; `openid` goes in x-wx-openid.
   * Untyped on purpose: the event may be anything and the answer is whatever JSON came back.
   */
  call(fn: string, event: unknown, openid?: string): Promise<unknown>
  /**
   * The calls of one function typed by its contract: `t.api(caseContract)({ action: 'getCase', caseId }, A)`.
   * A function without a contract in types/contracts (a fixture) is named, its contract given as a type:
   * `t.api<typeof probeContract>('idem-probe')`.
   */
  api<F extends FunctionContract>(contract: F | F['name'], opts?: ApiOptions): FunctionApi<F>
  /**
   * A timer trigger by name; for a function with several jobs, its `tick` and the job's name.
   * Answered as every handler answers a trigger: the envelope with the job's report.
   */
  trigger(fn: string, name: string, message?: string): Promise<Result<TriggerReport>>
  /** The subscribe messages WeChat received, oldest first. */
  sends(): Promise<CapturedSend[]>
  /** Lines the local cloud logged (function errors, warnings). */
  logs(): string[]
  close(): Promise<void>
}

export async function startTestCloud(opts: Partial<LocalCloudOptions> & { functionsDir: string }): Promise<TestCloud> {
  const lines: string[] = []
  const local = await startLocalCloud({ port: 0, log: (line) => lines.push(line), ...opts })
  installSdkEnv(local)
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const call = (fn: string, event: unknown, openid?: string) => callGateway(local.url, fn, event, openid)
  return {
    cloud: local,
    // The SDK's typings are looser than what it answers; these interfaces say what it does answer.
    db: cloud.database() as unknown as TestDatabase,
    sdk: cloud as TestSdk,
    call,
    api<F extends FunctionContract>(contract: F | F['name'], o: ApiOptions = {}): FunctionApi<F> {
      const fn = typeof contract === 'string' ? contract : contract.name
      // Every function's handler answers the envelope (cloudfunctions/_kit/handler.ts), whatever it was sent.
      const raw = (event: unknown, openid = o.as) =>
        (o.inProcess ? local.invoke(fn, event, openid === undefined ? {} : { openid }) : call(fn, event, openid)) as Promise<
          Result<unknown>
        >
      return Object.assign(raw, { raw }) as FunctionApi<F>
    },
    trigger: (fn, name, message) => local.trigger(fn, name, message) as Promise<Result<TriggerReport>>,
    sends: () => sendsOf(local),
    logs: () => [...lines],
    close: () => local.close(),
  }
}

/**
 * `t.api(contract)` for a module-level helper, made before beforeAll has started the cloud: the
 * cloud is reached at each call. `const notify = apiOf(() => t, notifyContract)`.
 */
export function apiOf<F extends FunctionContract>(cloud: () => TestCloud, contract: F | F['name'], opts?: ApiOptions): FunctionApi<F> {
  const raw = (event: unknown, openid?: string) => cloud().api<F>(contract, opts).raw(event, openid)
  return Object.assign(raw, { raw }) as FunctionApi<F>
}
