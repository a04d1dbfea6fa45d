import { log } from './log'

/**
 * Runs a multi-document change as a chain of steps, each registering how to undo itself. When a
 * later step fails, the earlier ones are undone newest first and the error goes on. The cloud's
 * transactions cannot hold the conditional updates that keep a slot from overbooking (「在事务中不支持
 * 批量操作（where 语句），只支持单记录操作」: developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html), so a change
 * that needs them takes one atomic update at a time and gives back on failure.
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

/** Gives back, ignoring (but logging) failures: a release that fails is healed by the sweeper. */
export async function releaseAll(where: string, releases: Array<Promise<unknown> | undefined>): Promise<void> {
  for (const r of await Promise.allSettled(releases)) if (r.status === 'rejected') log.error(where, r.reason)
}
