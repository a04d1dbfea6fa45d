import { assistContract } from '../../../types/contracts/assist'
import { clientFor } from '../client'

export const assistApi = clientFor(assistContract)
