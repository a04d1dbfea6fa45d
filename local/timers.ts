/**
 * Runs the timer triggers of the deployed functions on their schedule, as the platform does
 * (`npm start`; tests leave it off and call LocalCloud.trigger when they mean to).
 *
 * At start it reads every function's config.json, parses each `timer` trigger (cron.ts) and then
 * wakes at every whole second to invoke the triggers due then, through FunctionRunner.trigger: the
 * event is `{ Type: 'Timer', TriggerName, Time, Message }` and the invocation has no OPENID and
 * SOURCE `wx_trigger`, exactly what cloudfunctions/_kit/handler.ts checks. Like the platform, a
 * trigger is invoked asynchronously and may overlap its previous run, and its answer goes nowhere:
 * a failure (a thrown error, or `{ ok: false }`) is logged. Seconds the process missed (a stalled
 * event loop, a laptop waking up) are caught up for at most MAX_CATCH_UP_S, not replayed for hours.
 */
import { parseCron, type Cron } from '../types/domain/cron'
import type { FunctionRunner } from './functions'

const MAX_CATCH_UP_S = 5

interface Scheduled {
  fn: string
  name: string
  cron: Cron
}

export interface Clock {
  now(): number
  setTimeout(f: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (f, ms) => {
    const h = setTimeout(f, ms)
    h.unref()
    return h
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

/** The timer triggers declared by the functions in the runner's folder; bad ones are logged and left out. */
export function declaredTimers(runner: FunctionRunner, log: (line: string) => void): Scheduled[] {
  const out: Scheduled[] = []
  for (const fn of runner.list()) {
    let timers: Array<{ name: string; config?: string }>
    try {
      timers = (runner.config(fn).triggers ?? []).filter((t) => t.type === 'timer')
    } catch (e) {
      log(`定时触发器未启用: ${(e as Error).message}`)
      continue
    }
    if (timers.length > 1) {
      log(
        `云函数 ${fn} 的 config.json 声明了 ${timers.length} 个定时触发器；微信云开发每个云函数只支持一个（上传触发器时会失败）。本地仍全部运行。`,
      )
    }
    for (const t of timers) {
      try {
        out.push({ fn, name: t.name, cron: parseCron(String(t.config ?? '')) })
      } catch (e) {
        log(`云函数 ${fn} 的定时触发器 ${t.name} 未启用: ${(e as Error).message}`)
      }
    }
  }
  return out
}

export class TimerScheduler {
  private handle: unknown = null
  private last = 0
  private stopped = false
  private readonly inFlight = new Set<Promise<unknown>>()

  constructor(
    private readonly runner: FunctionRunner,
    private readonly timers: Scheduled[],
    private readonly log: (line: string) => void,
    private readonly clock: Clock = realClock,
  ) {}

  start(): void {
    this.last = Math.floor(this.clock.now() / 1000)
    this.arm()
  }

  /** Stops scheduling and waits (at most `graceMs`) for the triggers still running. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true
    if (this.handle !== null) this.clock.clearTimeout(this.handle)
    if (!this.inFlight.size) return
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, graceMs).unref())])
  }

  /** Invokes every trigger due at the whole second `second` (Unix seconds). */
  fire(second: number): void {
    const at = new Date(second * 1000)
    for (const t of this.timers) {
      if (!t.cron.matches(at)) continue
      const run = this.runner.trigger(t.fn, t.name, at).then(
        (answer) => {
          const r = answer as { ok?: boolean; error?: { code?: string; message?: string } } | undefined
          if (r && r.ok === false) this.log(`定时触发器 ${t.fn}.${t.name} 返回错误: ${r.error?.code ?? ''} ${r.error?.message ?? ''}`)
        },
        // The runner has logged the stack.
        () => undefined,
      )
      this.inFlight.add(run)
      void run.finally(() => this.inFlight.delete(run))
    }
  }

  private arm(): void {
    if (this.stopped) return
    const now = this.clock.now()
    this.handle = this.clock.setTimeout(() => this.tick(), 1000 - (now % 1000))
  }

  private tick(): void {
    if (this.stopped) return
    const now = Math.floor(this.clock.now() / 1000)
    for (let s = Math.max(this.last + 1, now - MAX_CATCH_UP_S); s <= now; s++) this.fire(s)
    this.last = Math.max(this.last, now)
    this.arm()
  }
}
