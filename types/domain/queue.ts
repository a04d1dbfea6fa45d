import { z } from '../zod'

/** Hall queue rules shared by the queue function, the ticket page and the display board. */

/**
 * The centre's queue policy; the `settings` document `queue_policy` overrides any field. A
 * walk-in ticket can be taken from anywhere, so an account holds at most this many waiting
 * tickets a day (across all queues): enough to bring a relative, too few to block a hall.
 */
export const queuePolicySchema = z.object({
  maxWaitingPerOpenid: z.number().int().min(1).max(10),
})
export type QueuePolicy = z.infer<typeof queuePolicySchema>
export const DEFAULT_QUEUE_POLICY: QueuePolicy = { maxWaitingPerOpenid: 2 }

export const TICKET_STATUSES = ['waiting', 'called', 'done', 'skipped'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  waiting: '等待叫号',
  called: '请到窗口办理',
  done: '已办结',
  skipped: '过号',
}

export const ticketLabel = (prefix: string, number: number) => `${prefix}${String(number).padStart(3, '0')}`

/** The 30-minute period a time of day falls in (`10:20` → `10:00`): the unit the queue orders by. */
const periodOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return `${String(h).padStart(2, '0')}:${m < 30 ? '00' : '30'}`
}

/**
 * The order tickets are called in, as one sortable string. A ticket belongs to a 30-minute
 * period: a booked ticket to the period of its slot, a walk-in to the period it was taken in;
 * within a period booked tickets come first, in slot and booking order, then walk-ins in number
 * order. Both kinds are keyed by the period, so with slots shorter than 30 minutes a booking for
 * 10:15 still comes before a walk-in taken at 10:20. A ticket transferred to another window goes
 * to the front there: the citizen has already waited once.
 */
export function ticketSortKey(
  t: { kind: 'booked'; slotStart: string; bookedAt: Date } | { kind: 'walk_in'; takenAt: string; number: number },
): string {
  if (t.kind === 'booked') return `${periodOf(t.slotStart)}|0|${t.slotStart}|${t.bookedAt.toISOString()}`
  return `${periodOf(t.takenAt)}|1|${String(t.number).padStart(6, '0')}`
}
/** Put in front of a transferred ticket's key: it sorts before every period of the day, keeping its old order among transfers. */
export const TRANSFER_SORT_KEY = '00:00|'

/** Minutes until a ticket is likely called: the tickets ahead share the open windows at the recent service pace. */
export function estimatedWaitMinutes(ahead: number, recentServiceMinutes: number[], openWindows: number): number {
  const pace = recentServiceMinutes.length
    ? recentServiceMinutes.reduce((a, b) => a + b, 0) / recentServiceMinutes.length
    : DEFAULT_SERVICE_MINUTES
  return Math.ceil((ahead * pace) / Math.max(1, openWindows))
}
export const DEFAULT_SERVICE_MINUTES = 8
/** When this many tickets are ahead, the citizen is told to come to the waiting area. */
export const REMIND_WHEN_AHEAD = 3
