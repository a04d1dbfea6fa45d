import { accountContract } from './account'
import { appointmentContract } from './appointment'
import { calendarContract } from './calendar'
import { caseContract } from './case'
import { catalogContract } from './catalog'
import { complaintContract } from './complaint'
import { inquiryContract } from './inquiry'
import { notifyContract } from './notify'
import { queueContract } from './queue'
import { ratingContract } from './rating'
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
  ratingContract,
  complaintContract,
] as const
export {
  accountContract,
  appointmentContract,
  calendarContract,
  caseContract,
  catalogContract,
  complaintContract,
  inquiryContract,
  notifyContract,
  queueContract,
  ratingContract,
  staffContract,
}
