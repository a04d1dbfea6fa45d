/**
 * The supervision console's figures (监督台统计), and how each is computed from the daily counter
 * documents the fold keeps (one per Beijing day and department, sections recomputed whole from
 * that day's records, so a rerun writes the same numbers). Pure: the function folds and reads,
 * this file says what every number means.
 *
 * - 收件 (received): cases submitted that day; 受理 (accepted): cases accepted; 办结 (finished):
 *   cases decided (准予, 不予, or 即办 finished at once), split by outcome.
 * - 办结率: of the cases whose promised date (承诺办结日) falls in the period, the share decided
 *   on or before it. A case still open whose date is today is not counted yet (it may still be
 *   finished in time); once the day has passed it counts as overdue.
 * - 超期 (overdue): cases due in the period decided after their date or still open after it.
 * - 平均办理用时: working days from acceptance to decision, per matter and overall.
 * - 补正率: cases sent back for 补正 that day ÷ cases received.
 * - 等候时长: minutes from taking a ticket to its first call; the 90th percentile is read from a
 *   per-minute histogram (a percentile cannot be added up from averages).
 * - 差评按期整改: 差评 whose reply came by its due date (the 好差评 loop's `repliedInTime`).
 */

/** Waiting times are kept per whole minute up to this many; longer waits share the last bucket. */
export const WAIT_BUCKETS = 240

export interface MatterFigures {
  name: string
  finished: number
  workDaysSum: number
}

export interface CaseSection {
  received: number
  accepted: number
  finished: number
  approved: number
  rejected: number
  /** 即办件 finished at the window at once (counted as 准予 too). */
  immediate: number
  /** Decided on or before the promised date. */
  finishedOnTime: number
  workDaysSum: number
  /** Cases sent back for 补正 that day (each case once a day). */
  supplemented: number
  /** Cases withdrawn by the applicant. */
  withdrawn: number
  matters: Record<string, MatterFigures>
}

/** Cases whose promised date is this day. `open` ones are overdue once the day is over. */
export interface DueSection {
  due: number
  onTime: number
  late: number
  open: number
}

export interface QueueSection {
  tickets: number
  served: number
  /** Tickets called at least once, and their total wait in minutes. */
  called: number
  waitSum: number
  /** Minute → tickets that waited that many whole minutes (the last bucket: that many or more). */
  hist: Record<string, number>
  /** Beijing hour the ticket was taken → called tickets and their total wait. */
  hours: Record<string, { n: number; sum: number }>
}

export interface BookingSection {
  booked: number
  noShow: number
  cancelled: number
}

export interface RatingSection {
  ratings: number
  bad: number
  badHandledOnTime: number
}

export interface ComplaintSection {
  received: number
  closed: number
}

export interface LightSection {
  yellow: number
  red: number
}

/** A section kept for the department and, where the source knows the hall window, per window. */
export interface Windowed<S> {
  all: S
  windows: Record<string, S>
}

export interface DailyCounters {
  _id: string
  /** The day; a month's roll-up carries the month's last day (its open due cases are all past once the month is). */
  day: string
  departmentId: string
  /** Set on a month's roll-up (`supervision_monthly`): the month, and its received and finished cases per day for the trend. */
  month?: string
  trend?: Record<string, { received: number; finished: number }>
  cases?: CaseSection
  due?: DueSection
  queue?: Windowed<QueueSection>
  bookings?: Windowed<BookingSection>
  ratings?: Windowed<RatingSection>
  complaints?: ComplaintSection
  lights?: LightSection
}

export const dailyIdOf = (day: string, departmentId: string) => `${day}:${departmentId}`

export const emptyCases = (): CaseSection => ({
  received: 0,
  accepted: 0,
  finished: 0,
  approved: 0,
  rejected: 0,
  immediate: 0,
  finishedOnTime: 0,
  workDaysSum: 0,
  supplemented: 0,
  withdrawn: 0,
  matters: {},
})
export const emptyDue = (): DueSection => ({ due: 0, onTime: 0, late: 0, open: 0 })
export const emptyQueue = (): QueueSection => ({ tickets: 0, served: 0, called: 0, waitSum: 0, hist: {}, hours: {} })
export const emptyBookings = (): BookingSection => ({ booked: 0, noShow: 0, cancelled: 0 })
export const emptyRatings = (): RatingSection => ({ ratings: 0, bad: 0, badHandledOnTime: 0 })
export const emptyComplaints = (): ComplaintSection => ({ received: 0, closed: 0 })
export const emptyLights = (): LightSection => ({ yellow: 0, red: 0 })

