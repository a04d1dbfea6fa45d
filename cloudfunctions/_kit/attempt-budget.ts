import { db } from './cloud'
import { COLLECTIONS } from './collections'
import { insertOnce } from './db'

/**
 * A failure budget for guessable inputs (a complaint's number and password, a relative's
 * invitation code): one document per key in `lookup_attempts` (the shape the case lookup uses, so
 * the shared clean-up expires it), at most `max` attempts within `windowMs`. An attempt takes a
 * place before the input is checked and gives it back on success, so parallel guesses cannot slip
 * past the limit; only the caller's own key is ever charged, so nobody can lock out anyone else.
 * Every write is guarded by the document's revision; a lost race reads again.
 */
interface BudgetDoc {
  _id: string
  attempts: Array<{ id: string; at: Date }>
  rev: number
}

const budgets = () => db().collection<BudgetDoc>(COLLECTIONS.lookupAttempts)

export async function takeAttempt(key: string, attemptId: string, now: Date, max: number, windowMs: number): Promise<boolean> {
  for (let round = 0; round < 20; round++) {
    const doc = (await budgets().where({ _id: key }).limit(1).get()).data[0]
    const kept = (doc?.attempts ?? []).filter((a) => now.getTime() - new Date(a.at).getTime() < windowMs)
    if (kept.length >= max) return false
    const attempts = [...kept, { id: attemptId, at: now }]
    if (!doc) {
      if (await insertOnce(budgets(), { _id: key, attempts, rev: 1, touchedAt: now })) return true
      continue
    }
    const { stats } = await budgets()
      .where({ _id: key, rev: doc.rev })
      .update({ data: { attempts: db().command.set(attempts), rev: doc.rev + 1, touchedAt: now } })
    if (stats.updated === 1) return true
  }
  return false
}

export async function giveAttemptBack(key: string, attemptId: string): Promise<void> {
  const _ = db().command
  await budgets()
    .where({ _id: key })
    .update({ data: { attempts: _.pull({ id: attemptId }), rev: _.inc(1) } })
}
