import { db } from '../_kit/cloud'
import { log } from '../_kit/log'
import { afterCall } from './actions/console'
import { tickets, windowsById, type TicketDoc } from './tickets'

/**
 * Timer trigger (every minute): every call whose settle time passed (callNext sets it in the same
 * update as the call) gets its notices and its hold release done again, each idempotent, so a
 * crash right after a call loses neither 请到…办理 nor 即将轮到您; then the settle time is cleared.
 */
export async function callSweep(now: Date) {
  const _ = db().command
  let settled = 0
  let failed = 0
  for (let round = 0; round < 20; round++) {
    const { data } = await tickets()
      .where({ settleBy: _.lte(now) })
      .orderBy('settleBy', 'asc')
      .limit(100)
      .get()
    if (!data.length) break
    const windows = await windowsById()
    const reminded = data.map((t) => t.remind).filter((id): id is string => !!id)
    const thirds = reminded.length
      ? new Map(
          (
            await tickets()
              .where({ _id: _.in(reminded) })
              .limit(reminded.length)
              .get()
          ).data.map((t) => [t._id, t]),
        )
      : new Map<string, TicketDoc>()
    let progress = false
    for (const t of data) {
      const w = windows.get(t.windowId || t.transferredFrom || t.targetWindowId)
      const ok = await afterCall(t, w?.number ?? 0, t.remind ? thirds.get(t.remind) : undefined)
      if (!ok) {
        failed++
        continue
      }
      await tickets()
        .where({ _id: t._id, settleBy: t.settleBy })
        .update({ data: { settleBy: _.remove() } })
        .catch((e) => log.error('queue.settle', e))
      settled++
      progress = true
    }
    if (!progress) break
  }
  return { settled, failed }
}
