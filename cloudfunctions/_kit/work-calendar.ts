import { builtInCalendar, createWorkingDayCalendar, type CalendarYear, type WorkingDayCalendar } from '../../types/domain/working-days'
import { COLLECTIONS } from './collections'
import { fetchAll } from './fetchAll'
import { log } from './log'

/**
 * The centre's working-day calendar as the functions read it: every stored year
 * (`calendar_years`, a few dozen small documents) loaded at most once per CACHE_MS per warm
 * instance, so an administrator's change reaches every instance within a minute. The handler
 * refreshes it before each action and trigger, and the business rules read it synchronously
 * through `workCalendar()`. A failed read keeps the last calendar (or the built-in one): a date
 * is never a reason for a request to fail.
 */

export interface CalendarYearDoc extends CalendarYear {
  _id: string
  version: number
  enteredBy?: { staffNo: string; name: string }
  enteredAt?: Date
  /** A change whose consequences (deadlines, bookings) are not all applied yet; the sweep finishes it. */
  pending?: { version: number; changed: string[]; closed: string[]; reopened: string[]; reason: string; at: Date }
}

const CACHE_MS = 30_000

let current: WorkingDayCalendar = builtInCalendar
let loadedAt: number | undefined
/** One read at a time: a burst of invocations on a cold instance shares it. */
let loading: Promise<WorkingDayCalendar> | undefined

export const workCalendar = (): WorkingDayCalendar => current

export const calendarFromDocs = (docs: readonly CalendarYearDoc[]): WorkingDayCalendar =>
  createWorkingDayCalendar(docs.map((d) => ({ year: d.year, status: d.status, days: d.days, ...(d.source ? { source: d.source } : {}) })))

/** Loads the stored years when the cached copy is older than CACHE_MS at `now` (the business clock, so tests can move it). */
export async function refreshCalendar(now: Date, force = false): Promise<WorkingDayCalendar> {
  if (!force && loadedAt !== undefined && Math.abs(now.getTime() - loadedAt) < CACHE_MS) return current
  if (!force && loading) return loading
  const load = (async () => {
    try {
      current = calendarFromDocs(await fetchAll<CalendarYearDoc>(COLLECTIONS.calendarYears))
      loadedAt = now.getTime()
    } catch (e) {
      log.error('calendar.refresh', e)
    }
    return current
  })()
  loading = load
  try {
    return await load
  } finally {
    if (loading === load) loading = undefined
  }
}
