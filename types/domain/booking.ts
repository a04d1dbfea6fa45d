import { z } from '../zod'
import { isValidIdNumber } from './id-number'
import { typedCode } from './check-code'

/** Booking rules shared by the appointment function and the booking pages. */

export const BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'no_show'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '待到场',
  checked_in: '已取号',
  cancelled: '已取消',
  no_show: '已爽约',
}

/**
 * The centre's booking policy; the `settings` document `booking_policy` overrides any field.
 * Every limit counts per WeChat account (OPENID), the one identity WeChat vouches for: the ID
 * number on a booking is typed by whoever books and nobody has checked it, so it never bars,
 * blocks or limits the person it names (see ID_SHARED_WARNING for what staff see instead).
 */
export const bookingPolicySchema = z.object({
  maxActivePerOpenid: z.number().int().min(1).max(20),
  cancelCutoffMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  noShowLimit: z.number().int().min(1).max(20),
  noShowWindowDays: z.number().int().min(1).max(365),
  barDays: z.number().int().min(1).max(365),
})
export type BookingPolicy = z.infer<typeof bookingPolicySchema>

export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  maxActivePerOpenid: 3,
  cancelCutoffMinutes: 60,
  noShowLimit: 3,
  noShowWindowDays: 90,
  barDays: 30,
}

export const personNameSchema = z
  .string()
  .trim()
  .min(2, '请填写真实姓名')
  .max(20, '姓名最多20个字')
  .regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能包含汉字、字母和间隔号')
export const idNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  // An empty field is asked for; a typed one that fails the checksum is called wrong.
  .superRefine((s, ctx) => {
    if (!s) ctx.addIssue({ code: 'custom', message: '请填写身份证号码' })
    else if (!isValidIdNumber(s)) ctx.addIssue({ code: 'custom', message: '身份证号码不正确，请核对' })
  })
export const mobileSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写11位手机号码')

/** A client-made id per submit: a retried submit with the same id gets the first answer. */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确')

export const applicantSchema = z.object({
  name: personNameSchema,
  idNumber: idNumberSchema,
  phone: mobileSchema,
})
export type Applicant = z.infer<typeof applicantSchema>

/**
 * Shown to staff on a booking whose ID number another account has also booked the same matter
 * with. Either may be a relative booking for the person, or someone holding a place in another
 * person's name; staff check the ID card at the counter (README: 预约与证件号).
 */
export const ID_SHARED_WARNING = '同一证件号另有预约'

/**
 * The no-show bar (counted per booking account): `limit` no-shows within `windowDays` bar new bookings for `barDays` counted
 * from the no-show that reached the limit. Answers the instant the bar ends, or undefined.
 */
export function barredUntil(
  noShows: Date[],
  now: Date,
  p: Pick<BookingPolicy, 'noShowLimit' | 'noShowWindowDays' | 'barDays'>,
): Date | undefined {
  const times = noShows.map((d) => d.getTime()).sort((a, b) => a - b)
  const day = 86_400_000
  let until: number | undefined
  for (let i = p.noShowLimit - 1; i < times.length; i++) {
    if (times[i] - times[i - p.noShowLimit + 1] <= p.noShowWindowDays * day) until = Math.max(until ?? 0, times[i] + p.barDays * day)
  }
  return until !== undefined && until > now.getTime() ? new Date(until) : undefined
}

/** Booking codes avoid look-alike characters (0/O, 1/I/L) because people read them aloud at the counter. */
export const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const bookingCodeSchema = z
  .string()
  .transform(typedCode)
  .refine((s) => s.length === 8 && [...s].every((c) => BOOKING_CODE_ALPHABET.includes(c)), '预约码应为8位字母或数字')
