import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { insertOnce } from '../_kit/db'
import { AppError } from '../_kit/errors'

/**
 * One account's active bookings, in one document per OPENID: how many (`active`, the quota) and,
 * for each, its booking id and its lock key (the person and the matter). A hold names its booking,
 * so giving it back twice is harmless and a sweeper can tell a hold whose booking is gone.
 */
export interface QuotaDoc {
  _id: string
  active: number
  holders: Array<{ id: string; lock: string }>
}

const quotas = () => db().collection<QuotaDoc>(COLLECTIONS.bookingQuota)

/**
 * The lock on a person and a matter is the booking account's own: one account cannot book the
 * same person twice for a matter, but an ID number someone else typed never stops its owner from
 * booking (a squatter blocks only themselves; staff see both bookings flagged, daySchedule).
 */
export const lockKeyOf = (person: string, matterId: string) => `${person}:${matterId}`

export async function readQuota(openid: string): Promise<QuotaDoc | undefined> {
  return (await quotas().where({ _id: openid }).limit(1).get()).data[0]
}

/** Creates the account's empty quota document, so the take below is one conditional update. */
export async function ensureQuota(openid: string): Promise<void> {
  await insertOnce(quotas(), { _id: openid, active: 0, holders: [] })
}

/**
 * Takes one of the account's `max` active bookings and its lock on the person and matter, in one
 * conditional update: fewer than `max` held, and none for this lock. A refusal is checked against
 * the bookings first: a hold whose booking is no longer active (its function died before giving
 * it back) is released, then the take is tried again, so a crash never costs anyone a booking.
 * Taking again for the same booking (a retried submit) finds it held and succeeds.
 */
export async function takeQuota(openid: string, bookingId: string, lockKey: string, max: number): Promise<void> {
  const _ = db().command
  for (let attempt = 0; attempt < 4; attempt++) {
    const { stats } = await quotas()
      .where({ _id: openid, active: _.lt(max), 'holders.lock': _.neq(lockKey) })
      .update({ data: { active: _.inc(1), holders: _.push([{ id: bookingId, lock: lockKey }]) } })
    if (stats.updated === 1) return
    const doc = await readQuota(openid)
    if (!doc) {
      if (await insertOnce(quotas(), { _id: openid, active: 1, holders: [{ id: bookingId, lock: lockKey }] })) return
      continue
    }
    const holders = doc.holders ?? []
    if (holders.some((h) => h.id === bookingId)) return
    const sameLock = holders.filter((h) => h.lock === lockKey)
    if (sameLock.length) {
      if (await releaseOrphans(openid, sameLock)) continue
      throw new AppError('CONFLICT', '您已为该办事人预约此事项，请先取消或改约原预约')
    }
    if (doc.active >= max) {
      if (await releaseOrphans(openid, holders)) continue
      throw new AppError('CONFLICT', `每个微信账号最多同时保留${max}个预约，请先完成或取消已有预约`)
    }
  }
  throw new AppError('CONFLICT', '预约人数较多，请稍后重试')
}

/** Gives back a booking's quota and lock; a booking that holds none changes nothing. */
export async function releaseQuota(openid: string, bookingId: string): Promise<boolean> {
  const _ = db().command
  const { stats } = await quotas()
    .where({ _id: openid, 'holders.id': bookingId })
    .update({ data: { active: _.inc(-1), holders: _.pull({ id: bookingId }) } })
  return stats.updated === 1
}

/** Releases the holds among `held` whose booking is gone or no longer active; answers how many. */
async function releaseOrphans(openid: string, held: QuotaDoc['holders']): Promise<number> {
  const _ = db().command
  const ids = held.map((h) => h.id)
  const { data } = await db()
    .collection(COLLECTIONS.bookings)
    .where({ _id: _.in(ids), status: _.in(['pending', 'booked']) })
    .field({ _id: true })
    .limit(ids.length)
    .get()
  const live = new Set(data.map((d) => String(d._id)))
  let freed = 0
  for (const id of ids) if (!live.has(id) && (await releaseQuota(openid, id))) freed++
  return freed
}
