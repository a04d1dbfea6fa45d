import { barredUntil, bookingPolicySchema, DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../../types/domain/booking'
import { beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError } from '../_kit/errors'
import { isDuplicate } from '../_kit/outbox'

/** The centre's booking policy: the `settings` document `booking_policy` over the defaults. */
export async function bookingPolicy(): Promise<BookingPolicy> {
  const { data } = await db().collection(COLLECTIONS.settings).where({ _id: 'booking_policy' }).limit(1).get()
  const { _id, ...stored } = (data[0] ?? {}) as Record<string, unknown>
  return bookingPolicySchema.parse({ ...DEFAULT_BOOKING_POLICY, ...stored })
}

/** At most `max` active bookings per WeChat account: a per-OPENID counter taken with a conditional update. */
export async function takeQuota(openid: string, max: number): Promise<void> {
  const quota = db().collection(COLLECTIONS.bookingQuota)
  const _ = db().command
  for (let attempt = 0; attempt < 2; attempt++) {
    const { stats } = await quota.where({ _id: openid, active: _.lt(max) }).update({ data: { active: _.inc(1) } })
    if (stats.updated === 1) return
    try {
      await quota.add({ data: { _id: openid, active: 1 } })
      return
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
  throw new AppError('CONFLICT', `每个微信账号最多同时保留${max}个预约，请先完成或取消已有预约`)
}

export async function releaseQuota(openid: string): Promise<void> {
  const _ = db().command
  await db().collection(COLLECTIONS.bookingQuota).where({ _id: openid, active: _.gt(0) }).update({ data: { active: _.inc(-1) } })
}

export const lockKeyOf = (person: string, matterId: string) => `${person}-${matterId}`

/**
 * One active booking per person per matter: a lock document whose id is the person and the
 * matter. A lock left by a booking that never completed (its function died between steps) is
 * taken over after a minute.
 */
export async function takePersonLock(lockKey: string, bookingId: string, now: Date): Promise<void> {
  const locks = db().collection(COLLECTIONS.bookingLocks)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await locks.add({ data: { _id: lockKey, bookingId, takenAt: now } })
      return
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
    const { data } = await locks.where({ _id: lockKey }).limit(1).get()
    const held = data[0]
    if (!held) continue
    const { data: holders } = await db().collection(COLLECTIONS.bookings).where({ _id: held.bookingId }).limit(1).get()
    const holder = holders[0]
    const stale = holder ? holder.status !== 'booked' : now.getTime() - new Date(held.takenAt).getTime() > 60_000
    if (!stale) break
    await locks.where({ _id: lockKey, bookingId: held.bookingId }).remove()
  }
  throw new AppError('CONFLICT', '该办事人已预约此事项，请先取消或改约原预约')
}

export async function releasePersonLock(lockKey: string, bookingId: string): Promise<void> {
  await db().collection(COLLECTIONS.bookingLocks).where({ _id: lockKey, bookingId }).remove()
}

/** Refuses a booking while the person or the account is barred for no-shows, saying until when. */
export async function assertNotBarred(person: string, openid: string, now: Date, policy: BookingPolicy): Promise<void> {
  const _ = db().command
  const since = new Date(now.getTime() - (policy.noShowWindowDays + policy.barDays) * 86_400_000)
  const { data } = await db()
    .collection(COLLECTIONS.noShows)
    .where(_.and([_.or([{ person }, { openid }]), { at: _.gte(since) }]))
    .orderBy('at', 'desc')
    .limit(100)
    .get()
  const until = barredUntil(data.map((d) => new Date(d.at)), now, policy)
  if (until) {
    throw new AppError('FORBIDDEN', `近${policy.noShowWindowDays}天内爽约${policy.noShowLimit}次，${beijingDate(until)}前不能预约，可到大厅现场取号办理`)
  }
}
