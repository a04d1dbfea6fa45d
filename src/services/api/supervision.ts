import { supervisionContract } from '../../../types/contracts/supervision'
import { clientFor } from '../client'

export const supervisionApi = clientFor(supervisionContract)
