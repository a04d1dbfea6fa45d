import { db } from '../_kit/cloud'
import { log } from '../_kit/log'
import { pool } from '../_kit/pool'
import { claimAndDeliver, type Result } from './delivery'
import { outbox, type OutboxDoc } from './store'

const BATCH = 100
const CONCURRENCY = 16
/** Stop taking new batches after this long: the function's timeout is 20 s (config.json). */
const BUDGET_MS = 14_000

/** Items due now: never tried, retries whose time has come, and claims whose lease ran out. */
async function due(now: Date): Promise<OutboxDoc[]> {
  const _ = db().command
  const [pending, retry, stale] = await Promise.all([
    outbox().where({ status: 'pending' }).orderBy('createdAt', 'asc').limit(BATCH).get(),
    outbox()
      .where({ status: 'retry', dueAt: _.lte(now) })
      .orderBy('dueAt', 'asc')
      .limit(BATCH)
      .get(),
    outbox()
      .where({ status: 'sending', leaseUntil: _.lte(now) })
      .limit(BATCH)
      .get(),
  ])
  return [...pending.data, ...retry.data, ...stale.data]
}

/**
 * Timer trigger, every minute: delivers what is due, batch after batch, until nothing is due or
 * the time budget is spent (the next run goes on). Two runs overlapping is safe: each item is
 * claimed before it is sent.
 */
export async function drain(now: Date) {
  const started = Date.now()
  const counts: Record<Result | 'error', number> = { sent: 0, failed: 0, no_consent: 0, retry: 0, skipped: 0, error: 0 }
  let more = false
  for (;;) {
    const items = await due(now)
    if (!items.length) break
    const results = await pool(items, CONCURRENCY, (doc) =>
      claimAndDeliver(doc, now).catch((e): 'error' => {
        log.error('notify.drain', e)
        return 'error'
      }),
    )
    for (const r of results) counts[r]++
    // Nothing taken this round (all held by another run, or erroring): leave it to the next run.
    if (results.every((r) => r === 'skipped' || r === 'error')) break
    if (Date.now() - started > BUDGET_MS) {
      more = true
      break
    }
  }
  const { no_consent: noConsent, ...rest } = counts
  return { ...rest, noConsent, more }
}
