import { staffContract } from '../../types/contracts/staff'
import { createHandler } from '../_kit/handler'
import { bindInvitation, createInvitation } from './actions/invitations'
import { myShifts, signIn, signOut } from './actions/shifts'

export const main = createHandler(staffContract, { createInvitation, bindInvitation, signIn, signOut, myShifts })
