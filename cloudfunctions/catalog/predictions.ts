import { beijingDate } from '../../types/domain/dates'
import { processingDays, summarise, windowStart, type FinishedCase } from '../../types/domain/prediction'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { randomHex } from '../_kit/ids'
import { predictionId, type PredictionDoc } from '../_kit/predictions'
import { workCalendar } from '../_kit/work-calendar'

/**
 * The nightly 预计办结 job (types/domain/prediction.ts has the method). It runs on the catalog
 * function's tick and does the work once per Beijing day, and again whenever the working-day
 * calendar changed since (a changed holiday changes how many working days past cases took): the
 * run remembers the calendar's year versions it used.
 */

interface CaseLite extends FinishedCase {
  matterId: string
  departmentId: string
}
interface RunDoc {
  computedOn?: string
  calendarStamp?: string
}

const runRef = () => db().collection(COLLECTIONS.predictionRuns).doc('run')

/** The calendar as stored: every year and its version (an administrator's save raises it). */
async function calendarStamp(): Promise<string> {
  const years = await fetchAll<{ _id: string; version?: number }>(COLLECTIONS.calendarYears, {}, { _id: true, version: true })
  return years.map((y) => `${y._id}:${y.version ?? 0}`).join(',')
}

export async function refreshPredictions(now: Date): Promise<Record<string, unknown>> {
  const today = beijingDate(now)
  const [stamp, last] = await Promise.all([
    calendarStamp(),
    runRef()
      .get()
      .then(
        (r) => r.data as RunDoc | undefined,
        () => undefined,
      ),
  ])
  if (last?.computedOn === today && last.calendarStamp === stamp) return { skipped: '今日已计算' }
  const from = windowStart(today)
  const _ = db().command
  const cases = await fetchAll<CaseLite>(
    COLLECTIONS.cases,
    { decidedOn: _.and([_.gte(from), _.lte(today)]), acceptedOn: _.exists(true) },
    { matterId: true, departmentId: true, acceptedOn: true, decidedOn: true, pauses: true },
  )
  const cal = workCalendar()
  const groups = new Map<string, { matterId: string; departmentId: string; days: number[] }>()
  for (const c of cases) {
    const id = predictionId(c.matterId, c.departmentId)
    const g = groups.get(id) ?? { matterId: c.matterId, departmentId: c.departmentId, days: [] }
    g.days.push(processingDays({ acceptedOn: c.acceptedOn, decidedOn: c.decidedOn, pauses: c.pauses ?? [] }, cal))
    groups.set(id, g)
  }
  const run = `${today}-${randomHex(6)}`
  let published = 0
  for (const [id, g] of groups) {
    const figures = summarise(g.days)
    if (figures) published++
    const doc: Omit<PredictionDoc, '_id'> = {
      matterId: g.matterId,
      departmentId: g.departmentId,
      sample: g.days.length,
      ...(figures ? { typicalDays: figures.typicalDays, mostDays: figures.mostDays } : {}),
      run,
      computedAt: now,
    }
    await db().collection(COLLECTIONS.matterPredictions).doc(id).set({ data: doc })
  }
  // Matters whose cases all fell out of the window keep no old figures: every document this run
  // wrote has its time, so an earlier one is stale (a range the index serves; `run ≠` would scan).
  const { stats } = await db()
    .collection(COLLECTIONS.matterPredictions)
    .where({ computedAt: _.lt(now) })
    .remove()
  await runRef().set({ data: { computedOn: today, calendarStamp: stamp, at: now, cases: cases.length } })
  return { cases: cases.length, groups: groups.size, published, removed: stats.removed, from }
}
