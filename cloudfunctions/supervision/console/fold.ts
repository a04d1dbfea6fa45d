import type { ServiceWindow } from '../../../types/domain/catalog'
import { addCalendarDays, beijingDate, BEIJING_OFFSET_MS, toUtcMs } from '../../../types/domain/dates'
import {
  addWait,
  dailyIdOf,
  emptyBookings,
  emptyCases,
  emptyComplaints,
  emptyDue,
  emptyLights,
  emptyQueue,
  emptyRatings,
  monthRollupOf,
  type DailyCounters,
  type Windowed,
} from '../../../types/domain/supervision-figures'
import { windowsById } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'
import { log } from '../../_kit/log'
import { workCalendar } from '../../_kit/work-calendar'

/**
 * The fold: keeps the console's daily counters up to date from the records the other functions
 * write (case timeline, tickets, bookings, ratings, complaints, case lights), so the console reads
 * a few counter documents instead of every case.
 *
 * Exactly once without a transaction: a run never adds to a counter. It finds which days changed
 * since each source's watermark, recomputes those days' sections whole from that day's records and
 * writes each (day, department) document in one `set`; only then it moves the watermarks. A run cut
 * off half way leaves the watermarks where they were, and the next run recomputes the same days to
 * the same numbers. Work per run follows the day's volume, never the total number of cases.
 */

export const CENTRE = 'centre'
const DECISIONS = new Set(['approve', 'reject', 'completeImmediately'])
/** Records written a little out of order (instances' clocks, a slow write) are picked up by re-reading this far behind the watermark. */
const LAG_MS = 2 * 60_000
/** Ratings' 差评 loops and complaints' answers change after the day they came in: once an hour their last month is recomputed. */
const LATE_CHANGE_DAYS = 31
const LEASE_MS = 4 * 60_000

interface CaseLite {
  _id: string
  departmentId: string
  matterId: string
  matterName: string
  accepted: boolean
  acceptedOn?: string
  dueDate?: string
  decidedOn?: string
  updatedAt: Date
}
interface EventLite {
  _id: string
  caseId: string
  action: string
  at: Date
}
interface TicketLite {
  _id: string
  prefix: string
  status: string
  windowId: string
  targetWindowId: string
  transferredFrom?: string
  calledAt?: Date
  createdAt: Date
}
interface BookingLite {
  _id: string
  departmentId: string
  windowId: string
  status: string
}
interface RatingLite {
  _id: string
  departmentId: string
  windowId?: string
  isDefault: boolean
  bad: boolean
  loop?: { state?: string; repliedInTime?: boolean }
}
interface ComplaintLite {
  _id: string
  departmentId?: string
  open: boolean
}
interface LightLite {
  _id: string
  departmentId: string
  light: string
}
export interface FoldState {
  _id: 'watermarks'
  caseEvents?: Date
  cases?: Date
  ratings?: Date
  complaints?: Date
  /** The last hour whose late-change sweep ran (`YYYY-MM-DDTHH`). */
  lateSweepHour?: string
  foldedAt?: Date
}

const coll = (name: string) => db().collection(name)
const _ = () => db().command

/** Beijing midnight of a date, as an instant, and the next one. */
export const dayStart = (day: string) => new Date(toUtcMs(day) - BEIJING_OFFSET_MS)
const dayRange = (day: string) => ({ _gte: dayStart(day), _lt: dayStart(addCalendarDays(day, 1)) })
const inDay = (field: string, day: string) => {
  const r = dayRange(day)
  return { [field]: _().and([_().gte(r._gte), _().lt(r._lt)]) }
}
const minutesBetween = (a: Date, b: Date) => (new Date(b).getTime() - new Date(a).getTime()) / 60_000
const beijingHour = (d: Date) => new Date(new Date(d).getTime() + BEIJING_OFFSET_MS).getUTCHours()

async function casesByIds(ids: string[]): Promise<Map<string, CaseLite>> {
  const out = new Map<string, CaseLite>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 100) {
    const docs = await fetchAll<CaseLite>(COLLECTIONS.cases, { _id: _().in(unique.slice(i, i + 100)) }, CASE_FIELDS)
    for (const d of docs) out.set(d._id, d)
  }
  return out
}
const CASE_FIELDS = {
  _id: true,
  departmentId: true,
  matterId: true,
  matterName: true,
  accepted: true,
  acceptedOn: true,
  dueDate: true,
  decidedOn: true,
  updatedAt: true,
}

