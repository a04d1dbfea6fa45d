import { visitContract } from '../../../types/contracts/visit'
import { clientFor } from '../client'

export const visitApi = clientFor(visitContract)
