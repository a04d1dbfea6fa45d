/**
 * Every collection the functions use and the indexes their queries need. The local cloud enforces
 * the unique ones; the deploy guide (README) creates the same indexes in a real cloud environment.
 */
export const COLLECTIONS = {
  departments: 'departments',
  windows: 'windows',
  matters: 'matters',
  staff: 'staff',
  /** Citizens' own details for form filling, one per OPENID. */
  profiles: 'profiles',
  /** Notification requests waiting for the notify function (_kit/outbox.ts OutboxItem). */
  outbox: 'outbox',
  /** One-time subscription grants per OPENID and template (the notify function's ledger). */
  subscriptions: 'subscriptions',
  /** The in-app message centre: one message per delivered notification request. */
  messages: 'messages',
  /** Inquiries (咨询) with 首问负责制 ownership, their conversation messages, and published FAQ entries. */
  inquiries: 'inquiries',
  inquiryMessages: 'inquiry_messages',
  faqs: 'faqs',
  /** Per OPENID, the ids of its unfinished inquiries: the open-inquiry limit, taken by one conditional update. */
  inquiryQuota: 'inquiry_quota',
  /** Relatives following a case (亲属代查): grants, one-time invitations, and lookup attempts for rate limiting. */
  caseFollowers: 'case_followers',
  followInvitations: 'follow_invitations',
  lookupAttempts: 'lookup_attempts',
  /** Idempotency records of client submits (`<scope>:<openid>:<requestId>`). */
  requests: 'requests',
  settings: 'settings',
  /** The working-day calendar (工作日历): one document per year the administrator saved, `_id` = the year. */
  calendarYears: 'calendar_years',
  /** Every change to the calendar: who, when, the days before and after, the source. Insert-only. */
  calendarChanges: 'calendar_changes',
  schedules: 'schedules',
  scheduleDays: 'schedule_days',
  slotSeats: 'slot_seats',
  bookings: 'bookings',
  bookingLocks: 'booking_locks',
  bookingQuota: 'booking_quota',
  noShows: 'no_shows',
  tickets: 'tickets',
  queueCounters: 'queue_counters',
  /** Per OPENID and day, the matters it holds a waiting walk-in ticket for: the waiting-ticket limit. */
  queueHolds: 'queue_holds',
  /** Online applications (办件); the full ID number only for the case itself, never a key. */
  cases: 'cases',
  /** The case timeline (全程留痕): insert-only, `_id` = `<caseId>:<step>`, so a step is written once. */
  caseEvents: 'case_events',
  /** A citizen's uploaded files, reusable across cases (我的材料库). */
  materials: 'materials',
  /** Who read which case's personal data, and process errors (一次性告知 violations). Insert-only. */
  audit: 'audit',
  /** One-time staff invitation codes; `_id` is a hash of the code. */
  invitations: 'invitations',
  /** Staff sign-in and sign-out (签到签退). */
  shifts: 'shifts',
  /**
   * 好差评: one invitation per finished object and rater (`_id` = the rating's id, so the sweep
   * writes it once), the ratings themselves (same id: one per object and rater), the province
   * reporting outbox (same id again), and the sweep's watermarks per source (`_id` = the kind).
   */
  ratingInvitations: 'rating_invitations',
  ratings: 'ratings',
  ratingReports: 'rating_reports',
  ratingWatermarks: 'rating_watermarks',
  /**
   * Complaints to the centre office (投诉). The complainant's OPENID is stored to tell them apart
   * and is never answered to staff; an anonymous complaint's query password only as a keyed hash.
   * Failed tracking lookups count in `lookup_attempts` under `cp:o:<OPENID>`.
   */
  complaints: 'complaints',
  /**
   * 帮办代办 requests. `openKey` is `<OPENID>:<matter>` while the request is open and its own id
   * afterwards: its unique index keeps one open request per account and matter in one write.
   */
  assists: 'assists',
  /**
   * 上门服务 requests. `activeKey` is `<OPENID>:<matter>` while the request is active and its own id
   * once it ends: its unique index keeps one active request per account and matter in one write.
   */
  visits: 'visits',
} as const

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export const INDEXES: Record<string, IndexSpec[]> = {
  [COLLECTIONS.windows]: [{ name: 'departmentId', keys: { departmentId: 1 } }],
  [COLLECTIONS.matters]: [{ name: 'departmentId', keys: { departmentId: 1 } }],
  [COLLECTIONS.staff]: [
    { name: 'openid_unique', keys: { openid: 1 }, unique: true },
    { name: 'staffNo', keys: { staffNo: 1 } },
    { name: 'role_active', keys: { role: 1, active: 1 } },
  ],
  [COLLECTIONS.bookings]: [
    { name: 'code_unique', keys: { code: 1 }, unique: true },
    { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
    { name: 'windowId_date', keys: { windowId: 1, date: 1 } },
    { name: 'status_endAt', keys: { status: 1, endAt: 1 } },
    { name: 'settleBy', keys: { settleBy: 1 } },
    { name: 'person_matterId_status', keys: { person: 1, matterId: 1, status: 1 } },
  ],
  [COLLECTIONS.slotSeats]: [
    { name: 'windowId_date', keys: { windowId: 1, date: 1 } },
    { name: 'date', keys: { date: 1 } },
  ],
  // holders: the sweep finds quota documents written before holds named their bookings (`holders: null`).
  [COLLECTIONS.bookingQuota]: [
    { name: 'active', keys: { active: 1 } },
    { name: 'holders', keys: { holders: 1 } },
  ],
  [COLLECTIONS.noShows]: [
    { name: 'person_at', keys: { person: 1, at: -1 } },
    { name: 'openid_at', keys: { openid: 1, at: -1 } },
  ],
  [COLLECTIONS.tickets]: [
    { name: 'date_prefix_status_sortKey', keys: { date: 1, prefix: 1, status: 1, sortKey: 1 } },
    { name: 'openid_date', keys: { openid: 1, date: 1 } },
    { name: 'bookingId', keys: { bookingId: 1 } },
    { name: 'settleBy', keys: { settleBy: 1 } },
    // 好差评 invitations: tickets served since the sweep's watermark.
    { name: 'status_finishedAt', keys: { status: 1, finishedAt: 1 } },
  ],
  [COLLECTIONS.cases]: [
    { name: 'caseNo_unique', keys: { caseNo: 1 }, unique: true },
    { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
    { name: 'departments_state_submittedAt', keys: { departments: 1, state: 1, submittedAt: -1 } },
    { name: 'departments_clockRunning_dueDate', keys: { departments: 1, clockRunning: 1, dueDate: 1 } },
    { name: 'state_submittedAt', keys: { state: 1, submittedAt: -1 } },
    // Open accepted cases, for recomputing deadlines when the working-day calendar changes.
    { name: 'accepted_acceptedOn', keys: { accepted: 1, acceptedOn: 1 } },
    // 好差评 invitations: cases that reached a finished state since the sweep's watermark.
    { name: 'state_updatedAt', keys: { state: 1, updatedAt: 1 } },
  ],
  [COLLECTIONS.caseEvents]: [{ name: 'caseId_seq', keys: { caseId: 1, seq: 1 } }],
  [COLLECTIONS.materials]: [{ name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } }],
  [COLLECTIONS.audit]: [
    { name: 'caseId_at', keys: { caseId: 1, at: -1 } },
    { name: 'kind_at', keys: { kind: 1, at: -1 } },
    { name: 'ownerOpenid_at', keys: { ownerOpenid: 1, at: -1 } },
  ],
  [COLLECTIONS.calendarChanges]: [{ name: 'year_at', keys: { year: 1, at: -1 } }],
  [COLLECTIONS.calendarYears]: [{ name: 'pending', keys: { pending: 1 } }],
  [COLLECTIONS.requests]: [{ name: 'createdAt', keys: { createdAt: 1 } }],
  [COLLECTIONS.lookupAttempts]: [
    { name: 'attempts_at', keys: { 'attempts.at': 1 } },
    { name: 'touchedAt', keys: { touchedAt: 1 } },
  ],
  [COLLECTIONS.invitations]: [{ name: 'status_expiresAt', keys: { status: 1, expiresAt: 1 } }],
  [COLLECTIONS.followInvitations]: [{ name: 'expiresAt', keys: { expiresAt: 1 } }],
  [COLLECTIONS.scheduleDays]: [{ name: 'windowId_date', keys: { windowId: 1, date: 1 } }],
  [COLLECTIONS.shifts]: [{ name: 'staffId_date', keys: { staffId: 1, date: 1 } }],
  [COLLECTIONS.inquiries]: [
    { name: 'openid_askedAt', keys: { openid: 1, askedAt: -1 } },
    { name: 'departmentId_state_askedAt', keys: { departmentId: 1, state: 1, askedAt: 1 } },
    { name: 'ownerStaffNo_state_lastMessageAt', keys: { ownerStaffNo: 1, state: 1, lastMessageAt: -1 } },
    { name: 'departmentId_awaitingReply_dueDate', keys: { departmentId: 1, awaitingReply: 1, dueDate: 1 } },
    { name: 'awaitingReply_dueDate', keys: { awaitingReply: 1, dueDate: 1 } },
    // 好差评 invitations: answered or closed inquiries since the sweep's watermark.
    { name: 'state_updatedAt', keys: { state: 1, updatedAt: 1 } },
  ],
  [COLLECTIONS.inquiryMessages]: [
    { name: 'inquiryId_seq', keys: { inquiryId: 1, seq: 1 } },
    { name: 'notified_at', keys: { notified: 1, at: 1 } },
  ],
  [COLLECTIONS.faqs]: [
    { name: 'matterId_publishedAt', keys: { matterId: 1, publishedAt: -1 } },
    { name: 'publishedAt', keys: { publishedAt: -1 } },
  ],
  [COLLECTIONS.caseFollowers]: [
    { name: 'caseId_active', keys: { caseId: 1, active: 1 } },
    { name: 'ownerOpenid_active_acceptedAt', keys: { ownerOpenid: 1, active: 1, acceptedAt: -1 } },
    { name: 'followerOpenid_active', keys: { followerOpenid: 1, active: 1 } },
  ],
  [COLLECTIONS.outbox]: [
    { name: 'status_createdAt', keys: { status: 1, createdAt: 1 } },
    { name: 'recipient_createdAt', keys: { recipient: 1, createdAt: -1 } },
    { name: 'status_dueAt', keys: { status: 1, dueAt: 1 } },
    { name: 'status_leaseUntil', keys: { status: 1, leaseUntil: 1 } },
    { name: 'subjectRoot', keys: { subjectRoot: 1 } },
    { name: 'subjectId', keys: { subjectId: 1 } },
  ],
  [COLLECTIONS.ratingInvitations]: [
    { name: 'openid_status_finishedAt', keys: { openid: 1, status: 1, finishedAt: -1 } },
    { name: 'status_finishedAt', keys: { status: 1, finishedAt: 1 } },
  ],
  [COLLECTIONS.ratings]: [
    { name: 'openid_ratedAt', keys: { openid: 1, ratedAt: -1 } },
    { name: 'departmentId_bad_ratedAt', keys: { departmentId: 1, bad: 1, ratedAt: -1 } },
    { name: 'bad_loopOpen_ratedAt', keys: { bad: 1, loopOpen: 1, ratedAt: -1 } },
    { name: 'month_departmentId', keys: { month: 1, departmentId: 1 } },
    { name: 'reported_ratedAt', keys: { reported: 1, ratedAt: 1 } },
  ],
  [COLLECTIONS.ratingReports]: [{ name: 'status_createdAt', keys: { status: 1, createdAt: 1 } }],
  [COLLECTIONS.complaints]: [
    { name: 'trackingNo_unique', keys: { trackingNo: 1 }, unique: true },
    { name: 'openid_anonymous_submittedAt', keys: { openid: 1, anonymous: 1, submittedAt: -1 } },
    { name: 'submittedAt', keys: { submittedAt: -1 } },
    { name: 'state_submittedAt', keys: { state: 1, submittedAt: -1 } },
    { name: 'open_dueDate', keys: { open: 1, dueDate: 1 } },
    { name: 'open_state_dueDate', keys: { open: 1, state: 1, dueDate: 1 } },
    { name: 'departmentId_transferredAt', keys: { departmentId: 1, transferredAt: -1 } },
    { name: 'departmentId_state_transferredAt', keys: { departmentId: 1, state: 1, transferredAt: -1 } },
    // 好差评: complaints whose answer was rated since the rating sweep's watermark.
    { name: 'ratedAt', keys: { ratedAt: 1 } },
  ],
  [COLLECTIONS.assists]: [
    { name: 'openKey_unique', keys: { openKey: 1 }, unique: true },
    { name: 'openid_requestedAt', keys: { openid: 1, requestedAt: -1 } },
    { name: 'state_requestedAt', keys: { state: 1, requestedAt: 1 } },
    { name: 'ownerOpenid_open_requestedAt', keys: { ownerOpenid: 1, open: 1, requestedAt: -1 } },
  ],
  [COLLECTIONS.visits]: [
    { name: 'activeKey_unique', keys: { activeKey: 1 }, unique: true },
    { name: 'openid_submittedAt', keys: { openid: 1, submittedAt: -1 } },
    { name: 'departmentId_state_submittedAt', keys: { departmentId: 1, state: 1, submittedAt: -1 } },
    { name: 'assigneeStaffNo_state_submittedAt', keys: { assigneeStaffNo: 1, state: 1, submittedAt: -1 } },
    { name: 'state_submittedAt', keys: { state: 1, submittedAt: -1 } },
    // The overdue sweep: active requests past their contact or visit due date.
    { name: 'active_visitDue', keys: { active: 1, visitDue: 1 } },
    { name: 'state_contactDue', keys: { state: 1, contactDue: 1 } },
  ],
  [COLLECTIONS.messages]: [
    { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
    { name: 'openid_read', keys: { openid: 1, read: 1 } },
  ],
}
