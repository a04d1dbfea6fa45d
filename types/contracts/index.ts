import { accountContract } from './account'
import { appointmentContract } from './appointment'
import { assistContract } from './assist'
import { boardContract } from './board'
import { calendarContract } from './calendar'
import { caseContract } from './case'
import { catalogContract } from './catalog'
import { complaintContract } from './complaint'
import { inquiryContract } from './inquiry'
import { noticeContract } from './notice'
import { notifyContract } from './notify'
import { queueContract } from './queue'
import { ratingContract } from './rating'
import { staffContract } from './staff'
import { supervisionContract } from './supervision'
import { visitContract } from './visit'

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
  assistContract,
  visitContract,
  supervisionContract,
  noticeContract,
  boardContract,
] as const
export {
  accountContract,
  appointmentContract,
  assistContract,
  boardContract,
  calendarContract,
  caseContract,
  catalogContract,
  complaintContract,
  inquiryContract,
  noticeContract,
  notifyContract,
  queueContract,
  ratingContract,
  staffContract,
  supervisionContract,
  visitContract,
}
