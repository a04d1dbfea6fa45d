import { accountContract } from './account'
import { appointmentContract } from './appointment'
import { calendarContract } from './calendar'
import { caseContract } from './case'
import { catalogContract } from './catalog'
import { inquiryContract } from './inquiry'
import { notifyContract } from './notify'
import { queueContract } from './queue'
import { staffContract } from './staff'

/** Every cloud function's contract: the API reference and the build both read this list. */
export const contracts = [
  accountContract,
  catalogContract,
  appointmentContract,
  queueContract,
  caseContract,
  staffContract,
  notifyContract,
  inquiryContract,
  calendarContract,
] as const
export {
  accountContract,
  appointmentContract,
  calendarContract,
  caseContract,
  catalogContract,
  inquiryContract,
  notifyContract,
  queueContract,
  staffContract,
}
