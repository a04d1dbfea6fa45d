import { queueContract } from '../../../types/contracts/queue'
import { clientFor } from '../client'

export const queueApi = clientFor(queueContract)
