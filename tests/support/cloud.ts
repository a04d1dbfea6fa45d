/**
 * A local cloud for one test file: in memory, on a random port, with the real wx-server-sdk of
 * the test process pointed at it. Jest runs test files in parallel workers; each file starts its
 * own cloud, so files never share data. Keep to one open TestCloud per file at a time: the SDK
 * settings of the test process follow the newest one (`installSdkEnv`).
 */
import cloud from 'wx-server-sdk'
import { installSdkEnv, startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local'

export interface TestCloud {
  cloud: LocalCloud
  /** `cloud.database()` of the real wx-server-sdk in this process, talking to the local cloud. */
  db: any
  /**
   * The initialised wx-server-sdk of this process (storage, callFunction, openapi). Untyped like
   * `db`: the SDK's own typings answer `void | Result` for every call.
   */
  sdk: any
  /** POST /api/fn/<fn> through the HTTP gateway, as the h5 client does; `openid` goes in x-wx-openid. */
  call(fn: string, event: object, openid?: string): Promise<unknown>
  /** A timer trigger by name; for a function with several jobs, its `tick` and the job's name. */
  trigger(fn: string, name: string, message?: string): Promise<unknown>
  /** Lines the local cloud logged (function errors, warnings). */
  logs(): string[]
  close(): Promise<void>
}

export async function startTestCloud(opts: Partial<LocalCloudOptions> & { functionsDir: string }): Promise<TestCloud> {
  const lines: string[] = []
  const local = await startLocalCloud({ port: 0, log: (line) => lines.push(line), ...opts })
  installSdkEnv(local)
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return {
    cloud: local,
    db: cloud.database(),
    sdk: cloud,
    async call(fn, event, openid) {
      const res = await fetch(`${local.url}/api/fn/${encodeURIComponent(fn)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid === undefined ? {} : { 'x-wx-openid': openid }) },
        body: JSON.stringify(event),
      })
      const text = await res.text()
      try {
        return JSON.parse(text)
      } catch {
        throw new Error(`gateway answered ${res.status} with non-JSON: ${text.slice(0, 200)}`)
      }
    },
    trigger: (fn, name, message) => local.trigger(fn, name, message),
    logs: () => [...lines],
    close: () => local.close(),
  }
}
