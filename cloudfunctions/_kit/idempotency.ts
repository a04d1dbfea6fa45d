import { randomBytes } from 'node:crypto'
import { db } from './cloud'
import { COLLECTIONS } from './collections'
import { AppError } from './errors'
import { log } from './log'
import { insertOnce } from './db'
import { keyedHash } from './secrets'

/**
 * How long a claim on a request id holds before a retry may take it over. Shorter than the 20 s
 * timeout of the functions that submit (appointment, case, inquiry config.json): a retry sent after
 * the platform killed a timed-out invocation must find the claim expired and run, never be told
 * "still in progress" about an invocation that no longer exists. An invocation still running past
 * its lease is within 5 s of that kill; its late answer cannot overwrite the new owner's record
 * (every write after the claim names the claim's owner).
 */
export const REQUEST_LEASE_MS = 15_000
/** The longest a replay waits for the first submit to finish: well under any function's timeout. */
export const REPLAY_WAIT_MS = 3_000

/** Leases measure real elapsed time, never the business clock tests move (LOCAL_FAKE_NOW). */
const realNow = () => Date.now()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)

/** JSON with every object's keys sorted at every depth, so two equal inputs give one text whatever their key order. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  ) ?? 'null'

/**
 * What tells a replay from a different submit under the same request id: the whole parsed input
 * (nested fields included) but the request id itself. Keyed, because the input holds ID numbers,
 * names and phone numbers, and an unkeyed hash of them can be confirmed by guessing.
 */
export const fingerprintOf = (input: Record<string, unknown>) => {
  const { requestId: _ignored, ...rest } = input
  return keyedHash(`request:${canonicalJson(rest)}`, 32)
}

interface RequestRecord {
  _id: string
  fingerprint: string
  status: 'pending' | 'done' | 'failed'
  /** The claim that may write this record; a takeover replaces it. Absent on records of older versions. */
  owner?: string
  leaseUntil?: Date
  createdAt: Date
  result?: unknown
  error?: { code: AppError['code']; message: string; issues?: AppError['issues'] }
}

const requests = () => db().collection<RequestRecord>(COLLECTIONS.requests)
const newOwner = () => randomBytes(12).toString('hex')
const leaseEnd = () => new Date(realNow() + REQUEST_LEASE_MS)
const leaseOf = (r: RequestRecord) => new Date(r.leaseUntil ?? new Date(new Date(r.createdAt).getTime() + REQUEST_LEASE_MS)).getTime()

/**
 * Runs a submit at most once per (scope, caller, requestId) while its claim lives:
 *  1. the first call claims the id by inserting a `pending` record (the unique `_id` is where
 *     concurrent replays meet) with an owner and a lease;
 *  2. it runs the work and stores the answer, success or refusal, under its owner; every replay
 *     answers the same;
 *  3. a replay that finds the record pending waits up to REPLAY_WAIT_MS for it; if the lease runs
 *     out meanwhile (the first invocation died: a crash, a timeout) it takes the claim over with a
 *     conditional update on the old owner and runs the work itself;
 *  4. an unexpected error removes the claim, so the retry runs again at once.
 * A replay with different content is refused: a request id names one submit.
 */
export async function once<T>(scope: string, openid: string, requestId: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
  const id = `${scope}:${openid}:${requestId}`
  const giveUpAt = realNow() + REPLAY_WAIT_MS
  for (let round = 0; ; round++) {
    if (round > 0) {
      if (realNow() >= giveUpAt) throw new AppError('CONFLICT', '上一次提交仍在处理中，请稍后再试')
      await sleep(Math.min(50 + round * 25, 250))
    }
    const owner = newOwner()
    if (
      await insertOnce(requests(), { _id: id, fingerprint, status: 'pending', owner, leaseUntil: leaseEnd(), createdAt: db().serverDate() })
    )
      return settle(id, owner, work)
    const record = (await requests().where({ _id: id }).limit(1).get()).data[0]
    if (!record) continue // the first attempt failed unexpectedly and gave the id back: claim it
    if (record.fingerprint !== fingerprint) throw new AppError('CONFLICT', '该请求编号已用于另一次提交')
    if (record.status === 'done') return record.result as T
    if (record.status === 'failed' && record.error)
      throw new AppError(record.error.code, record.error.message, record.error.issues?.length ? record.error.issues : undefined)
    if (leaseOf(record) > realNow()) continue
    const _ = db().command
    const { stats } = await requests()
      .where({ _id: id, status: 'pending', owner: record.owner ?? _.exists(false) })
      .update({ data: { owner, leaseUntil: leaseEnd() } })
    if (stats.updated === 1) return settle(id, owner, work)
  }
}

/** Runs the work under a claim and records its outcome, if the claim is still ours. */
async function settle<T>(id: string, owner: string, work: () => Promise<T>): Promise<T> {
  const mine = () => requests().where({ _id: id, owner })
  const _ = db().command
  let result: T
  try {
    result = await work()
  } catch (e) {
    if (e instanceof AppError) {
      await mine().update({
        data: { status: 'failed', error: { code: e.code, message: e.message, issues: e.issues ?? [] }, leaseUntil: _.remove() },
      })
    } else {
      await mine()
        .remove()
        .catch(() => undefined)
    }
    throw e
  }
  const { stats } = await mine().update({
    data: { status: 'done', result: result as unknown as Record<string, unknown>, leaseUntil: _.remove() },
  })
  if (stats.updated !== 1)
    log.error(
      'idempotency',
      new Error(`${id.split(':')[0]}: the claim was taken over before this invocation finished; its result was not recorded`),
    )
  return result
}
