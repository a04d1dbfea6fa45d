import { LOOKUP_WINDOW_MS } from '../../types/domain/lookup'
import { db } from './cloud'
import { COLLECTIONS } from './collections'

/**
 * The daily cleanup trigger: records that have done their job are removed, so the database keeps
 * neither dead weight nor personal data longer than it serves a purpose.
 *
 *  - `requests` (idempotency records, idempotency.ts) after REQUEST_RETENTION_MS: a client retries a
 *    submit within minutes; a day is the window payment APIs give the same promise (Stripe removes
 *    idempotency keys once they are at least 24 hours old, API reference "Idempotent requests").
 *  - `lookup_attempts` (the lookup's failure budget) once every attempt in a document is older than
 *    a day: the budget counts one hour (LOOKUP_WINDOW_MS), and guessed case numbers would otherwise
 *    leave one document per guess forever.
 *  - `invitations` (staff) never used and expired for INVITATION_GRACE_MS; a used one stays: it is
 *    the only record of which administrator issued a staff role.
 *  - `follow_invitations` expired for INVITATION_GRACE_MS, used or not: acceptances are kept in the
 *    case function's audit collection.
 * The grace keeps "已过期" answered (rather than "无效") for a week after an invitation expires.
 *
 * Each collection is walked in pages of ids found through an index (INDEXES in collections.ts),
 * and each page is removed with the full condition repeated, so a document that became live again
 * meanwhile (a new lookup attempt) is kept: the removal checks it atomically, per document.
 * A run stops after RUN_BUDGET_MS, well inside the function's timeout; the next run goes on.
 */

export const REQUEST_RETENTION_MS = 24 * 3_600_000
export const LOOKUP_RETENTION_MS = Math.max(LOOKUP_WINDOW_MS, 24 * 3_600_000)
export const INVITATION_GRACE_MS = 7 * 24 * 3_600_000
const RUN_BUDGET_MS = 10_000
/** The server SDK's largest page. */
const PAGE = 1000

type Query = Record<string, unknown>

/** Removes documents matching `find` (indexed) and `confirm`, page by page in `_id` order. */
async function removePaged(collection: string, find: Query, confirm: Query, stopAt: number): Promise<{ removed: number; done: boolean }> {
  const _ = db().command
  const coll = db().collection<{ _id: string }>(collection)
  let removed = 0
  let after: string | undefined
  for (;;) {
    if (Date.now() >= stopAt) return { removed, done: false }
    const where = after === undefined ? find : { ...find, _id: _.gt(after) }
    const { data } = await coll.where(where).orderBy('_id', 'asc').field({ _id: true }).limit(PAGE).get()
    if (!data.length) return { removed, done: true }
    const ids = data.map((d) => d._id)
    const { stats } = await coll.where({ ...find, ...confirm, _id: _.in(ids) }).remove()
    removed += stats.removed
    if (data.length < PAGE) return { removed, done: true }
    after = ids[ids.length - 1]
  }
}

/** The trigger: `{ removed: { <collection>: n }, done }` (done false when the time budget ran out). */
export async function cleanupTrigger(now: Date): Promise<Record<string, unknown>> {
  const _ = db().command
  // `_.not` is in the SDK's command set (@cloudbase/database command.js) but not in our typings.
  const not = (c: unknown) => (_ as unknown as { not(c: unknown): unknown }).not(c)
  const stopAt = Date.now() + RUN_BUDGET_MS
  const before = (ms: number) => new Date(now.getTime() - ms)
  const lookupCutoff = before(LOOKUP_RETENTION_MS)
  const invitationCutoff = before(INVITATION_GRACE_MS)
  const jobs: Array<[string, Query, Query]> = [
    [COLLECTIONS.requests, { createdAt: _.lt(before(REQUEST_RETENTION_MS)) }, {}],
    // `touchedAt` is written with every place taken, so it also finds budgets whose places were all given back.
    [COLLECTIONS.lookupAttempts, { touchedAt: _.lt(lookupCutoff) }, { touchedAt: _.lt(lookupCutoff) }],
    [COLLECTIONS.lookupAttempts, { 'attempts.at': _.lt(lookupCutoff) }, { 'attempts.at': not(_.gte(lookupCutoff)) }],
    [COLLECTIONS.invitations, { status: 'open', expiresAt: _.lt(invitationCutoff) }, {}],
    [COLLECTIONS.followInvitations, { expiresAt: _.lt(invitationCutoff) }, {}],
  ]
  const removed: Record<string, number> = {}
  let done = true
  for (const [collection, find, confirm] of jobs) {
    const r = await removePaged(collection, find, confirm, stopAt)
    removed[collection] = (removed[collection] ?? 0) + r.removed
    if (!r.done) {
      done = false
      break
    }
  }
  return { removed, done }
}
