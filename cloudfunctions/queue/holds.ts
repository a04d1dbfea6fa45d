import { DEFAULT_QUEUE_POLICY, queuePolicySchema, type QueuePolicy } from '../../types/domain/queue'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { insertOnce } from '../_kit/db'
import { AppError } from '../_kit/errors'
import { readSetting } from '../_kit/settings'

/** The centre's queue policy: the `settings` document `queue_policy` over the defaults. */
export const queuePolicy = (): Promise<QueuePolicy> => readSetting('queue_policy', queuePolicySchema, DEFAULT_QUEUE_POLICY)

/**
 * An account's waiting walk-in tickets of a day, in one document per (day, OPENID): how many
 * (`waiting`) and for which matters, each with when it was taken. Taking one is one conditional
 * update (fewer than the limit, none for this matter), so twenty requests at once cannot get past
 * the limit, and the same matter asked twice yields one ticket.
 */
interface HoldDoc {
  _id: string
  date: string
  openid: string
  waiting: number
  held: Array<{ matterId: string; at: Date }>
}

const holds = () => db().collection<HoldDoc>(COLLECTIONS.queueHolds)
const holdId = (date: string, openid: string) => `${date}:${openid}`
/** A hold older than this without a waiting ticket belongs to an invocation that died (the function's timeout is 10 s). */
const STALE_MS = 60_000

/** Answers `taken` (issue the ticket now) or `held` (this matter already has one, or one is being issued). */
export async function takeWaitingHold(date: string, openid: string, matterId: string, max: number, now: Date): Promise<'taken' | 'held'> {
  const _ = db().command
  const _id = holdId(date, openid)
  const entry = { matterId, at: now }
  for (let attempt = 0; attempt < 4; attempt++) {
    const { stats } = await holds()
      .where({ _id, waiting: _.lt(max), 'held.matterId': _.neq(matterId) })
      .update({ data: { waiting: _.inc(1), held: _.push([entry]) } })
    if (stats.updated === 1) return 'taken'
    const doc = (await holds().where({ _id }).limit(1).get()).data[0]
    if (!doc) {
      if (await insertOnce(holds(), { _id, date, openid, waiting: 1, held: [entry] })) return 'taken'
      continue
    }
    if (doc.held.some((h) => h.matterId === matterId)) return 'held'
    if (doc.waiting >= max) {
      if (await dropStale(doc, now)) continue
      throw new AppError('CONFLICT', `每个微信账号当天最多同时保留${max}张等候中的排队票，请办理完或叫号后再取`)
    }
  }
  throw new AppError('CONFLICT', '取号人数较多，请稍后重试')
}

/** Gives back the hold of a matter once its ticket stops waiting (called); one not held changes nothing. */
export async function releaseWaitingHold(date: string, openid: string, matterId: string): Promise<boolean> {
  const _ = db().command
  const { stats } = await holds()
    .where({ _id: holdId(date, openid), 'held.matterId': matterId })
    .update({ data: { waiting: _.inc(-1), held: _.pull({ matterId }) } })
  return stats.updated === 1
}

/**
 * Drops the holds no waiting ticket stands behind and that are old enough that no invocation is
 * still issuing one: what a crash between taking the hold and writing the ticket, or between
 * calling a ticket and giving its hold back, left. Answers how many.
 */
export async function dropStale(doc: HoldDoc, now: Date): Promise<number> {
  const { data } = await db()
    .collection(COLLECTIONS.tickets)
    .where({ date: doc.date, openid: doc.openid, status: 'waiting' })
    .field({ matterId: true })
    .limit(100)
    .get()
  const waiting = new Set(data.map((t) => String(t.matterId)))
  let dropped = 0
  for (const h of doc.held) {
    if (waiting.has(h.matterId) || now.getTime() - new Date(h.at).getTime() < STALE_MS) continue
    if (await releaseWaitingHold(doc.date, doc.openid, h.matterId)) dropped++
  }
  return dropped
}

/** The hold document of (day, OPENID), for a caller that found its matter held. */
export async function readHold(date: string, openid: string): Promise<HoldDoc | undefined> {
  return (
    await holds()
      .where({ _id: holdId(date, openid) })
      .limit(1)
      .get()
  ).data[0]
}
