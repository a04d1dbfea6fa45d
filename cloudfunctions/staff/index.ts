import { staffContract } from '../../types/contracts/staff'
import { createHandler } from '../_kit/handler'
import { attendanceMonth, attendanceRecord, exportAttendance } from './actions/attendance'
import { hallCode, listDisplays, registerDisplay, revokeDisplay } from './actions/hall-code'
import { bindInvitation, createInvitation } from './actions/invitations'
import { myShifts, signIn, signOut } from './actions/shifts'

export const main = createHandler(staffContract, {
  createInvitation,
  bindInvitation,
  signIn,
  signOut,
  myShifts,
  registerDisplay,
  listDisplays,
  revokeDisplay,
  hallCode,
  attendanceMonth,
  attendanceRecord,
  exportAttendance,
})
