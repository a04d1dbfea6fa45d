import { staffContract } from '../../../types/contracts/staff'
import { clientFor } from '../client'

export const staffApi = clientFor(staffContract)
