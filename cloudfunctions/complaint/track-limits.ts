import { TRACK_WINDOW_MS } from '../../types/domain/complaint'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { insertOnce } from '../_kit/db'

/**
 * The failure budget of an account's tracking lookups: one document per account in
 * `lookup_attempts` (key `cp:o:<OPENID>`, the shape the case lookup uses, so the shared clean-up
 * expires it), at most `max` attempts in any hour. An attempt takes a place before the number and
 * password are checked and gives it back on success, so parallel guesses cannot slip past the
 * limit. Every write is guarded by the document's revision; a lost race reads again.
 */
interface LimitDoc {
  _id: string
  attempts: Array<{ id: string; at: Date }>
  rev: number
}

const limits = () => db().collection<LimitDoc>(COLLECTIONS.lookupAttempts)
export const trackKey = (openid: string) => `cp:o:${openid}`

export async function takeTrackPlace(key: string, attemptId: string, now: Date, max: number): Promise<boolean> {
  for (let round = 0; round < 20; round++) {
    const doc = (await limits().where({ _id: key }).limit(1).get()).data[0]
    const kept = (doc?.attempts ?? []).filter((a) => now.getTime() - new Date(a.at).getTime() < TRACK_WINDOW_MS)
    if (kept.length >= max) return false
    const attempts = [...kept, { id: attemptId, at: now }]
    if (!doc) {
      if (await insertOnce(limits(), { _id: key, attempts, rev: 1, touchedAt: now })) return true
      continue
    }
    const { stats } = await limits()
      .where({ _id: key, rev: doc.rev })
      .update({ data: { attempts: db().command.set(attempts), rev: doc.rev + 1, touchedAt: now } })
    if (stats.updated === 1) return true
  }
  return false
}

export async function giveTrackPlace(key: string, attemptId: string): Promise<void> {
  const _ = db().command
  await limits()
    .where({ _id: key })
    .update({ data: { attempts: _.pull({ id: attemptId }), rev: _.inc(1) } })
}
