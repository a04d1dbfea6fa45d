import { z } from '../zod'
import { addCalendarDays } from './dates'
import { beijingInstant, minutesOf } from './schedule'

/**
 * 候补 (waitlist) rules shared by the appointment function and the waitlist pages. A seat that
 * frees is offered to the oldest matching entry and held for it (15 minutes when the slot starts
 * within 24 hours, else 12 hours: a short hold for a near slot leaves time to pass it on, as
 * 青大附院's 候补 gives 24 h to pay and small booking systems 15 minutes); the queue for a date
 * closes at 18:00 the day before, and three offers left to expire end the entry.
 */

export const WAITLIST_HALVES = ['am', 'pm', 'any'] as const
export type WaitlistHalf = (typeof WAITLIST_HALVES)[number]
export const WAITLIST_HALF_LABELS: Record<WaitlistHalf, string> = { am: '上午', pm: '下午', any: '不限' }

export const WAITLIST_STATUSES = ['waiting', 'booked', 'left', 'removed', 'ended'] as const
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number]
export const WAITLIST_STATUS_LABELS: Record<WaitlistStatus, string> = {
  waiting: '候补中',
  booked: '已约到',
  left: '已退出',
  removed: '已移出',
  ended: '已结束',
}

/** The `settings` document `waitlist_policy` overrides any field. */
export const waitlistPolicySchema = z.object({
  /** A slot starting within `nearHours` is held this many minutes for the citizen offered it. */
  nearHoldMinutes: z.number().int().min(5).max(240),
  /** Any later slot is held this many minutes. */
  farHoldMinutes: z
    .number()
    .int()
    .min(15)
    .max(48 * 60),
  nearHours: z.number().int().min(1).max(72),
  /** The queue for a date closes at this hour (Beijing) of the day before: no offers after it. */
  closeHourDayBefore: z.number().int().min(0).max(23),
  /** Offers left to expire that end an entry. */
  maxIgnored: z.number().int().min(1).max(10),
})
export type WaitlistPolicy = z.infer<typeof waitlistPolicySchema>

export const DEFAULT_WAITLIST_POLICY: WaitlistPolicy = {
  nearHoldMinutes: 15,
  farHoldMinutes: 12 * 60,
  nearHours: 24,
  closeHourDayBefore: 18,
  maxIgnored: 3,
}

/** The instant the queue for `date` closes: `closeHourDayBefore`:00 of the day before, Beijing time. */
export const queueClosesAt = (date: string, p: Pick<WaitlistPolicy, 'closeHourDayBefore'>): Date =>
  beijingInstant(addCalendarDays(date, -1), `${String(p.closeHourDayBefore).padStart(2, '0')}:00`)

export const queueOpen = (date: string, now: Date, p: Pick<WaitlistPolicy, 'closeHourDayBefore'>): boolean => now < queueClosesAt(date, p)

/**
 * Until when an offer made `now` holds the slot: short for a slot starting within `nearHours`,
 * long otherwise. Offers stop at the queue's close the evening before, so even a long hold ends
 * hours before the slot starts.
 */
export function holdUntil(slot: { date: string; start: string }, now: Date, p: WaitlistPolicy): Date {
  const startsIn = beijingInstant(slot.date, slot.start).getTime() - now.getTime()
  const minutes = startsIn <= p.nearHours * 3_600_000 ? p.nearHoldMinutes : p.farHoldMinutes
  return new Date(now.getTime() + minutes * 60_000)
}

/** Noon splits 上午 from 下午. */
export const halfOf = (start: string): Exclude<WaitlistHalf, 'any'> => (minutesOf(start) < 12 * 60 ? 'am' : 'pm')

/** Whether a slot fits an entry's wishes: its dates, its half-day, its windows. */
export const slotFits = (
  e: { from: string; to: string; half: WaitlistHalf; windowIds: string[] },
  slot: { windowId: string; date: string; start: string },
): boolean =>
  slot.date >= e.from && slot.date <= e.to && e.windowIds.includes(slot.windowId) && (e.half === 'any' || halfOf(slot.start) === e.half)
