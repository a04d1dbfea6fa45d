import type { CalendarYearView } from '../../../types/contracts/calendar'
import type { CalendarInput } from '../../../types/contracts/calendar'
import { provisionalBannerText, provisionalYearsToWarn } from '../../../types/domain/calendar-change'
import { maskPhone } from '../../../types/domain/masking'
import { beijingDate } from '../../../types/domain/working-days'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'
import type { ActionContext } from '../../_kit/handler'
import { workCalendar } from '../../_kit/work-calendar'
import type { BookingDoc } from '../../_bookings/booking'
import { bookingItem } from '../consequences'
import { changeDocs, yearState } from '../years'

const CHANGES_SHOWN = 20

/** A year as the administrator's year view shows it, with its change log. */
export async function getYear({ year }: CalendarInput<'getYear'>): Promise<CalendarYearView> {
  const [{ current, stored, version }, { data: changes }] = await Promise.all([
    yearState(year),
    changeDocs().where({ year }).orderBy('at', 'desc').limit(CHANGES_SHOWN).get(),
  ])
  return {
    year,
    status: current.status,
    stored: !!stored,
    version,
    ...(current.source ? { source: current.source } : {}),
    ...(stored?.enteredBy ? { enteredBy: `${stored.enteredBy.name}（${stored.enteredBy.staffNo}）` } : {}),
    ...(stored?.enteredAt ? { enteredAt: new Date(stored.enteredAt).toISOString() } : {}),
    days: current.days,
    recomputing: !!stored?.pending,
    changes: changes.map((c) => ({
      version: c.version,
      kind: c.kind,
      at: new Date(c.at).toISOString(),
      by: `${c.by.name}（${c.by.staffNo}）`,
      summary: c.summary,
      ...(c.source ? { source: c.source } : {}),
    })),
  }
}

/** Today's warning for staff: the current year, and from 1 November the next, while provisional. */
export async function status(_input: CalendarInput<'status'>, ctx: ActionContext) {
  const today = beijingDate(ctx.now)
  const years = provisionalYearsToWarn(today, workCalendar())
  return { today, ...(years.length ? { banner: { years, text: provisionalBannerText(years) } } : {}) }
}

/**
 * Bookings on dates the calendar turned into days off, still to be rescheduled. Window staff and
 * leads see their department's (with the phone number, to call the citizen); the supervisor and the
 * administrator see all, the phone masked.
 */
export async function affectedBookings(_input: CalendarInput<'affectedBookings'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const _ = db().command
  const own = caller.role === 'window_staff' || caller.role === 'dept_lead'
  const where = {
    status: 'booked',
    dayOff: _.exists(true),
    date: _.gte(beijingDate(ctx.now)),
    ...(own ? { departmentId: caller.staff!.departmentId } : {}),
  }
  const docs = await fetchAll<BookingDoc>(COLLECTIONS.bookings, where)
  return {
    items: docs
      .sort((a, b) => `${a.date} ${a.start}`.localeCompare(`${b.date} ${b.start}`))
      .map((b) => ({
        bookingId: b._id,
        ...bookingItem(b),
        phone: own ? b.applicant.phone : maskPhone(b.applicant.phone),
        holiday: b.dayOff!.holiday,
      })),
  }
}
