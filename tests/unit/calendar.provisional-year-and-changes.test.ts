import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { closedDates, diffCalendars, provisionalYearsToWarn, yearFromNotice, yearWithDay } from '../../types/domain/calendar-change'
import { parseHolidayNotice } from '../../types/domain/holiday-notice'
import { statutoryHolidays } from '../../types/domain/statutory-holidays'
import { builtInCalendar, createWorkingDayCalendar } from '../../types/domain/working-days'

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8').replace(/^#.*\n/, '')

describe('a provisional year from the statute (国务院令第795号)', () => {
  it('when 2027 has no notice, then exactly the 13 statutory days are off, weekends are off, and there is no make-up day', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      ...['05', '06', '07', '08'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
      // 清明 is the solar term of 2027 (chinese-days' data): Monday 5 April.
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      ...['01', '02', '03'].map((d) => ({ date: `2027-10-${d}`, name: '国庆节' })),
    ])
    const y = builtInCalendar.year(2027)
    expect(y.status).toBe('provisional')
    expect(y.days.filter((d) => d.kind === 'off')).toHaveLength(13)
    expect(y.days.filter((d) => d.kind === 'work')).toEqual([])
    let off = 0
    for (let d = '2027-01-01'; d <= '2027-12-31'; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay()
      if (!builtInCalendar.isWorkingDay(d)) off++
      if (weekday === 0 || weekday === 6) expect([d, builtInCalendar.isWorkingDay(d)]).toEqual([d, false])
    }
    // 104 weekend days in 2027; six of the 13 (02-06, 02-07, 05-01, 05-02, 10-02, 10-03) fall on them, no compensation.
    expect(off).toBe(104 + 7)
  })

  it('when the statute is applied to 2025 and 2026, then its days off are among the days the official notices gave', () => {
    for (const year of [2025, 2026]) {
      const official = new Set(
        builtInCalendar
          .year(year)
          .days.filter((d) => d.kind === 'off')
          .map((d) => d.date),
      )
      for (const d of statutoryHolidays(year)) expect([year, d.date, official.has(d.date)]).toEqual([year, d.date, true])
    }
  })

  it('when 中秋 falls on 1 October (2031), then the day is listed once with both names', () => {
    expect(statutoryHolidays(2031).filter((d) => d.date === '2031-10-01')).toEqual([{ date: '2031-10-01', name: '国庆节、中秋节' }])
    expect(statutoryHolidays(2031)).toHaveLength(12)
  })
})

describe('what a change of the calendar changes', () => {
  it('when the official 2026 notice is entered over the library year, then nothing differs', () => {
    const parsed = parseHolidayNotice(fixture('notice-2026.txt'), 2026)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    const after = createWorkingDayCalendar([yearFromNotice(parsed.notice, { title: parsed.notice.title ?? '' })])
    expect(diffCalendars(builtInCalendar, after, 2026)).toEqual([])
  })

  it('when one weekday is made a day off and one Saturday a working day, then exactly those two dates differ and one closes', () => {
    const base = builtInCalendar.year(2027)
    const changed = yearWithDay(yearWithDay(base, '2027-03-01', 'off', '临时休息'), '2027-03-06', 'work', undefined)
    const diff = diffCalendars(builtInCalendar, createWorkingDayCalendar([changed]), 2027)
    expect(diff).toEqual([
      { date: '2027-03-01', before: { working: true, type: 'workday' }, after: { working: false, type: 'holiday', name: '临时休息' } },
      { date: '2027-03-06', before: { working: false, type: 'weekend' }, after: { working: true, type: 'makeup', name: '调休上班' } },
    ])
    expect(closedDates(diff)).toEqual(['2027-03-01'])
    expect(changed.status).toBe('provisional')
    // Back to default removes the entry.
    expect(yearWithDay(changed, '2027-03-01', 'default', undefined).days.some((d) => d.date === '2027-03-01')).toBe(false)
  })

  it.each([
    ['2026-10-31', []],
    ['2026-11-01', [2027]],
    ['2026-12-31', [2027]],
    ['2027-01-04', [2027]],
    ['2027-11-02', [2027, 2028]],
  ])('when today is %s and nothing is entered after 2026, then staff are warned about %j', (today, years) => {
    expect(provisionalYearsToWarn(today, builtInCalendar)).toEqual(years)
  })

  it('when 2027 is entered as official, then the warning ends', () => {
    const cal = createWorkingDayCalendar([{ year: 2027, status: 'official', days: [] }])
    expect(provisionalYearsToWarn('2026-12-01', cal)).toEqual([])
  })
})
