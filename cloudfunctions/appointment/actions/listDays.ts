import type { AppointmentInput } from '../../../types/contracts/appointment'
import { beijingDate } from '../../../types/domain/dates'
import { getMatterDoc } from '../../_kit/catalog'
import type { ActionContext } from '../../_kit/handler'
import { workCalendar } from '../../_kit/work-calendar'
import { openSlots } from '../schedules'
import { remainingSeats } from '../../_bookings/seats'

/** The booking calendar: each open date of the horizon with the seats left across the matter's windows, marked where provisional. */
export async function listDays({ matterId }: AppointmentInput<'listDays'>, ctx: ActionContext) {
  const matter = await getMatterDoc(matterId)
  const today = beijingDate(ctx.now)
  if (!matter.flags.appointment) return { days: [], today }
  const slots = await openSlots(matter, 'horizon', ctx.now)
  const left = await remainingSeats(slots)
  const byDate = new Map<string, number>()
  for (const s of slots) byDate.set(s.date, (byDate.get(s.date) ?? 0) + (left.get(s.slotId) ?? 0))
  const cal = workCalendar()
  // A date in a year without the State Council's schedule may still turn into a holiday: say so.
  return {
    days: [...byDate]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, remaining]) => ({ date, remaining, ...(cal.spansProvisional(date, date) ? { provisional: true } : {}) })),
    today,
  }
}
