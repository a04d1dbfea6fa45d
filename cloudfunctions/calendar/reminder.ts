import { provisionalYearsToWarn } from '../../types/domain/calendar-change'
import { beijingDate } from '../../types/domain/working-days'
import { pageLink, ROUTES } from '../../types/routes'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { enqueueNotification } from '../_kit/outbox'
import { workCalendar } from '../_kit/work-calendar'
import type { Staff } from '../../types/domain/staff'

/**
 * Timer trigger, each morning: while a year that staff are warned about (the current one, and from
 * 1 November the next) is still provisional, every administrator finds a note in the message
 * centre. Its key names the year, so each administrator gets it once per year.
 */
export async function provisionalReminder(now: Date) {
  const years = provisionalYearsToWarn(beijingDate(now), workCalendar())
  if (!years.length) return { queued: 0 }
  const admins = await fetchAll<Staff>(COLLECTIONS.staff, { role: 'admin', active: true })
  let queued = 0
  for (const year of years) {
    for (const a of admins) {
      const fresh = await enqueueNotification({
        event: 'calendar.provisional_year',
        subjectId: `calendar-${year}`,
        recipient: a.openid,
        data: { year },
        page: pageLink(ROUTES.adminCalendar),
      })
      if (fresh) queued++
    }
  }
  return { queued }
}
