import { accountContract } from '../../types/contracts/account'
import { createHandler } from '../_kit/handler'
import { deleteProfile, getProfile, saveProfile } from './actions/profile'
import { whoami } from './actions/whoami'

export const main = createHandler(accountContract, { whoami, getProfile, saveProfile, deleteProfile })
