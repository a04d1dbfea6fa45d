import { pausedDays, type Pause } from './deadline'
import type { WorkingDayCalendar } from './working-days'

/**
 * 预计办结: how long a matter usually takes, from the cases finished in the last six months.
 *
 * The method is USCIS's for its processing times: the time in which 80 % of the cases completed
 * over the last six months were completed, with the median beside it
 * (egov.uscis.gov/processing-times/more-info). Time here is working days from acceptance (受理) to
 * the decision (办结), less the days the case waited for a supplement (补正), which do not count
 * against the department either. Percentiles are nearest-rank: "多数在 N 个工作日内" then means at
 * least 80 % of the cases took N days or fewer, which is the sentence the citizen reads.
 * Fewer than MIN_SAMPLE cases say too little: only the promised limit is shown.
 */

export const PREDICTION_MONTHS = 6
export const MIN_SAMPLE = 20

export interface FinishedCase {
  acceptedOn: string
  decidedOn: string
  pauses: Pause[]
}

export interface MatterPrediction {
  /** Median working days (通常). */
  typicalDays: number
  /** 80th percentile (多数在…内). */
  mostDays: number
  sample: number
}

/** Working days a finished case took: acceptance to decision, less the days it was paused for a supplement. */
export function processingDays(c: FinishedCase, cal: WorkingDayCalendar): number {
  return Math.max(0, cal.workingDaysBetween(c.acceptedOn, c.decidedOn) - pausedDays(c.pauses, c.decidedOn, cal))
}

/** Nearest-rank percentile of a non-empty list: the smallest value with at least p % of the list at or below it. */
export function nearestRank(values: readonly number[], p: number): number {
  if (!values.length) throw new RangeError('没有数据')
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** The published figures for a list of processing times; none below MIN_SAMPLE. */
export function summarise(days: readonly number[]): MatterPrediction | undefined {
  if (days.length < MIN_SAMPLE) return undefined
  return { typicalDays: nearestRank(days, 50), mostDays: nearestRank(days, 80), sample: days.length }
}

/** The first decision date that counts: six calendar months before `today` (Beijing dates). */
export function windowStart(today: string): string {
  const [y, m, d] = today.split('-').map(Number)
  const month = m - PREDICTION_MONTHS
  const year = month <= 0 ? y - 1 : y
  const mm = month <= 0 ? month + 12 : month
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate()
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/**
 * The predicted decision date of an accepted case: acceptance plus the 80th percentile, plus the
 * days it has been paused; never later than the date promised (which already carries any approved
 * extension), so the prediction cannot contradict the promise.
 */
export function predictedDate(
  c: { acceptedOn: string; pauses: Pause[]; dueDate: string },
  prediction: MatterPrediction,
  today: string,
  cal: WorkingDayCalendar,
): string {
  const date = cal.addWorkingDays(c.acceptedOn, prediction.mostDays + pausedDays(c.pauses, today, cal))
  return date > c.dueDate ? c.dueDate : date
}
