import { calendarContract } from '../../types/contracts/calendar'
import { createHandler } from '../_kit/handler'
import { scheduled } from '../_kit/schedule'
import { applyChange, previewChange } from './actions/change'
import { affectedBookings, getYear, status } from './actions/read'
import { recomputeSweep } from './recompute'
import { provisionalReminder } from './reminder'

export const main = createHandler(
  calendarContract,
  { getYear, status, previewChange, applyChange, affectedBookings },
  scheduled({
    recomputeSweep: { cron: '0 */5 * * * * *', run: recomputeSweep },
    provisionalReminder: { cron: '0 0 9 * * * *', run: provisionalReminder },
  }),
)