/** Adds plain number fields and nested records of numbers (histograms, per-matter rows) into `into`. */
function addInto(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    if (typeof v === 'number') into[k] = ((into[k] as number | undefined) ?? 0) + v
    else if (typeof v === 'string') into[k] ??= v
    else if (v && typeof v === 'object') {
      const target = (into[k] as Record<string, unknown> | undefined) ?? {}
      into[k] = target
      addInto(target, v as Record<string, unknown>)
    }
  }
}

export function sum<S extends object>(empty: () => S, parts: ReadonlyArray<S | undefined>): S {
  const out = empty()
  for (const p of parts) if (p) addInto(out as Record<string, unknown>, p as Record<string, unknown>)
  return out
}

/** Adds one waiting time (minutes, ticket taken at a Beijing hour) to a queue section. */
export function addWait(q: QueueSection, minutes: number, hour: number): void {
  const m = Math.max(0, Math.min(WAIT_BUCKETS, Math.floor(minutes)))
  q.called += 1
  q.waitSum += minutes
  q.hist[String(m)] = (q.hist[String(m)] ?? 0) + 1
  const h = (q.hours[String(hour)] ??= { n: 0, sum: 0 })
  h.n += 1
  h.sum += minutes
}

/** The smallest whole minute m such that at least p of the waits were at most m minutes (nearest-rank). */
export function percentileOf(hist: Record<string, number>, p: number): number {
  const entries = Object.entries(hist)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0])
  const total = entries.reduce((s, [, n]) => s + n, 0)
  if (total === 0) return 0
  const rank = Math.ceil(p * total)
  let seen = 0
  for (const [m, n] of entries) {
    seen += n
    if (seen >= rank) return m
  }
  return entries[entries.length - 1][0]
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
/** A share in percent with one decimal, or null when there is nothing to divide by. */
export const percent = (n: number, d: number): number | null => (d > 0 ? round((n / d) * 100) : null)

export interface Figures {
  received: number
  accepted: number
  finished: number
  approved: number
  rejected: number
  immediate: number
  withdrawn: number
  finishedOnTime: number
  /** Cases due in the period that count for 办结率 (due, minus those due today and still open). */
  due: number
  dueOnTime: number
  completionRate: number | null
  overdue: number
  averageWorkDays: number | null
  supplemented: number
  supplementRate: number | null
  bookings: number
  noShows: number
  tickets: number
  served: number
  waitAverage: number | null
  waitP90: number | null
  ratings: number
  bad: number
  badHandledOnTime: number
  /** 差评整改率: 差评 handled on time ÷ 差评. */
  badRectifiedRate: number | null
  complaints: number
  complaintsClosed: number
  yellow: number
  red: number
}

/** What a set of daily documents add up to; `today` decides which open due cases are overdue yet. */
export function figuresOf(docs: readonly DailyCounters[], today: string, windowId?: string): Figures {
  const pick = <S>(w: Windowed<S> | undefined) => (w ? (windowId ? w.windows[windowId] : w.all) : undefined)
  const c = sum(
    emptyCases,
    docs.map((d) => (windowId ? undefined : d.cases)),
  )
  let due = 0
  let dueOnTime = 0
  let overdue = 0
  if (!windowId)
    for (const d of docs) {
      if (!d.due) continue
      const past = d.day < today
      due += d.due.onTime + d.due.late + (past ? d.due.open : 0)
      dueOnTime += d.due.onTime
      overdue += d.due.late + (past ? d.due.open : 0)
    }
  const q = sum(
    emptyQueue,
    docs.map((d) => pick(d.queue)),
  )
  const b = sum(
    emptyBookings,
    docs.map((d) => pick(d.bookings)),
  )
  const r = sum(
    emptyRatings,
    docs.map((d) => pick(d.ratings)),
  )
  const cp = sum(
    emptyComplaints,
    docs.map((d) => (windowId ? undefined : d.complaints)),
  )
  // Lights are a picture of the open cases, not a flow: the latest day's picture per department.
  const latest = new Map<string, DailyCounters>()
  for (const d of docs) if (d.lights && (latest.get(d.departmentId)?.day ?? '') < d.day) latest.set(d.departmentId, d)
  const lights = windowId
    ? emptyLights()
    : sum(
        emptyLights,
        [...latest.values()].map((d) => d.lights),
      )
  return {
    received: c.received,
    accepted: c.accepted,
    finished: c.finished,
    approved: c.approved,
    rejected: c.rejected,
    immediate: c.immediate,
    withdrawn: c.withdrawn,
    finishedOnTime: c.finishedOnTime,
    due,
    dueOnTime,
    completionRate: percent(dueOnTime, due),
    overdue,
    averageWorkDays: c.finished > 0 ? round(c.workDaysSum / c.finished, 2) : null,
    supplemented: c.supplemented,
    supplementRate: percent(c.supplemented, c.received),
    bookings: b.booked,
    noShows: b.noShow,
    tickets: q.tickets,
    served: q.served,
    waitAverage: q.called > 0 ? round(q.waitSum / q.called) : null,
    waitP90: q.called > 0 ? percentileOf(q.hist, 0.9) : null,
    ratings: r.ratings,
    bad: r.bad,
    badHandledOnTime: r.badHandledOnTime,
    badRectifiedRate: percent(r.badHandledOnTime, r.bad),
    complaints: cp.received,
    complaintsClosed: cp.closed,
    yellow: lights.yellow,
    red: lights.red,
  }
}

