import { notifyContract } from '../../../types/contracts/notify'
import { clientFor } from '../client'

export const notifyApi = clientFor(notifyContract)