type Sections = Omit<DailyCounters, '_id' | 'day' | 'departmentId' | 'month' | 'trend'>
type SectionName = keyof Sections
type PerDept = Map<string, Sections>

const sectionOf = <K extends SectionName>(
  m: PerDept,
  dept: string,
  k: K,
  empty: () => NonNullable<Sections[K]>,
): NonNullable<Sections[K]> => {
  const s = m.get(dept) ?? {}
  m.set(dept, s)
  return (s[k] ??= empty()) as NonNullable<Sections[K]>
}
const windowed =
  <S>(empty: () => S) =>
  (): Windowed<S> => ({ all: empty(), windows: {} })
const both = <S>(w: Windowed<S>, windowId: string | undefined, empty: () => S, apply: (s: S) => void) => {
  apply(w.all)
  if (windowId) apply((w.windows[windowId] ??= empty()))
}

/** 收件、受理、办结 of a day, from that day's timeline entries. */
async function casesOfDay(day: string, into: PerDept): Promise<void> {
  const events = await fetchAll<EventLite>(COLLECTIONS.caseEvents, inDay('at', day), { _id: true, caseId: true, action: true, at: true })
  const byCase = await casesByIds(events.map((e) => e.caseId))
  const supplemented = new Set<string>()
  const cal = workCalendar()
  for (const e of events) {
    const c = byCase.get(e.caseId)
    if (!c) continue
    const s = sectionOf(into, c.departmentId, 'cases', emptyCases)
    if (e.action === 'submit') s.received += 1
    else if (e.action === 'accept') s.accepted += 1
    else if (e.action === 'withdraw') s.withdrawn += 1
    else if (e.action === 'requestSupplement' && !supplemented.has(c._id)) {
      supplemented.add(c._id)
      s.supplemented += 1
    } else if (DECISIONS.has(e.action)) {
      s.finished += 1
      if (e.action === 'reject') s.rejected += 1
      else s.approved += 1
      if (e.action === 'completeImmediately') s.immediate += 1
      if (!c.dueDate || day <= c.dueDate) s.finishedOnTime += 1
      let days = 0
      try {
        days = c.acceptedOn ? Math.max(0, cal.workingDaysBetween(c.acceptedOn, day)) : 0
      } catch (err) {
        log.error('supervision.fold.workdays', err)
      }
      s.workDaysSum += days
      const m = (s.matters[c.matterId] ??= { name: c.matterName, finished: 0, workDaysSum: 0 })
      m.finished += 1
      m.workDaysSum += days
    }
  }
}

/** The cases whose promised date is the day: decided by it, after it, or not yet. */
async function dueOfDay(day: string, into: PerDept): Promise<void> {
  const docs = await fetchAll<CaseLite>(COLLECTIONS.cases, { dueDate: day }, CASE_FIELDS)
  for (const c of docs) {
    if (!c.accepted) continue
    const s = sectionOf(into, c.departmentId, 'due', emptyDue)
    s.due += 1
    if (!c.decidedOn) s.open += 1
    else if (c.decidedOn <= day) s.onTime += 1
    else s.late += 1
  }
}

async function queueOfDay(day: string, into: PerDept, windows: Map<string, ServiceWindow>): Promise<void> {
  const byPrefix = new Map<string, ServiceWindow>()
  for (const w of [...windows.values()].sort((a, b) => a.number - b.number))
    if (!byPrefix.has(w.queuePrefix)) byPrefix.set(w.queuePrefix, w)
  const docs = await fetchAll<TicketLite>(
    COLLECTIONS.tickets,
    { date: day },
    {
      _id: true,
      prefix: true,
      status: true,
      windowId: true,
      targetWindowId: true,
      transferredFrom: true,
      calledAt: true,
      createdAt: true,
    },
  )
  for (const t of docs) {
    const windowId = t.windowId || t.transferredFrom || t.targetWindowId || undefined
    const w = (windowId && windows.get(windowId)) || byPrefix.get(t.prefix)
    const dept = w?.departmentId ?? CENTRE
    const q = sectionOf(into, dept, 'queue', windowed(emptyQueue))
    both(q, windowId, emptyQueue, (s) => {
      s.tickets += 1
      if (t.status === 'done') s.served += 1
      if (t.calledAt) addWait(s, minutesBetween(t.createdAt, t.calledAt), beijingHour(t.createdAt))
    })
  }
}

