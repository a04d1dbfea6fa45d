import { complaintContract } from '../../../types/contracts/complaint'
import { clientFor } from '../client'

export const complaintApi = clientFor(complaintContract)
