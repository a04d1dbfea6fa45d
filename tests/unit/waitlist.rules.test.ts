/** 候补's pure rules: how long a seat is held, when a date's queue closes, which slots fit an entry. */
import { DEFAULT_WAITLIST_POLICY as P, holdUntil, queueClosesAt, queueOpen, slotFits } from '../../types/domain/waitlist'

const at = (iso: string) => new Date(`${iso}+08:00`)

describe('holds and the queue closing', () => {
  it('when the slot starts within 24 hours, then it is held 15 minutes, else 12 hours', () => {
    expect(holdUntil({ date: '2026-09-29', start: '09:00' }, at('2026-09-28T09:00:00'), P)).toEqual(at('2026-09-28T09:15:00'))
    expect(holdUntil({ date: '2026-09-29', start: '09:00' }, at('2026-09-28T08:59:00'), P)).toEqual(at('2026-09-28T20:59:00'))
  })

  it('when it is 18:00 the day before, then the queue for that date is closed', () => {
    expect(queueClosesAt('2026-10-08', P)).toEqual(at('2026-10-07T18:00:00'))
    expect(queueOpen('2026-10-08', at('2026-10-07T17:59:59'), P)).toBe(true)
    expect(queueOpen('2026-10-08', at('2026-10-07T18:00:00'), P)).toBe(false)
  })

  it('when a slot is in the dates, the half-day and a window of the entry, then it fits; otherwise not', () => {
    const e = { from: '2026-10-08', to: '2026-10-09', half: 'pm' as const, windowIds: ['win-01'] }
    expect(slotFits(e, { windowId: 'win-01', date: '2026-10-09', start: '13:30' })).toBe(true)
    expect(slotFits(e, { windowId: 'win-01', date: '2026-10-09', start: '11:30' })).toBe(false)
    expect(slotFits(e, { windowId: 'win-02', date: '2026-10-09', start: '13:30' })).toBe(false)
    expect(slotFits(e, { windowId: 'win-01', date: '2026-10-12', start: '13:30' })).toBe(false)
    expect(slotFits({ ...e, half: 'any' }, { windowId: 'win-01', date: '2026-10-08', start: '09:00' })).toBe(true)
  })
})