async function bookingsOfDay(day: string, into: PerDept): Promise<void> {
  const docs = await fetchAll<BookingLite>(
    COLLECTIONS.bookings,
    { date: day },
    { _id: true, departmentId: true, windowId: true, status: true },
  )
  for (const b of docs) {
    const s = sectionOf(into, b.departmentId, 'bookings', windowed(emptyBookings))
    both(s, b.windowId, emptyBookings, (x) => {
      if (b.status === 'cancelled') x.cancelled += 1
      else x.booked += 1
      if (b.status === 'no_show') x.noShow += 1
    })
  }
}

/** Ratings counted as the 好差评 statistics count them: a 差评 the office found invalid is not one. */
async function ratingsOfDay(day: string, into: PerDept): Promise<void> {
  const docs = await fetchAll<RatingLite>(COLLECTIONS.ratings, inDay('ratedAt', day), {
    _id: true,
    departmentId: true,
    windowId: true,
    isDefault: true,
    bad: true,
    loop: true,
  })
  for (const r of docs) {
    const s = sectionOf(into, r.departmentId, 'ratings', windowed(emptyRatings))
    const bad = r.bad && !r.isDefault && r.loop?.state !== 'invalid'
    both(s, r.windowId, emptyRatings, (x) => {
      x.ratings += 1
      if (bad) x.bad += 1
      if (bad && r.loop?.repliedInTime === true) x.badHandledOnTime += 1
    })
  }
}

async function complaintsOfDay(day: string, into: PerDept): Promise<void> {
  const docs = await fetchAll<ComplaintLite>(COLLECTIONS.complaints, inDay('submittedAt', day), {
    _id: true,
    departmentId: true,
    open: true,
  })
  for (const c of docs) {
    const s = sectionOf(into, c.departmentId ?? CENTRE, 'complaints', emptyComplaints)
    s.received += 1
    if (!c.open) s.closed += 1
  }
}

/** The picture of open cases' lights now (case_lights is written by the lights part). */
async function lightsNow(into: PerDept): Promise<void> {
  const docs = await fetchAll<LightLite>(COLLECTIONS.caseLights, { open: true }, { _id: true, departmentId: true, light: true })
  for (const l of docs) {
    const s = sectionOf(into, l.departmentId, 'lights', emptyLights)
    if (l.light === 'yellow') s.yellow += 1
    if (l.light === 'red') s.red += 1
  }
}

const EMPTY: Record<SectionName, () => unknown> = {
  cases: emptyCases,
  due: emptyDue,
  queue: windowed(emptyQueue),
  bookings: windowed(emptyBookings),
  ratings: windowed(emptyRatings),
  complaints: emptyComplaints,
  lights: emptyLights,
}

/**
 * Recomputes the named sections of one day and writes every department's document of that day
 * whole: a department that had figures and now has none gets empty sections, not stale ones.
 */
export async function recomputeDay(day: string, sections: ReadonlySet<SectionName>, windows: Map<string, ServiceWindow>): Promise<number> {
  const fresh: PerDept = new Map()
  const work: Array<Promise<void>> = []
  if (sections.has('cases')) work.push(casesOfDay(day, fresh))
  if (sections.has('due')) work.push(dueOfDay(day, fresh))
  if (sections.has('queue')) work.push(queueOfDay(day, fresh, windows))
  if (sections.has('bookings')) work.push(bookingsOfDay(day, fresh))
  if (sections.has('ratings')) work.push(ratingsOfDay(day, fresh))
  if (sections.has('complaints')) work.push(complaintsOfDay(day, fresh))
  if (sections.has('lights')) work.push(lightsNow(fresh))
  // One section at a time fills the shared map; they run one after another to keep it simple.
  for (const w of work) await w
  const existing = await fetchAll<DailyCounters>(COLLECTIONS.supervisionDaily, { day })
  const depts = new Set([...existing.map((d) => d.departmentId), ...fresh.keys()])
  let written = 0
  for (const dept of depts) {
    const before = existing.find((d) => d.departmentId === dept)
    const next: DailyCounters = { ...(before ?? {}), _id: dailyIdOf(day, dept), day, departmentId: dept }
    for (const k of sections) (next as unknown as Record<string, unknown>)[k] = fresh.get(dept)?.[k] ?? EMPTY[k]()
    written += await writeIfChanged(COLLECTIONS.supervisionDaily, before, next)
  }
  return written
}

