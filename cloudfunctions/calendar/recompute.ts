import type { CalendarImpact } from '../../types/contracts/calendar'
import { db } from '../_kit/cloud'
import { log } from '../_kit/log'
import { refreshCalendar } from '../_kit/work-calendar'
import { applyConsequences } from './consequences'
import { yearDocs } from './years'

/**
 * Applies the consequences of a year's pending change on the calendar as it is now, then clears
 * the note, conditional on it being the same version (a newer change keeps its own note).
 * Answers undefined when nothing was pending.
 */
export async function finishPending(year: number, now: Date): Promise<CalendarImpact | undefined> {
  const { data } = await yearDocs()
    .where({ _id: String(year) })
    .limit(1)
    .get()
  const pending = data[0]?.pending
  if (!pending) return undefined
  const cal = await refreshCalendar(now, true)
  const impact = await applyConsequences(pending, { year, version: pending.version, reason: pending.reason }, cal, now)
  await yearDocs()
    .where({ _id: String(year), 'pending.version': pending.version })
    .update({ data: { pending: db().command.remove() } })
  return impact
}

/** Timer trigger: finishes every change a crash left half-applied. */
export async function recomputeSweep(now: Date) {
  const { data } = await yearDocs()
    // Every pending note has a version from 1 up: a range the index serves, where `exists` would scan.
    .where({ 'pending.version': db().command.gt(0) })
    .limit(100)
    .get()
  let finished = 0
  for (const doc of data) {
    try {
      if (await finishPending(doc.year, now)) finished++
    } catch (e) {
      log.error('calendar.recomputeSweep', e)
    }
  }
  return { finished }
}
