import { accountContract } from '../../../types/contracts/account'
import { clientFor } from '../client'

export const accountApi = clientFor(accountContract)
