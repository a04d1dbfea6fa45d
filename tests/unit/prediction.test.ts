import { builtInCalendar as cal } from '../../types/domain/working-days'
import { MIN_SAMPLE, nearestRank, predictedDate, processingDays, summarise, windowStart } from '../../types/domain/prediction'

/** An independent percentile: the smallest value v with at least p % of the list at or below it, by counting. */
const byCounting = (values: number[], p: number) =>
  [...new Set(values)].sort((a, b) => a - b).find((v) => values.filter((x) => x <= v).length >= (p / 100) * values.length)

describe('预计办结 figures', () => {
  it('when a case paused for a supplement, then the paused working days do not count', () => {
    // 2026-11-02 is a Monday: accepted Monday, paused Wed→Fri (2 working days), decided the next Wednesday.
    expect(
      processingDays({ acceptedOn: '2026-11-02', decidedOn: '2026-11-11', pauses: [{ from: '2026-11-04', to: '2026-11-06' }] }, cal),
    ).toBe(5)
    // Over the National Day week: 2026-09-30 → 2026-10-09 has only a few working days.
    expect(processingDays({ acceptedOn: '2026-09-30', decidedOn: '2026-10-09', pauses: [] }, cal)).toBe(
      cal.workingDaysBetween('2026-09-30', '2026-10-09'),
    )
  })

  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 80],
    [[3, 3, 3, 9, 9, 1, 4, 4, 20, 2, 2, 5, 7], 80],
    [[5], 80],
    [[7, 7, 7, 7, 1], 50],
  ])('when the list is %j, then the %i th percentile is the counted one', (values, p) => {
    expect(nearestRank(values, p)).toBe(byCounting(values, p))
  })

  it('when fewer than 20 cases finished, then nothing is published; from 20 on, the median and 80th percentile with the sample', () => {
    expect(summarise(Array.from({ length: MIN_SAMPLE - 1 }, () => 3))).toBeUndefined()
    const days = Array.from({ length: 25 }, (_, i) => (i % 10) + 1)
    expect(summarise(days)).toEqual({ typicalDays: byCounting(days, 50), mostDays: byCounting(days, 80), sample: 25 })
  })

  it("when the window is six months, then it starts on the same day six months back, or the month's last day", () => {
    expect(windowStart('2026-12-01')).toBe('2026-06-01')
    expect(windowStart('2026-03-15')).toBe('2025-09-15')
    expect(windowStart('2026-08-31')).toBe('2026-02-28')
  })

  it('when the 80th percentile reaches past the promise, then the prediction is the promised date; paused days move it later', () => {
    const figures = { typicalDays: 3, mostDays: 5, sample: 30 }
    expect(predictedDate({ acceptedOn: '2026-11-02', pauses: [], dueDate: '2026-11-20' }, figures, '2026-11-03', cal)).toBe('2026-11-09')
    expect(
      predictedDate(
        { acceptedOn: '2026-11-02', pauses: [{ from: '2026-11-03', to: '2026-11-05' }], dueDate: '2026-11-20' },
        figures,
        '2026-11-06',
        cal,
      ),
    ).toBe('2026-11-11')
    expect(
      predictedDate({ acceptedOn: '2026-11-02', pauses: [], dueDate: '2026-11-05' }, { ...figures, mostDays: 9 }, '2026-11-03', cal),
    ).toBe('2026-11-05')
  })
})
