import { db } from './cloud'
import type { Collection } from './db-types'

/**
 * Whether a database error is a unique-key violation: an `add` whose `_id` (or another unique
 * index, INDEXES in collections.ts) is already taken. The cloud database and the local cloud
 * (E11000, as MongoDB) word it differently; any of these marks counts.
 */
export const isDuplicate = (e: unknown): boolean =>
  /duplicate|E11000|-502001|DUPLICATE/i.test(String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e))

/**
 * Inserts a document whose key says what it stands for (a dedupe key, a slot, an account), once:
 * answers true when this call wrote it and false when it was already there, whoever wrote it.
 * Any other failure is thrown. This is where concurrent writers of the same record meet: the loser
 * reads what the winner wrote, retries its conditional update, or leaves it alone.
 */
export async function insertOnce(collection: string | Pick<Collection<unknown>, 'add'>, doc: object): Promise<boolean> {
  const target = typeof collection === 'string' ? db().collection(collection) : collection
  try {
    await target.add({ data: doc })
    return true
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
  }
}
