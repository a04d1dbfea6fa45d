import { calendarContract } from '../../../types/contracts/calendar'
import { clientFor } from '../client'

export const calendarApi = clientFor(calendarContract)
