import { barredUntil, DEFAULT_BOOKING_POLICY, applicantSchema } from '../../types/domain/booking'
import { bookableDates, daySlots, DEFAULT_SCHEDULE, isBeforeCutoff, parseSlotId, slotIdOf } from '../../types/domain/schedule'
import { estimatedWaitMinutes, ticketLabel, ticketSortKey } from '../../types/domain/queue'
import { builtInCalendar as workingDays, createWorkingDayCalendar } from '../../types/domain/working-days'
import { idNumberFor } from '../support/people'

const at = (iso: string) => new Date(`${iso}+08:00`)

describe('slots of a window day', () => {
  it('when a working day has the default hours, then it opens 14 half-hour slots, none over lunch', () => {
    const slots = daySlots('win-01', DEFAULT_SCHEDULE, '2026-09-29', true)
    expect(slots).toHaveLength(6 + 8)
    expect(slots[0]).toEqual({
      slotId: 'win-01-20260929-0900',
      windowId: 'win-01',
      date: '2026-09-29',
      start: '09:00',
      end: '09:30',
      capacity: 3,
    })
    expect(slots.map((s) => s.start)).not.toContain('12:00')
    expect(slots.at(-1)!.end).toBe('17:30')
  })

  it.each([
    ['closed by staff', false, { closed: true, extraPeriods: [] }, 0],
    ['a holiday with extended hours', false, { closed: false, extraPeriods: [{ start: '09:00', end: '10:00' }] }, 2],
    ['a working day with an evening added', true, { closed: false, extraPeriods: [{ start: '17:30', end: '19:00' }] }, 17],
    ['a working day with overlapping extra hours', true, { closed: false, extraPeriods: [{ start: '09:00', end: '10:00' }] }, 14],
  ])('when the day is %s, then %#: it has the right number of slots', (_l, working, override, n) => {
    expect(daySlots('win-01', DEFAULT_SCHEDULE, '2026-10-02', working, override)).toHaveLength(n)
  })

  it('when a slot id is parsed, then it gives back its window, date and start', () => {
    expect(parseSlotId(slotIdOf('win-12', '2026-10-10', '13:30'))).toEqual({ windowId: 'win-12', date: '2026-10-10', start: '13:30' })
    expect(parseSlotId('win-12-2026-10-10')).toBeUndefined()
  })

  it('when the same-day cut-off is 30 minutes, then a slot 30 minutes away is closed and 31 minutes away open', () => {
    expect(isBeforeCutoff({ date: '2026-09-28', start: '10:00' }, 30, at('2026-09-28T09:30:00'))).toBe(false)
    expect(isBeforeCutoff({ date: '2026-09-28', start: '10:00' }, 30, at('2026-09-28T09:29:00'))).toBe(true)
  })
})

describe('the booking horizon', () => {
  it('when today is the Monday before National Day, then the next 10 working days reach 10-16 and include the make-up Saturday', () => {
    const dates = bookableDates(at('2026-09-28T09:00:00'), 10, workingDays)
    expect(dates[0]).toBe('2026-09-28')
    expect(dates.at(-1)).toBe('2026-10-16')
    expect(dates).toContain('2026-10-10')
  })

  it('when the horizon runs past the last announced year, then it goes on into the provisional year with its usual length', () => {
    const calendar = createWorkingDayCalendar()
    const dates = bookableDates(at('2026-12-24T09:00:00'), 10, calendar)
    // 12-25, 28, 29, 30, 31, then 2027-01-01 is 元旦 (statutory), 01-04 … 01-08.
    expect(dates.at(-1)).toBe('2027-01-08')
    expect(dates).toContain('2027-01-01')
    expect(dates.filter((d) => calendar.isWorkingDay(d) && d > '2026-12-24')).toHaveLength(10)
  })
})

describe('the no-show bar', () => {
  const day = (d: string) => at(`${d}T10:00:00`)
  it.each([
    ['3 no-shows within 90 days', ['2026-01-05', '2026-02-05', '2026-03-05'], '2026-03-10', '2026-04-04'],
    ['3 no-shows spread over more than 90 days', ['2026-01-05', '2026-03-05', '2026-04-10'], '2026-04-11', undefined],
    ['3 no-shows whose bar has run out', ['2026-01-05', '2026-02-05', '2026-03-05'], '2026-04-05', undefined],
    ['2 no-shows', ['2026-03-01', '2026-03-05'], '2026-03-06', undefined],
  ])('when a person has %s, then the bar ends %s → %s', (_l, dates, now, until) => {
    const r = barredUntil(dates.map(day), day(now), DEFAULT_BOOKING_POLICY)
    expect(r ? r.toISOString().slice(0, 10) : undefined).toBe(until && day(until).toISOString().slice(0, 10))
  })
})

describe('the queue order', () => {
  it('when booked and walk-in tickets share a period, then booked come first in booking order, then walk-ins by number', () => {
    const keys = [
      ['W2', ticketSortKey({ kind: 'walk_in', takenAt: '10:05', number: 4 })],
      ['B2', ticketSortKey({ kind: 'booked', slotStart: '10:00', bookedAt: new Date('2026-09-20T01:00:05Z') })],
      ['W1', ticketSortKey({ kind: 'walk_in', takenAt: '09:40', number: 1 })],
      ['B1', ticketSortKey({ kind: 'booked', slotStart: '10:00', bookedAt: new Date('2026-09-20T01:00:00Z') })],
    ]
    expect(keys.sort((a, b) => a[1].localeCompare(b[1])).map(([k]) => k)).toEqual(['W1', 'B1', 'B2', 'W2'])
  })

  it('when slots are shorter than the period, then a booking for 10:15 still comes before a walk-in taken at 10:20, and after one of 09:50', () => {
    const keys = [
      ['W-10:20', ticketSortKey({ kind: 'walk_in', takenAt: '10:20', number: 7 })],
      ['B-10:15', ticketSortKey({ kind: 'booked', slotStart: '10:15', bookedAt: new Date('2026-09-20T01:00:00Z') })],
      ['B-10:00', ticketSortKey({ kind: 'booked', slotStart: '10:00', bookedAt: new Date('2026-09-20T02:00:00Z') })],
      ['W-09:50', ticketSortKey({ kind: 'walk_in', takenAt: '09:50', number: 3 })],
    ]
    expect(keys.sort((a, b) => a[1].localeCompare(b[1])).map(([k]) => k)).toEqual(['W-09:50', 'B-10:00', 'B-10:15', 'W-10:20'])
  })

  it('when labels and waits are computed, then they read like the hall display', () => {
    expect(ticketLabel('A', 23)).toBe('A023')
    expect(estimatedWaitMinutes(6, [10, 6], 2)).toBe(24)
    expect(estimatedWaitMinutes(3, [], 1)).toBe(24)
  })
})

describe('the applicant form', () => {
  it('when the fields are valid, then the ID number is upper-cased; when not, then each field names its problem', () => {
    const id = idNumberFor(7)
    expect(applicantSchema.parse({ name: '王小明', idNumber: id.toLowerCase(), phone: '13912345678' }).idNumber).toBe(id.toUpperCase())
    const r = applicantSchema.safeParse({ name: 'x', idNumber: '110101198001011234', phone: '12345' })
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['idNumber', 'name', 'phone'])
  })
})
