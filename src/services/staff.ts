import { staffContract } from '../../types/contracts/staff'
import type { InputOf } from '../../types/contracts/contract'
import { callAction } from './cloud'

/** Binds the current WeChat account as staff with a one-time invitation code. */
export const bindInvitation = (code: string) => callAction(staffContract, 'bindInvitation', { code })

// 签到签退: the shift record of the signed-in staff member.
export const signIn = (windowId?: string) => callAction(staffContract, 'signIn', windowId ? { windowId } : {})

export const signOut = () => callAction(staffContract, 'signOut', {})

export const myShifts = () => callAction(staffContract, 'myShifts', {})

export const createInvitation = (input: InputOf<(typeof staffContract.actions)['createInvitation']>) =>
  callAction(staffContract, 'createInvitation', input)
