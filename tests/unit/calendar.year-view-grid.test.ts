import { byDateOf, dayInfoLabel, defaultYear, monthWeeks, rangeText } from '../../src/packages/admin/calendar/model'

const spring = byDateOf([
  ...['05', '06', '07', '08'].map((d) => ({ date: `2027-02-${d}`, kind: 'off' as const, name: '春节' })),
  { date: '2027-02-20', kind: 'work' as const, name: '春节' },
])

describe('the administrator’s year view', () => {
  it('when February 2027 is laid out, then weeks start on Monday, the first 春节 day carries the name and the make-up Saturday is 班', () => {
    const weeks = monthWeeks(2027, 2, spring)
    // 2027-02-01 is a Monday: no padding before it; 28 days make exactly four weeks.
    expect(weeks).toHaveLength(4)
    expect(weeks[0][0]).toMatchObject({ date: '2027-02-01', type: 'workday' })
    const days = weeks.flat().filter((d) => d !== null)
    expect(days.filter((d) => d!.type === 'holiday').map((d) => [d!.date, d!.first])).toEqual([
      ['2027-02-05', true],
      ['2027-02-06', false],
      ['2027-02-07', false],
      ['2027-02-08', false],
    ])
    expect(days.find((d) => d!.date === '2027-02-20')).toMatchObject({ type: 'makeup', name: '春节' })
    expect(days.find((d) => d!.date === '2027-02-13')).toMatchObject({ type: 'weekend' })
  })

  it('when a month starts on a Friday (January 2027), then four empty cells come first and the last week is padded', () => {
    const weeks = monthWeeks(2027, 1, new Map())
    expect(weeks[0].slice(0, 4)).toEqual([null, null, null, null])
    expect(weeks[0][4]).toMatchObject({ date: '2027-01-01' })
    expect(weeks.every((w) => w.length === 7)).toBe(true)
  })

  it.each([
    ['2026-10-31', 2026],
    ['2026-11-01', 2027],
    ['2027-01-05', 2027],
  ])('when today is %s, then the page opens on %i', (today, year) => {
    expect(defaultYear(today)).toBe(year)
  })

  it('when dates are written as a run, then they read as the notices write them', () => {
    expect(rangeText(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'])).toBe('2月5日至8日')
    expect(rangeText(['2027-04-30', '2027-05-01'])).toBe('4月30日至5月1日')
    expect(rangeText(['2027-04-05'])).toBe('4月5日')
    expect(dayInfoLabel({ type: 'holiday', name: '春节' })).toBe('休息日（春节）')
    expect(dayInfoLabel({ type: 'weekend' })).toBe('周末')
  })
})
