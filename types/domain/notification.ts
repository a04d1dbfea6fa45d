import type { EventPayloads } from './event-payloads'

/**
 * The events the centre tells people about. The function where an event happens (booking, queue,
 * case, inquiry, calendar) writes a notification request to the outbox; the notify function
 * delivers it as a WeChat subscription message where the user granted one, and always to the
 * in-app message centre. Its `_id` is the dedupe key (event + subject + recipient), so an event
 * is never queued twice. What each event carries: event-payloads.ts.
 */
export const NOTIFICATION_EVENTS = [
  'booking.confirmed',
  'booking.reminder_day_before',
  'booking.cancelled',
  'booking.day_off',
  'waitlist.offered',
  'waitlist.booked',
  'waitlist.removed',
  'waitlist.withdrawn',
  'queue.three_ahead',
  'queue.called',
  'case.accepted',
  'case.supplement_requested',
  'case.approved',
  'case.rejected',
  'case.ready_for_pickup',
  'case.completed',
  'case.lookup_locked',
  'case.due_date_changed',
  'inquiry.answered',
  'calendar.provisional_year',
  'rating.invited',
  'rating.reminder',
  'rating.replied',
  'rating.bad_light',
  'complaint.accepted',
  'complaint.not_accepted',
  'complaint.transferred',
  'complaint.resolved',
  'complaint.overdue',
  'complaint.assigned',
  'assist.claimed',
  'assist.prepared',
  'assist.closed',
  'visit.requested',
  'visit.task',
  'visit.overdue',
  'visit.assigned',
  'visit.declined',
  'visit.visited',
  'supervision.order_issued',
  'supervision.order_returned',
  'supervision.order_closed',
  'supervision.order_replied',
  'supervision.order_escalated',
  'supervision.case_light',
] as const
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number]

/**
 * Notices that go to the message centre only: no subscription template carries them, so they
 * never spend a one-time grant (one "允许" = one push, WeChat's 一次性订阅). Staff notices, and
 * security notices to a citizen (repeated failed lookups of their case), which a stranger could
 * otherwise trigger to use up the grant meant for the case's real progress.
 */
export const MESSAGE_ONLY_EVENTS = [
  'calendar.provisional_year',
  // 候补: an automatic booking is pushed as the booking's own 预约成功, so its 候补 note spends no
  // second grant; an entry removed after ignored offers is told in the message centre only.
  'waitlist.booked',
  'waitlist.removed',
  // A held seat taken back because its window stopped booking that day: the entry keeps its place.
  'waitlist.withdrawn',
  'case.lookup_locked',
  // The hand-over (领取 at the window, or the post delivered): a record for the applicant, who was
  // there, and news for bound relatives; it ends the case, so it spends no grant meant for progress.
  'case.completed',
  // Staff notices (a 差评 turning yellow or red) and the loop's progress to the rater: the rater
  // reads it on the rating page; a grant is kept for the invitation to rate.
  'rating.replied',
  'rating.bad_light',
  // 投诉 progress to a real-name complainant: no subscription template fits a complaint (the case
  // template's keywords name a 办件), so the written notice is the message centre's entry.
  'complaint.accepted',
  'complaint.not_accepted',
  'complaint.transferred',
  'complaint.resolved',
  // To the centre office: a complaint's decision or final reply past due (staff read the message centre at work).
  'complaint.overdue',
  'complaint.assigned',
  // 帮办代办 progress: the helper also calls the citizen (that is the service); the written notice
  // is the message centre's entry, and no template names a 帮办.
  'assist.claimed',
  'assist.prepared',
  'assist.closed',
  // 上门服务 notices to staff: the department lead (a new request, a change, a deadline passed) and
  // the assigned staff member (their task); staff read the message centre at work.
  'visit.requested',
  'visit.task',
  'visit.overdue',
  // 督办 notices to staff: the department's leads (an order issued, sent back, closed), the centre
  // office (a reply to check) and the director (a 通报). No template names a 督办单 (case_progress's
  // keywords are a 办件编号 and 办理事项; an order may be about a rating, a complaint or no single
  // object), and staff read the message centre at work.
  'supervision.order_issued',
  'supervision.order_returned',
  'supervision.order_closed',
  'supervision.order_replied',
  'supervision.order_escalated',
  // 红黄灯 warnings to staff: the handling staff member (yellow and red), the department's leads and
  // the centre office (red). Staff notices, like the 差评 light (rating.bad_light): no template fits a
  // warning to staff (case_progress is the applicant's own progress), and staff read the message centre at work.
  'supervision.case_light',
] as const satisfies readonly NotificationEvent[]
export type MessageOnlyEvent = (typeof MESSAGE_ONLY_EVENTS)[number]
export type PushEvent = Exclude<NotificationEvent, MessageOnlyEvent>
export const isMessageOnly = (e: NotificationEvent): e is MessageOnlyEvent => (MESSAGE_ONLY_EVENTS as readonly string[]).includes(e)
export const PUSH_EVENTS = NOTIFICATION_EVENTS.filter((e): e is PushEvent => !isMessageOnly(e))

/**
 * A notification as its producer asks for it: an event with that event's payload, about a subject
 * (the booking, case, ticket or inquiry; a sub-subject such as a supplement round is
 * `<id>:<n>`), for one recipient, opening one page (with its query string: types/routes.ts pageLink).
 */
export type NotificationRequest<E extends NotificationEvent = NotificationEvent> = {
  [K in E]: { event: K; subjectId: string; recipient: string; data: EventPayloads[K]; page: string }
}[E]

export const notificationKey = (event: NotificationEvent, subjectId: string, recipient: string) => `${event}:${subjectId}:${recipient}`

/** What a message is about, by its event's prefix (`case.accepted` → case): the message centre labels it so. */
export const SUBJECT_KINDS = [
  'booking',
  'waitlist',
  'queue',
  'case',
  'inquiry',
  'calendar',
  'rating',
  'complaint',
  'assist',
  'visit',
  'supervision',
] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]
