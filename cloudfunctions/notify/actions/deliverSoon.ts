import type { NotifyInput } from '../../../types/contracts/notify'
import type { ActionContext } from '../../_kit/handler'
import { db } from '../../_kit/cloud'
import { claimAndDeliver } from '../delivery'
import { outbox } from '../store'

/**
 * Delivers the given outbox items now instead of at the next drain (called by _kit/outbox.ts right
 * after an event). Only items still `pending` are taken, so calling it, by anyone, can only send
 * earlier what the drain would send anyway: it reads nothing back and bypasses no backoff.
 */
export async function deliverSoon({ ids }: NotifyInput<'deliverSoon'>, ctx: ActionContext) {
  const _ = db().command
  const { data } = await outbox()
    .where({ _id: _.in([...new Set(ids)]), status: 'pending' })
    .limit(ids.length)
    .get()
  const results = await Promise.all(data.map((doc) => claimAndDeliver(doc, ctx.now)))
  return { claimed: results.filter((r) => r !== 'skipped').length }
}
