/**
 * The 督办单's pure rules (types/domain/supervision-orders.ts) on the built-in working-day
 * calendar: who may take which step from which state, the reply's due date over weekends and the
 * 2026 National Day holiday (with its make-up Saturday), the due date after a send-back, and when
 * a red case has been red long enough for an automatic order.
 */
import {
  allowedOrderActions,
  dueAfterSendBack,
  isOverdue,
  orderDueDate,
  orderRefusal,
  redLongEnough,
} from '../../types/domain/supervision-orders'
import { builtInCalendar as cal } from '../../types/domain/working-days'

const at = (s: string) => new Date(`${s}+08:00`)

describe('the state table', () => {
  it('when an order waits for its reply, then only the department’s lead may reply; when replied, only the office may close or send back', () => {
    expect(allowedOrderActions('open', ['lead'])).toEqual(['reply'])
    expect(allowedOrderActions('returned', ['lead'])).toEqual(['reply'])
    expect(allowedOrderActions('open', ['office'])).toEqual([])
    expect(allowedOrderActions('replied', ['office'])).toEqual(['close', 'sendBack'])
    expect(allowedOrderActions('replied', ['lead'])).toEqual([])
    expect(allowedOrderActions('closed', ['office', 'lead'])).toEqual([])
    expect(orderRefusal('reply', [], 'open')).toMatchObject({ kind: 'who' })
    expect(orderRefusal('close', ['office'], 'closed')).toMatchObject({ kind: 'state', message: '督办单已办结，不能办结' })
  })
})

describe('deadlines', () => {
  it('when an order is issued on a Friday or before a holiday, then its 5 working days skip the days off and count the make-up day', () => {
    expect(orderDueDate('2026-11-06', 5, cal)).toBe('2026-11-13')
    // 1–7 October off; 8, 9, Saturday 10 (made up), 12 and 13 October worked.
    expect(cal.isWorkingDay('2026-10-10')).toBe(true)
    expect(orderDueDate('2026-09-30', 5, cal)).toBe('2026-10-13')
  })

  it('when the due date itself has come, then the order is still in time; the next day it is overdue, unless replied', () => {
    expect(isOverdue({ state: 'open', dueDate: '2026-11-09' }, '2026-11-09')).toBe(false)
    expect(isOverdue({ state: 'open', dueDate: '2026-11-09' }, '2026-11-10')).toBe(true)
    expect(isOverdue({ state: 'returned', dueDate: '2026-11-09' }, '2026-11-10')).toBe(true)
    expect(isOverdue({ state: 'replied', dueDate: '2026-11-09' }, '2026-11-10')).toBe(false)
  })

  it('when an order is sent back, then the extension counts from the later of the due date and today; past due, no extension is refused', () => {
    expect(dueAfterSendBack('2026-11-09', '2026-11-04', 0, cal)).toBe('2026-11-09')
    expect(dueAfterSendBack('2026-11-09', '2026-11-04', 2, cal)).toBe('2026-11-11')
    expect(dueAfterSendBack('2026-11-09', '2026-11-12', 2, cal)).toBe('2026-11-16')
    expect(dueAfterSendBack('2026-11-09', '2026-11-12', 0, cal)).toBeUndefined()
  })
})

describe('red long enough', () => {
  it('when a case turned red on a Friday afternoon, then the weekend does not count: it qualifies on Tuesday at the same time', () => {
    const red = at('2026-11-06T15:00:00')
    expect(redLongEnough(red, at('2026-11-09T16:00:00'), 2, cal)).toBe(false)
    expect(redLongEnough(red, at('2026-11-10T14:59:00'), 2, cal)).toBe(false)
    expect(redLongEnough(red, at('2026-11-10T15:00:00'), 2, cal)).toBe(true)
    expect(redLongEnough(red, at('2026-11-11T08:00:00'), 2, cal)).toBe(true)
  })
})
