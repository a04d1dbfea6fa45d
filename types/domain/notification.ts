import { z } from '../zod'

/**
 * A notification request written to the outbox by the function where the event happens
 * (booking, case, inquiry). The notify function (a later issue) delivers it as a WeChat
 * subscription message where the user granted one, and always to the in-app message centre.
 * Its `_id` is the dedupe key (event + subject + recipient), so an event is never queued twice.
 */
export const NOTIFICATION_EVENTS = [
  'booking.confirmed',
  'booking.reminder_day_before',
  'booking.cancelled',
  'booking.day_off',
  'queue.three_ahead',
  'queue.called',
  'case.accepted',
  'case.supplement_requested',
  'case.approved',
  'case.rejected',
  'case.ready_for_pickup',
  'case.lookup_locked',
  'case.due_date_changed',
  'inquiry.answered',
  'calendar.provisional_year',
] as const
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number]

/**
 * Notices that go to the message centre only: no subscription template carries them, so they
 * never spend a one-time grant (one "允许" = one push, WeChat's 一次性订阅). Staff notices, and
 * security notices to a citizen (repeated failed lookups of their case), which a stranger could
 * otherwise trigger to use up the grant meant for the case's real progress.
 */
export const MESSAGE_ONLY_EVENTS = ['calendar.provisional_year', 'case.lookup_locked'] as const satisfies readonly NotificationEvent[]
export type MessageOnlyEvent = (typeof MESSAGE_ONLY_EVENTS)[number]
export type PushEvent = Exclude<NotificationEvent, MessageOnlyEvent>
export const isMessageOnly = (e: NotificationEvent): e is MessageOnlyEvent => (MESSAGE_ONLY_EVENTS as readonly string[]).includes(e)
export const PUSH_EVENTS = NOTIFICATION_EVENTS.filter((e): e is PushEvent => !isMessageOnly(e))

export const notificationRequestSchema = z.object({
  _id: z.string(),
  event: z.enum(NOTIFICATION_EVENTS),
  /** The booking, case or inquiry the event is about. */
  subjectId: z.string(),
  recipient: z.string().min(1),
  /** Semantic fields (matter name, time, window, …); the notify function maps them to template keywords. */
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Mini-program page the message opens, with its query string. */
  page: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'no_consent']),
  createdAt: z.date(),
})
export type NotificationRequest = z.infer<typeof notificationRequestSchema>

export const notificationKey = (event: NotificationEvent, subjectId: string, recipient: string) => `${event}:${subjectId}:${recipient}`
