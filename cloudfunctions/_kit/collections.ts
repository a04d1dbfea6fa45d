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
  /** 候补: one entry per account and matter (appointment/waitlist); the seat it is offered is held in `slot_seats.offers`. */
  waitlist: 'waitlist',
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
  /** The hall's sign-in code displays (签到屏幕): `_id` = `hd-` + a hash of the display's token, never the token. */
  hallDisplays: 'hall_displays',
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
  /**
   * 督办单 (supervision orders), written only by the supervision function's orders part. `openKey`
   * is `<kind>:<object id>` while the order is not closed and its own id afterwards: its unique
   * index keeps one open order per case, rating or complaint in one write.
   */
  supervisionOrders: 'supervision_orders',
  /**
   * 监督台 counters, written only by the supervision console's fold: one document per Beijing day
   * and department (`<day>:<departmentId>`), each section recomputed whole from that day's
   * records; the fold's watermarks per source and its lease; and per case the promised date last
   * folded (so a moved date recomputes both the old and the new day).
   */
  supervisionDaily: 'supervision_daily',
  /** The same per month and department (`<YYYY-MM>:<departmentId>`), summed from the days, so a year is 12 reads per department. */
  supervisionMonthly: 'supervision_monthly',
  supervisionFold: 'supervision_fold',
  supervisionCaseDue: 'supervision_case_due',
  /**
   * 红黄灯, written only by the supervision lights part (and the case function through it): one
   * document per lit case (`_id` = the case id), kept with `open: false` once the case closes; the
   * violations found on cases (`_id` = `<caseId>:<code>[:<n>]`, so each is written once); and the
   * 15-minute relight job's cursors (`_id` = the job).
   */
  caseLights: 'case_lights',
  violations: 'violations',
  caseLightRuns: 'case_light_runs',
  /**
   * 通知公告, written only by the notice function: the announcements (`_id` nt-…, `version` counts
   * changes), every change to one (`_id` = `<noticeId>:<version>`, insert-only, written in the same
   * transaction as the change), who opened which (`_id` = `<openid>:<noticeId>`), the 公众号's
   * published articles pulled by the timer (`_id` = a hash of article_id and its index in the
   * message), and the pull's state and cached access token (`_id` = `state` / `token`).
   */
  notices: 'notices',
  noticeChanges: 'notice_changes',
  noticeReads: 'notice_reads',
  mpArticles: 'mp_articles',
  mpPull: 'mp_pull',
  /**
   * The 服务号 as a second push channel: each mini-program user's UnionID as WeChat reported it
   * with their own call (`_id` = the mini-program OPENID), and the 服务号's followers as its user
   * API lists them (`_id` = the UnionID; the 服务号 OPENID and whether they still follow), synced
   * by the notice function and read by the notify function.
   */
  unionLinks: 'union_links',
  /**
   * 预计办结, written by the catalog function's nightly job: per matter and accepting department
   * (`_id` = `<matterId>:<departmentId>`) the median and 80th percentile of the working days its
   * cases finished in the last six months took; and the job's last run (`_id` = `run`).
   */
  matterPredictions: 'matter_predictions',
  predictionRuns: 'prediction_runs',
  oaFollowers: 'oa_followers',
} as const

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export const INDEXES: Record<string, IndexSpec[]> = {
  [COLLECTIONS.windows]: [{ name: 'departmentId', keys: { departmentId: 1 } }],
  [COLLECTIONS.matters]: [
    { name: 'departmentId', keys: { departmentId: 1 } },
    // 预约办事: the bookable matters.
    { name: 'flags_appointment', keys: { 'flags.appointment': 1 } },
  ],
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
    // The supervision console's fold: one day's bookings.
    { name: 'date', keys: { date: 1 } },
  ],
  [COLLECTIONS.slotSeats]: [
    { name: 'windowId_date', keys: { windowId: 1, date: 1 } },
    { name: 'date', keys: { date: 1 } },
    // 候补: the sweep finds seats held for an offer.
    { name: 'offers_until', keys: { 'offers.until': 1 } },
  ],
  // holders: the sweep finds quota documents written before holds named their bookings (`holders: null`).
  [COLLECTIONS.bookingQuota]: [
    { name: 'active', keys: { active: 1 } },
    { name: 'holders', keys: { holders: 1 } },
  ],
  [COLLECTIONS.waitlist]: [
    { name: 'status_windowIds_joinedAt', keys: { status: 1, windowIds: 1, joinedAt: 1 } },
    { name: 'matterId_status_joinedAt', keys: { matterId: 1, status: 1, joinedAt: 1 } },
    { name: 'openid_joinedAt', keys: { openid: 1, joinedAt: -1 } },
    { name: 'offer_id', keys: { 'offer.id': 1 } },
    { name: 'offer_until', keys: { 'offer.until': 1 } },
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
    // The supervision console's fold: cases changed since its watermark, and the cases due on a day.
    { name: 'updatedAt', keys: { updatedAt: 1 } },
    { name: 'dueDate', keys: { dueDate: 1 } },
    // The relight job: lit cases in id order from its cursor.
    { name: 'state__id', keys: { state: 1, _id: 1 } },
    // 预计办结: the cases decided in the last six months.
    { name: 'decidedOn', keys: { decidedOn: 1 } },
  ],
  [COLLECTIONS.caseEvents]: [
    { name: 'caseId_seq', keys: { caseId: 1, seq: 1 } },
    // The supervision console's fold: events since its watermark, and one day's events.
    { name: 'at', keys: { at: 1 } },
  ],
  [COLLECTIONS.materials]: [{ name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } }],
  [COLLECTIONS.audit]: [
    { name: 'caseId_at', keys: { caseId: 1, at: -1 } },
    { name: 'kind_at', keys: { kind: 1, at: -1 } },
    { name: 'ownerOpenid_at', keys: { ownerOpenid: 1, at: -1 } },
  ],
  [COLLECTIONS.calendarChanges]: [{ name: 'year_at', keys: { year: 1, at: -1 } }],
  [COLLECTIONS.calendarYears]: [{ name: 'pending', keys: { 'pending.version': 1 } }],
  // The nightly 预计办结 run removes the figures it did not write this time.
  [COLLECTIONS.matterPredictions]: [{ name: 'computedAt', keys: { computedAt: 1 } }],
  [COLLECTIONS.requests]: [{ name: 'createdAt', keys: { createdAt: 1 } }],
  [COLLECTIONS.lookupAttempts]: [
    { name: 'attempts_at', keys: { 'attempts.at': 1 } },
    { name: 'touchedAt', keys: { touchedAt: 1 } },
  ],
  [COLLECTIONS.invitations]: [{ name: 'status_expiresAt', keys: { status: 1, expiresAt: 1 } }],
  [COLLECTIONS.followInvitations]: [{ name: 'expiresAt', keys: { expiresAt: 1 } }],
  [COLLECTIONS.scheduleDays]: [{ name: 'windowId_date', keys: { windowId: 1, date: 1 } }],
  [COLLECTIONS.shifts]: [
    { name: 'staffId_date', keys: { staffId: 1, date: 1 } },
    // The monthly scores read a month of records, of one department or of the hall.
    { name: 'date_departmentId', keys: { date: 1, departmentId: 1 } },
    { name: 'departmentId_date', keys: { departmentId: 1, date: 1 } },
  ],
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
    // The supervision console's fold: one day's ratings.
    { name: 'ratedAt', keys: { ratedAt: 1 } },
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
  [COLLECTIONS.supervisionOrders]: [
    { name: 'openKey_unique', keys: { openKey: 1 }, unique: true },
    // Lists: by state (and department), the ones waiting for a reply by due date, the others newest first.
    { name: 'state_dueDate', keys: { state: 1, dueDate: 1 } },
    { name: 'departmentId_state_dueDate', keys: { departmentId: 1, state: 1, dueDate: 1 } },
    { name: 'state_updatedAt', keys: { state: 1, updatedAt: -1 } },
    { name: 'departmentId_state_updatedAt', keys: { departmentId: 1, state: 1, updatedAt: -1 } },
    { name: 'escalated_issuedAt', keys: { escalated: 1, issuedAt: -1 } },
    { name: 'departmentId_escalated_issuedAt', keys: { departmentId: 1, escalated: 1, issuedAt: -1 } },
    // The escalation sweep (awaiting a reply, not escalated, past due) and the effects sweep.
    { name: 'awaiting_escalated_dueDate', keys: { awaiting: 1, escalated: 1, dueDate: 1 } },
    { name: 'effectsPending_updatedAt', keys: { effectsPending: 1, updatedAt: 1 } },
  ],
  // The supervision console reads a day range; its fold scans what changed since its watermarks.
  [COLLECTIONS.supervisionDaily]: [
    { name: 'day_departmentId', keys: { day: 1, departmentId: 1 } },
    { name: 'departmentId_day', keys: { departmentId: 1, day: 1 } },
  ],
  [COLLECTIONS.supervisionMonthly]: [
    { name: 'month_departmentId', keys: { month: 1, departmentId: 1 } },
    { name: 'departmentId_month', keys: { departmentId: 1, month: 1 } },
  ],
  [COLLECTIONS.caseLights]: [
    // The lists: red before yellow, the earliest promised date first: everyone, a department, a handler.
    { name: 'open_light_dueDate', keys: { open: 1, light: 1, dueDate: 1 } },
    { name: 'departmentId_open_light_dueDate', keys: { departmentId: 1, open: 1, light: 1, dueDate: 1 } },
    { name: 'handlerStaffNo_open_light_dueDate', keys: { handlerStaffNo: 1, open: 1, light: 1, dueDate: 1 } },
    // Finishing a light change cut short (its audit and notices).
    { name: 'pending_seq', keys: { 'pending.seq': 1 } },
  ],
  [COLLECTIONS.violations]: [
    { name: 'caseId', keys: { caseId: 1 } },
    { name: 'detectedAt', keys: { detectedAt: -1 } },
    { name: 'departmentId_detectedAt', keys: { departmentId: 1, detectedAt: -1 } },
    { name: 'category_status_detectedAt', keys: { category: 1, status: 1, detectedAt: -1 } },
    { name: 'departmentId_category_status_detectedAt', keys: { departmentId: 1, category: 1, status: 1, detectedAt: -1 } },
    { name: 'staffNo_detectedAt', keys: { staffNo: 1, detectedAt: -1 } },
  ],
  [COLLECTIONS.notices]: [
    { name: 'state_publishAt', keys: { state: 1, publishAt: -1 } },
    { name: 'matterId_state_publishAt', keys: { matterId: 1, state: 1, publishAt: -1 } },
    { name: 'updatedAt', keys: { updatedAt: -1 } },
    { name: 'state_updatedAt', keys: { state: 1, updatedAt: -1 } },
  ],
  [COLLECTIONS.noticeChanges]: [{ name: 'noticeId_seq', keys: { noticeId: 1, seq: 1 } }],
  [COLLECTIONS.noticeReads]: [{ name: 'openid_noticeId', keys: { openid: 1, noticeId: 1 } }],
  [COLLECTIONS.mpArticles]: [{ name: 'updateTime', keys: { updateTime: -1 } }],
  [COLLECTIONS.oaFollowers]: [
    { name: 'oaOpenid', keys: { oaOpenid: 1 } },
    { name: 'following_syncRun', keys: { following: 1, syncRun: 1 } },
  ],
  [COLLECTIONS.messages]: [
    { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
    { name: 'openid_read', keys: { openid: 1, read: 1 } },
  ],
}
