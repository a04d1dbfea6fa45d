import { accountContract } from './account'
import { appointmentContract } from './appointment'
import { catalogContract } from './catalog'
import { queueContract } from './queue'

/** Every cloud function's contract: the API reference and the build both read this list. */
export const contracts = [accountContract, catalogContract, appointmentContract, queueContract] as const
export { accountContract, appointmentContract, catalogContract, queueContract }
