import { calendarContract, type CalendarChangeInput } from '../../types/contracts/calendar'
import { callAction } from './cloud'

// 工作日历: the centre's working-day calendar. Reading is for all staff; changes are the admin's.

export const getCalendarYear = (year: number) => callAction(calendarContract, 'getYear', { year })

/** Today's calendar status: `banner` while a year the staff should know about is still provisional. */
export const calendarStatus = () => callAction(calendarContract, 'status', {})

/** Bookings on dates that became days off, for the department to call (the phone masked for the supervisor and the admin). */
export const affectedBookings = () => callAction(calendarContract, 'affectedBookings', {})

/** What a change would do (nothing is saved): the parsed notice, the days that differ and the impact. */
export const previewCalendarChange = (year: number, change: CalendarChangeInput) =>
  callAction(calendarContract, 'previewChange', { year, change })

/** Saves a previewed change; `expectedVersion` is the preview's version, so a change made meanwhile answers CONFLICT. */
export const applyCalendarChange = (year: number, change: CalendarChangeInput, expectedVersion: number) =>
  callAction(calendarContract, 'applyChange', { year, change, expectedVersion })