/** Key order aside, whether two documents hold the same figures (a recomputed day mostly does). */
const canonical = (v: unknown): unknown =>
  v && typeof v === 'object' && !(v instanceof Date)
    ? Array.isArray(v)
      ? v.map(canonical)
      : Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
    : v
const same = (a: object | undefined, b: object) => !!a && JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

/** One `set` of the whole document, skipped when nothing changed: most of a rerun's days are unchanged. */
async function writeIfChanged(collection: string, before: DailyCounters | undefined, next: DailyCounters): Promise<number> {
  if (same(before, next)) return 0
  const { _id, ...data } = next
  await coll(collection).doc(_id).set({ data })
  return 1
}

/** Rebuilds the roll-ups of a month from its daily documents (all departments). */
export async function rollUpMonth(month: string): Promise<number> {
  const first = `${month}-01`
  const last = addCalendarDays(`${addCalendarDays(`${month}-28`, 4).slice(0, 7)}-01`, -1)
  const [days, existing] = await Promise.all([
    fetchAll<DailyCounters>(COLLECTIONS.supervisionDaily, { day: _().and([_().gte(first), _().lte(last)]) }),
    fetchAll<DailyCounters>(COLLECTIONS.supervisionMonthly, { month }),
  ])
  const depts = new Set([...days.map((d) => d.departmentId), ...existing.map((d) => d.departmentId)])
  let written = 0
  for (const dept of depts) {
    const next = monthRollupOf(
      month,
      last,
      dept,
      days.filter((d) => d.departmentId === dept),
    )
    written += await writeIfChanged(
      COLLECTIONS.supervisionMonthly,
      existing.find((d) => d.departmentId === dept),
      next,
    )
  }
  return written
}

async function takeLease(now: Date): Promise<boolean> {
  const c = coll(COLLECTIONS.supervisionFold)
  const until = new Date(now.getTime() + LEASE_MS)
  const { stats } = await c.where({ _id: 'lease', until: _().lt(now) }).update({ data: { until } })
  if (stats.updated === 1) return true
  const { data } = await c.where({ _id: 'lease' }).limit(1).get()
  if (data[0]) return false
  try {
    await c.add({ data: { _id: 'lease', until } })
    return true
  } catch {
    return false
  }
}
const releaseLease = () =>
  coll(COLLECTIONS.supervisionFold)
    .doc('lease')
    .set({ data: { until: new Date(0) } })

const maxDate = (a: Date | undefined, b: Date | undefined) => (!a ? b : !b ? a : new Date(a) > new Date(b) ? a : b)
const since = (d: Date | undefined) => (d ? { _gte: new Date(new Date(d).getTime() - LAG_MS) } : undefined)

export interface FoldOptions {
  /** For tests: stop after this many day documents were written, as a crash would. */
  crashAfterWrites?: number
}

/** One run of the fold; answers what it did. */
export async function fold(now: Date, opts: FoldOptions = {}): Promise<Record<string, unknown>> {
  if (!(await takeLease(now))) return { skipped: '上一轮统计仍在运行' }
  try {
    return await foldLocked(now, opts)
  } finally {
    await releaseLease().catch((e) => log.error('supervision.fold.release', e))
  }
}

