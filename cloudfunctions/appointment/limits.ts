import { barredUntil, bookingPolicySchema, DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../../types/domain/booking'
import { beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError } from '../_kit/errors'
import { isDuplicate } from '../_kit/outbox'

/** How long a warm instance keeps the policy: a change reaches every instance within a minute, and a booking saves a round trip. */
const POLICY_TTL_MS = 30_000
let policyMemo: { at: number; value: Promise<BookingPolicy> } | undefined

/** The centre's booking policy: the `settings` document `booking_policy` over the defaults. */
export function bookingPolicy(): Promise<BookingPolicy> {
  if (policyMemo && Date.now() - policyMemo.at < POLICY_TTL_MS) return policyMemo.value
  const value = (async () => {
    const { data } = await db().collection(COLLECTIONS.settings).where({ _id: 'booking_policy' }).limit(1).get()
    const { _id, ...stored } = (data[0] ?? {}) as Record<string, unknown>
    return bookingPolicySchema.parse({ ...DEFAULT_BOOKING_POLICY, ...stored })
  })()
  policyMemo = { at: Date.now(), value }
  value.catch(() => (policyMemo = undefined))
  return value
}

/**
 * The ID number WeChat has verified as this account's own, as a person key (ids.ts personKey), or
 * undefined. Today always undefined: nothing the account typed is trusted. This is where a
 * verified identity plugs in once the centre has it, e.g. 人脸核身 (wx.startFacialRecognitionVerify,
 * opened for 政务 mini-programs on application: developers.weixin.qq.com/community/minihome/doc/000442d352c1202bd498ecb105c00d)
 * or 实名信息 from the province's 统一身份认证. A booking whose ID number matches it is marked
 * `verified`; a verified booking could then take a lock on the person across accounts (the
 * `booking_locks` collection is kept for it) and its no-shows could count against the person,
 * because the person, not just the account, stands behind it.
 */
export async function verifiedIdentity(_openid: string): Promise<string | undefined> {
  return undefined
}

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
  try {
    await quotas().add({ data: { _id: openid, active: 0, holders: [] } })
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
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
      try {
        await quotas().add({ data: { _id: openid, active: 1, holders: [{ id: bookingId, lock: lockKey }] } })
        return
      } catch (e) {
        if (!isDuplicate(e)) throw e
        continue
      }
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

/** The account's recent no-shows, read without waiting for the policy: the widest window it can have. */
export async function noShowsOf(openid: string, now: Date): Promise<Date[]> {
  const _ = db().command
  const widest = 365 + 365 // the largest noShowWindowDays + barDays bookingPolicySchema allows
  const { data } = await db()
    .collection(COLLECTIONS.noShows)
    .where({ openid, at: _.gte(new Date(now.getTime() - widest * 86_400_000)) })
    .orderBy('at', 'desc')
    .limit(100)
    .get()
  return data.map((d) => new Date(d.at))
}

/**
 * Refuses a booking while the account is barred for no-shows, saying until when. Only the account's
 * own no-shows count: a booking left unattended in someone else's name bars its booker, never the
 * person whose ID number it carries.
 */
export function assertNotBarred(noShows: Date[], now: Date, policy: BookingPolicy): void {
  const until = barredUntil(noShows, now, policy)
  if (until) {
    throw new AppError(
      'FORBIDDEN',
      `近${policy.noShowWindowDays}天内爽约${policy.noShowLimit}次，${beijingDate(until)}前不能预约，可到大厅现场取号办理`,
    )
  }
}
