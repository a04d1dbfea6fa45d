import { accountContract } from '../../types/contracts/account'
import type { Profile } from '../../types/domain/profile'
import { callAction } from './cloud'

export const whoami = () => callAction(accountContract, 'whoami', {})

export const getProfile = () => callAction(accountContract, 'getProfile', {})

export const saveProfile = (profile: Profile) => callAction(accountContract, 'saveProfile', profile)