async function foldLocked(now: Date, opts: FoldOptions): Promise<Record<string, unknown>> {
  const state = ((await coll(COLLECTIONS.supervisionFold).where({ _id: 'watermarks' }).limit(1).get()).data[0] ?? {
    _id: 'watermarks',
  }) as FoldState
  const today = beijingDate(now)
  const plan = new Map<string, Set<SectionName>>()
  const want = (day: string, s: SectionName) => {
    // Only promised dates lie ahead: a case decided early counts on the day it was due.
    if (day > today && s !== 'due') return
    const set = plan.get(day) ?? new Set<SectionName>()
    set.add(s)
    plan.set(day, set)
  }
  const after = (field: string, d: Date | undefined) => {
    const s = since(d)
    return s ? { [field]: _().gte(s._gte) } : {}
  }

  // The case timeline: the days its new entries fall on.
  const events = await fetchAll<EventLite>(COLLECTIONS.caseEvents, after('at', state.caseEvents), { _id: true, caseId: true, at: true })
  let eventsMark = state.caseEvents
  for (const e of events) {
    want(beijingDate(new Date(e.at)), 'cases')
    eventsMark = maxDate(eventsMark, e.at)
  }

  // Changed cases: the promised date they have now and the one folded before (it only moves later).
  const changed = await fetchAll<CaseLite>(COLLECTIONS.cases, after('updatedAt', state.cases), {
    _id: true,
    dueDate: true,
    updatedAt: true,
  })
  let casesMark = state.cases
  const remembered = new Map<string, string | undefined>()
  for (let i = 0; i < changed.length; i += 100) {
    const ids = changed.slice(i, i + 100).map((c) => c._id)
    for (const d of await fetchAll<{ _id: string; dueDate?: string }>(COLLECTIONS.supervisionCaseDue, { _id: _().in(ids) }))
      remembered.set(d._id, d.dueDate)
  }
  const dueMoves: Array<{ _id: string; dueDate: string }> = []
  for (const c of changed) {
    casesMark = maxDate(casesMark, c.updatedAt)
    const before = remembered.get(c._id)
    if (c.dueDate) want(c.dueDate, 'due')
    if (before && before !== c.dueDate) want(before, 'due')
    if (c.dueDate && before !== c.dueDate) dueMoves.push({ _id: c._id, dueDate: c.dueDate })
  }

  // Ratings and complaints: the days of new ones, and hourly their last month (loops and answers come later).
  const ratingsNew = await fetchAll<{ _id: string; ratedAt: Date }>(COLLECTIONS.ratings, after('ratedAt', state.ratings), {
    _id: true,
    ratedAt: true,
  })
  let ratingsMark = state.ratings
  for (const r of ratingsNew) {
    want(beijingDate(new Date(r.ratedAt)), 'ratings')
    ratingsMark = maxDate(ratingsMark, r.ratedAt)
  }
  const complaintsNew = await fetchAll<{ _id: string; submittedAt: Date }>(COLLECTIONS.complaints, after('submittedAt', state.complaints), {
    _id: true,
    submittedAt: true,
  })
  let complaintsMark = state.complaints
  for (const c of complaintsNew) {
    want(beijingDate(new Date(c.submittedAt)), 'complaints')
    complaintsMark = maxDate(complaintsMark, c.submittedAt)
  }
  const hour = new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 13)
  const lateSweep = state.lateSweepHour !== hour
  if (lateSweep)
    for (let i = 0; i <= LATE_CHANGE_DAYS; i++) {
      want(addCalendarDays(today, -i), 'ratings')
      want(addCalendarDays(today, -i), 'complaints')
    }

  // Tickets and bookings belong to their day: today's change all day, yesterday's settle after closing.
  for (const day of [addCalendarDays(today, -1), today]) {
    want(day, 'queue')
    want(day, 'bookings')
  }
  want(today, 'lights')

  const windows = await windowsById()
  let written = 0
  for (const [day, sections] of [...plan.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    written += await recomputeDay(day, sections, windows)
    if (opts.crashAfterWrites !== undefined && written >= opts.crashAfterWrites) throw new Error('fold interrupted (test)')
  }
  // Whole past months are read from their roll-ups: rebuild those of the months just recomputed.
  const months = [...new Set([...plan.keys()].map((d) => d.slice(0, 7)))].filter((m) => m < today.slice(0, 7))
  for (const m of months) written += await rollUpMonth(m)
  for (const m of dueMoves)
    await coll(COLLECTIONS.supervisionCaseDue)
      .doc(m._id)
      .set({ data: { dueDate: m.dueDate } })
  const next: Omit<FoldState, '_id'> = {
    ...(eventsMark ? { caseEvents: eventsMark } : {}),
    ...(casesMark ? { cases: casesMark } : {}),
    ...(ratingsMark ? { ratings: ratingsMark } : {}),
    ...(complaintsMark ? { complaints: complaintsMark } : {}),
    lateSweepHour: lateSweep ? hour : state.lateSweepHour,
    foldedAt: now,
  }
  await coll(COLLECTIONS.supervisionFold).doc('watermarks').set({ data: next })
  return { days: plan.size, months: months.length, written, events: events.length, cases: changed.length }
}
