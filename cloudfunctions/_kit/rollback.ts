import { log } from './log'

/**
 * Runs a multi-document change as a chain of steps, each registering how to undo itself. When a
 * later step fails, the earlier ones are undone newest first and the error goes on. The cloud's
 * transactions cannot hold the conditional updates that keep a slot from overbooking, so a
 * booking takes its holds one atomic update at a time and gives them back on failure.
 */
export async function withRollback<T>(work: (onFail: (undo: () => Promise<unknown>) => void) => Promise<T>): Promise<T> {
  const undos: Array<() => Promise<unknown>> = []
  try {
    return await work((undo) => undos.push(undo))
  } catch (e) {
    for (const undo of undos.reverse()) await undo().catch((err) => log.error('rollback', err))
    throw e
  }
}
