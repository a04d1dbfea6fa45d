import { builtInYear, type CalendarYear, type WorkingDayCalendar } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { calendarFromDocs, type CalendarYearDoc } from '../_kit/work-calendar'

/** One entry of the change log (`calendar_changes`, insert-only): `_id` = `<year>:<version>`. */
export interface CalendarChangeDoc {
  _id: string
  year: number
  version: number
  at: Date
  by: { staffNo: string; name: string }
  summary: string
  kind: 'notice' | 'day'
  before: Pick<CalendarYear, 'status' | 'days'>
  after: Pick<CalendarYear, 'status' | 'days'>
  source?: CalendarYear['source']
  note?: string
}

export const yearDocs = () => db().collection<CalendarYearDoc>(COLLECTIONS.calendarYears)
export const changeDocs = () => db().collection<CalendarChangeDoc>(COLLECTIONS.calendarChanges)

/** The stored years, read fresh (not the cached reader): a change is always made against the latest. */
export const storedYears = () => fetchAll<CalendarYearDoc>(COLLECTIONS.calendarYears)

export interface YearState {
  docs: CalendarYearDoc[]
  calendar: WorkingDayCalendar
  /** The year as the calendar answers it now. */
  current: CalendarYear
  stored?: CalendarYearDoc
  version: number
}

export async function yearState(year: number): Promise<YearState> {
  const docs = await storedYears()
  const stored = docs.find((d) => d.year === year)
  return { docs, calendar: calendarFromDocs(docs), current: stored ?? builtInYear(year), stored, version: stored?.version ?? 0 }
}

/** The calendar with `year` replaced by `proposed`. */
export const calendarWith = (docs: readonly CalendarYearDoc[], proposed: CalendarYear) =>
  calendarFromDocs([...docs.filter((d) => d.year !== proposed.year), { ...proposed, _id: String(proposed.year), version: 0 }])
