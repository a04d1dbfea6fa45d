/**
 * Counting the cloud round trips an action makes: every admin API request (database, storage,
 * function calls through the SDK) the local cloud serves while it runs, with the function that
 * sent it. Each request is held for HELD_MS before it is handled, as a network round trip would
 * be, so requests sent together overlap and requests sent one after another do not: the longest
 * chain of the latter is what a caller waits for.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AdminApi } from '../../local/admin'
import type { appointmentContract } from '../../types/contracts'
import type { FunctionApi } from './calls'
import { applicant } from './people'

/** What each traced request is held for, standing in for the network round trip to the database. */
export const HELD_MS = 20

export interface Trip {
  fn: string
  action: string
  from: number
  to: number
}

/**
 * Every admin API request the local cloud serves while `work` runs, with the function invocation
 * that sent it. Each request is held for `delayMs` before it is handled, as a network round trip
 * would be, so requests sent together overlap and requests sent one after another do not.
 * Read-only towards local/: it wraps AdminApi's methods in this process for the measurement.
 */
/** AdminApi as this module wraps it: `dispatch` and `runner` are private to local/admin.ts. */
interface Wrapped {
  runner: { callerOf(token: unknown): { fn: string } | undefined }
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>
  dispatch(action: string, p: Record<string, unknown>): Promise<Record<string, unknown>>
}

export async function traceTrips(delayMs: number, work: () => Promise<unknown>): Promise<Trip[]> {
  const trips: Trip[] = []
  const current = new AsyncLocalStorage<Partial<Trip>>()
  const proto = AdminApi.prototype as unknown as Wrapped
  const serve = proto.serve
  const dispatch = proto.dispatch
  proto.serve = function (this: Wrapped, req: IncomingMessage, res: ServerResponse) {
    const trip: Partial<Trip> = { from: performance.now(), fn: '', action: 'wx.openApi' }
    res.once('finish', () => trips.push({ ...(trip as Trip), to: performance.now() }))
    return current.run(trip, async () => {
      await new Promise((r) => setTimeout(r, delayMs))
      return serve.call(this, req, res)
    })
  }
  proto.dispatch = function (this: Wrapped, action: string, p: Record<string, unknown>) {
    const trip = current.getStore()
    if (trip) Object.assign(trip, { action, fn: this.runner.callerOf(p.wxCloudApiToken)?.fn ?? '' })
    return dispatch.call(this, action, p)
  }
  try {
    await work()
  } finally {
    proto.serve = serve
    proto.dispatch = dispatch
  }
  return trips
}

/** The longest chain of requests each sent after the previous one was answered. */
export function sequentialDepth(trips: Trip[]): number {
  let depth = 0
  let last = -Infinity
  for (const t of [...trips].sort((a, b) => a.to - b.to)) {
    if (t.from >= last) {
      depth++
      last = t.to
    }
  }
  return depth
}

/** One action of `fn`, traced: its round trips in all and in sequence, and how long it took. */
export async function actionRoundTrips(
  fn: string,
  work: () => Promise<unknown>,
): Promise<{ total: number; sequential: number; ms: number }> {
  const started = performance.now()
  let ms = 0
  const all = await traceTrips(HELD_MS, async () => {
    await work()
    ms = performance.now() - started
  })
  const trips = all.filter((t) => t.fn === fn)
  return { total: trips.length, sequential: sequentialDepth(trips), ms }
}

/** One warm `book` (the instance has served a booking before, as in a rush), traced. */
export async function bookRoundTrips(
  call: FunctionApi<typeof appointmentContract>,
  slotId: string,
  seq: number,
): Promise<{ total: number; sequential: number; ms: number; actions: string[] }> {
  const started = performance.now()
  let ms = 0
  const all = await traceTrips(HELD_MS, async () => {
    const r = await call(
      { action: 'book', slotId, matterId: 'm-passport', requestId: `trips-${seq}-${Date.now()}`, ...applicant(seq) },
      `o-trips-${seq}`,
    )
    ms = performance.now() - started
    if (!r.ok) throw new Error(`traced booking refused: ${JSON.stringify(r.error)}`)
  })
  const trips = all.filter((t) => t.fn === 'appointment')
  return {
    total: trips.length,
    sequential: sequentialDepth(trips),
    ms,
    actions: trips.sort((a, b) => a.from - b.from).map((t) => t.action.replace('database.', '')),
  }
}
