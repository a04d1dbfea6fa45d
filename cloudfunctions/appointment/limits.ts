import { barredUntil, bookingPolicySchema, DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../../types/domain/booking'
import { beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError } from '../_kit/errors'
import { readSetting } from '../_kit/settings'

/** How long a warm instance keeps the policy: a change reaches every instance within a minute, and a booking saves a round trip. */
const POLICY_TTL_MS = 30_000

/** The centre's booking policy: the `settings` document `booking_policy` over the defaults. */
export const bookingPolicy = (): Promise<BookingPolicy> =>
  readSetting('booking_policy', bookingPolicySchema, DEFAULT_BOOKING_POLICY, { maxAgeMs: POLICY_TTL_MS })

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
