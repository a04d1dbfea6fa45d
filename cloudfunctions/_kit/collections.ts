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
  /** Notification requests waiting for the notify function (see types/domain/notification.ts). */
  outbox: 'outbox',
  /** Idempotency records of client submits (`<scope>:<openid>:<requestId>`). */
  requests: 'requests',
  settings: 'settings',
  schedules: 'schedules',
  scheduleDays: 'schedule_days',
  slotSeats: 'slot_seats',
  bookings: 'bookings',
  bookingLocks: 'booking_locks',
  bookingQuota: 'booking_quota',
  noShows: 'no_shows',
  tickets: 'tickets',
  queueCounters: 'queue_counters',
} as const

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export const INDEXES: Record<string, IndexSpec[]> = {
  [COLLECTIONS.windows]: [{ name: 'departmentId', keys: { departmentId: 1 } }],
  [COLLECTIONS.matters]: [{ name: 'departmentId', keys: { departmentId: 1 } }],
  [COLLECTIONS.staff]: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }],
  [COLLECTIONS.bookings]: [
    { name: 'code_unique', keys: { code: 1 }, unique: true },
    { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
    { name: 'windowId_date', keys: { windowId: 1, date: 1 } },
    { name: 'status_endAt', keys: { status: 1, endAt: 1 } },
  ],
  [COLLECTIONS.slotSeats]: [{ name: 'windowId_date', keys: { windowId: 1, date: 1 } }],
  [COLLECTIONS.noShows]: [{ name: 'idHash_at', keys: { idHash: 1, at: -1 } }, { name: 'openid_at', keys: { openid: 1, at: -1 } }],
  [COLLECTIONS.tickets]: [
    { name: 'date_prefix_status_sortKey', keys: { date: 1, prefix: 1, status: 1, sortKey: 1 } },
    { name: 'openid_date', keys: { openid: 1, date: 1 } },
  ],
  [COLLECTIONS.outbox]: [{ name: 'status_createdAt', keys: { status: 1, createdAt: 1 } }, { name: 'recipient_createdAt', keys: { recipient: 1, createdAt: -1 } }],
}
