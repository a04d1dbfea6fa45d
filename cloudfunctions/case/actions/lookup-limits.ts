import { LOOKUP_MAX_FAILURES, LOOKUP_WINDOW_MS } from '../../../types/domain/lookup'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { insertOnce } from '../../_kit/db'

/**
 * The lookup's failure budgets: one document per key holding the times of its recent attempts,
 * at most `max` in any hour (a sliding window). The caller's own keys (`o:<OPENID>`,
 * `d:<device>`) are limits: an attempt takes a place BEFORE the credentials are checked and gives
 * it back only on success, so concurrent guesses cannot slip past the limit, and an attempt that
 * crashes counts as failed. A case number's key (`n:<case number>`) only counts failures, to tell
 * the applicant: it never refuses anyone, since anyone may know a case number.
 * Every write is guarded by the document's revision; a lost race reads again.
 */
interface LimitDoc {
  _id: string
  attempts: Array<{ id: string; at: Date }>
  rev: number
  /** When the last fill of the budget was noticed (the applicant's notice is sent once per fill). */
  filledAt?: Date
}

const limits = () => db().collection<LimitDoc>(COLLECTIONS.lookupAttempts)
const recent = (doc: LimitDoc | undefined, now: Date) =>
  (doc?.attempts ?? []).filter((a) => now.getTime() - new Date(a.at).getTime() < LOOKUP_WINDOW_MS)

/** `used`: the places taken in the window, this one included (0 when not counted). */
export type Take = { ok: true; used: number } | { ok: false; retryAt: Date }

/** Takes one place in the key's budget, or answers when the earliest one frees. */
export async function take(key: string, attemptId: string, now: Date, max = LOOKUP_MAX_FAILURES): Promise<Take> {
  for (let round = 0; round < 20; round++) {
    const doc = (await limits().where({ _id: key }).limit(1).get()).data[0]
    const kept = recent(doc, now)
    if (kept.length >= max) {
      const earliest = Math.min(...kept.map((a) => new Date(a.at).getTime()))
      return { ok: false, retryAt: new Date(earliest + LOOKUP_WINDOW_MS) }
    }
    const attempts = [...kept, { id: attemptId, at: now }]
    if (!doc) {
      if (await insertOnce(limits(), { _id: key, attempts, rev: 1, touchedAt: now })) return { ok: true, used: attempts.length }
      continue
    }
    const { stats } = await limits()
      .where({ _id: key, rev: doc.rev })
      .update({ data: { attempts: db().command.set(attempts), rev: doc.rev + 1, touchedAt: now } })
    if (stats.updated === 1) return { ok: true, used: attempts.length }
  }
  // Twenty lost races in a row: the key is under a burst, which is what the limit is for.
  return { ok: false, retryAt: new Date(now.getTime() + 60_000) }
}

/**
 * The caller's own budget, in one write while it holds fewer than LOOKUP_MAX_FAILURES entries
 * (recent or not); a full or missing document goes the long way, which also drops expired entries.
 * Only for keys whose history tells a caller nothing new: their own OPENID or device.
 */
export async function takeOwn(key: string, attemptId: string, now: Date): Promise<Take> {
  const _ = db().command
  const { stats } = await limits()
    .where({ _id: key, [`attempts.${LOOKUP_MAX_FAILURES - 1}`]: _.exists(false) })
    .update({ data: { attempts: _.push([{ id: attemptId, at: now }]), rev: _.inc(1), touchedAt: now } })
  return stats.updated === 1 ? { ok: true, used: 0 } : take(key, attemptId, now)
}

/** Gives a place back (a successful lookup, or the other key refused). */
export async function giveBack(key: string, attemptId: string): Promise<void> {
  const _ = db().command
  await limits()
    .where({ _id: key })
    .update({ data: { attempts: _.pull({ id: attemptId }), rev: _.inc(1) } })
}

/** Marks the key's budget as filled now: the write every filling failure makes, whether or not a case exists. */
export const markFilled = (key: string, now: Date) =>
  limits()
    .doc(key)
    .update({ data: { filledAt: now } })