export interface MatterRow {
  matterId: string
  matterName: string
  finished: number
  averageWorkDays: number | null
}

export function mattersOf(docs: readonly DailyCounters[]): MatterRow[] {
  const c = sum(
    emptyCases,
    docs.map((d) => d.cases),
  )
  return Object.entries(c.matters)
    .map(([matterId, m]) => ({
      matterId,
      matterName: m.name,
      finished: m.finished,
      averageWorkDays: m.finished > 0 ? round(m.workDaysSum / m.finished, 2) : null,
    }))
    .sort((a, b) => b.finished - a.finished || a.matterId.localeCompare(b.matterId))
}

/** Average wait per Beijing hour of the day the ticket was taken (hours without calls left out). */
export function waitByHourOf(docs: readonly DailyCounters[], windowId?: string): Array<{ hour: number; average: number; tickets: number }> {
  const q = sum(
    emptyQueue,
    docs.map((d) => (d.queue ? (windowId ? d.queue.windows[windowId] : d.queue.all) : undefined)),
  )
  return Object.entries(q.hours)
    .map(([h, v]) => ({ hour: Number(h), average: round(v.sum / v.n), tickets: v.n }))
    .sort((a, b) => a.hour - b.hour)
}

/** Received and finished cases per day, every day of the period present (zero when quiet). */
export function trendOf(
  docs: readonly DailyCounters[],
  days: readonly string[],
): Array<{ day: string; received: number; finished: number }> {
  const by = new Map<string, { received: number; finished: number }>()
  const add = (day: string, received: number, finished: number) => {
    const v = by.get(day) ?? { received: 0, finished: 0 }
    v.received += received
    v.finished += finished
    by.set(day, v)
  }
  for (const d of docs) {
    if (d.trend) for (const [day, t] of Object.entries(d.trend)) add(day, t.received, t.finished)
    else add(d.day, d.cases?.received ?? 0, d.cases?.finished ?? 0)
  }
  return days.map((day) => ({ day, ...(by.get(day) ?? { received: 0, finished: 0 }) }))
}

/**
 * A month's roll-up: every section summed over its daily documents, the lights of its latest day,
 * and the per-day trend. The console reads these for whole past months, so a year is 12 documents
 * per department instead of 365.
 */
export function monthRollupOf(month: string, lastDay: string, departmentId: string, days: readonly DailyCounters[]): DailyCounters {
  const windowedSum = <S extends object>(empty: () => S, parts: ReadonlyArray<Windowed<S> | undefined>): Windowed<S> => {
    const ids = new Set(parts.flatMap((p) => Object.keys(p?.windows ?? {})))
    return {
      all: sum(
        empty,
        parts.map((p) => p?.all),
      ),
      windows: Object.fromEntries(
        [...ids].map((id) => [
          id,
          sum(
            empty,
            parts.map((p) => p?.windows[id]),
          ),
        ]),
      ),
    }
  }
  const latestLights = [...days].filter((d) => d.lights).sort((a, b) => b.day.localeCompare(a.day))[0]?.lights
  const each = <K extends keyof DailyCounters>(key: K) => days.map((d) => d[key])
  return {
    _id: `${month}:${departmentId}`,
    day: lastDay,
    month,
    departmentId,
    cases: sum(emptyCases, each('cases')),
    due: sum(emptyDue, each('due')),
    queue: windowedSum(emptyQueue, each('queue')),
    bookings: windowedSum(emptyBookings, each('bookings')),
    ratings: windowedSum(emptyRatings, each('ratings')),
    complaints: sum(emptyComplaints, each('complaints')),
    ...(latestLights ? { lights: latestLights } : {}),
    trend: Object.fromEntries(
      days.filter((d) => d.cases).map((d) => [d.day, { received: d.cases!.received, finished: d.cases!.finished }]),
    ),
  }
}

/** At most one year: the console reads one document per day and department (whole past months: one per month). */
export const MAX_PERIOD_DAYS = 366
