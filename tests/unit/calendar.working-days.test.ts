import { isWorkday as libraryIsWorkday } from 'chinese-days'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { LIBRARY_YEARS, beijingDate, builtInCalendar as workingDays, createWorkingDayCalendar } from '../../types/domain/working-days'

describe('working days in Beijing dates', () => {
  it.each([
    ['2026-10-01', false, '国庆节'],
    ['2026-10-07', false, '国庆节最后一天'],
    ['2026-10-08', true, '节后第一个工作日'],
    ['2026-10-10', true, '周六调休上班'],
    ['2026-09-20', true, '周日调休上班'],
    ['2026-10-11', false, '普通周日'],
    ['2026-02-14', true, '春节前周六调休'],
    ['2026-02-17', false, '春节'],
    ['2025-10-11', true, '2025年国庆调休周六'],
    ['2025-10-03', false, '2025年国庆'],
    ['2025-01-01', false, '元旦'],
    ['2025-12-31', true, '普通周三'],
  ])('when the date is %s, then working day is %s (%s)', (date, expected) => {
    expect(workingDays.isWorkingDay(date)).toBe(expected)
  })

  it('when every day of 2025-2026 is checked, then it agrees with chinese-days', () => {
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = nextDay(d)) expect([d, workingDays.isWorkingDay(d)]).toEqual([d, libraryIsWorkday(d)])
  })

  it.each([
    ['2026-09-30', 5, '2026-10-13'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-08', 2, '2026-10-10'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-10-03', 0, '2026-10-08'],
    ['2026-10-09', 0, '2026-10-09'],
  ])('when adding working days to %s + %i, then the result is %s', (from, n, expected) => {
    expect(workingDays.addWorkingDays(from, n)).toBe(expected)
  })

  it('when counting working days across the national day holiday, then holidays are skipped and make-up days count', () => {
    // (2026-09-30, 2026-10-13]: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
    expect(workingDays.workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5)
    expect(workingDays.workingDaysBetween('2026-10-13', '2026-09-30')).toBe(-5)
    expect(workingDays.workingDaysBetween('2026-10-08', '2026-10-08')).toBe(0)
  })

  it('when a date in 2027 is asked and no notice is entered, then the statutory days off and weekends answer, marked provisional', () => {
    expect(workingDays.isWorkingDay('2027-01-01')).toBe(false)
    expect(workingDays.isWorkingDay('2027-01-04')).toBe(true)
    expect(workingDays.dayInfo('2027-02-05')).toEqual({ date: '2027-02-05', working: false, type: 'holiday', name: '春节' })
    expect(workingDays.year(2027).status).toBe('provisional')
    expect(workingDays.year(2026).status).toBe('official')
    // A deadline that runs into the unannounced year is computed, and says so.
    expect(workingDays.addWorkingDays('2026-12-25', 10)).toBe('2027-01-11')
    expect(workingDays.spansProvisional('2026-12-25', '2027-01-11')).toBe(true)
    expect(workingDays.spansProvisional('2026-12-01', '2026-12-31')).toBe(false)
  })

  it('when a stored year lists days off and make-up days, then they replace the built-in answer for that year', () => {
    const cal = createWorkingDayCalendar([
      {
        year: 2027,
        status: 'official',
        days: [
          { date: '2027-01-01', kind: 'off', name: '元旦' },
          { date: '2027-01-09', kind: 'work', name: '元旦' },
        ],
      },
    ])
    expect(cal.isWorkingDay('2027-01-01')).toBe(false)
    expect(cal.isWorkingDay('2027-01-04')).toBe(true)
    expect(cal.dayInfo('2027-01-09')).toEqual({ date: '2027-01-09', working: true, type: 'makeup', name: '元旦' })
    expect(cal.isWorkingDay('2027-01-10')).toBe(false)
    // Not listed in the stored year, so an ordinary weekday now.
    expect(cal.isWorkingDay('2027-02-08')).toBe(true)
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
    expect(cal.spansProvisional('2026-12-31', '2027-12-31')).toBe(false)
  })

  it('when a year of chinese-days is read through the calendar, then every day agrees with the library and holidays carry the notice names', () => {
    const y = workingDays.year(2026)
    expect(y.days.filter((d) => d.kind === 'work').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
    expect(workingDays.dayInfo('2026-04-05')).toMatchObject({ type: 'holiday', name: '清明节' })
    expect(workingDays.dayInfo('2026-01-04')).toMatchObject({ type: 'makeup', name: '元旦' })
  })

  it('when the pinned library years are checked, then chinese-days ships exactly those years', () => {
    const years = join(require.resolve('chinese-days/package.json'), '..', 'dist', 'years')
    expect(existsSync(join(years, `${LIBRARY_YEARS.last}.json`))).toBe(true)
    expect(existsSync(join(years, `${LIBRARY_YEARS.last + 1}.json`))).toBe(false)
    expect(existsSync(join(years, `${LIBRARY_YEARS.first}.json`))).toBe(true)
  })

  it('when an instant is late evening UTC, then its Beijing date is the next day', () => {
    expect(beijingDate(new Date('2026-10-09T17:30:00Z'))).toBe('2026-10-10')
    expect(beijingDate(new Date('2026-10-09T15:59:59Z'))).toBe('2026-10-09')
  })

  it('when a malformed date is given, then it is refused', () => {
    expect(() => workingDays.isWorkingDay('2026-02-30')).toThrow(RangeError)
    expect(() => workingDays.isWorkingDay('20261001')).toThrow(RangeError)
  })
})

function nextDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}
