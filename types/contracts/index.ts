import { accountContract } from './account'
import { appointmentContract } from './appointment'
import { caseContract } from './case'
import { catalogContract } from './catalog'
import { notifyContract } from './notify'
import { queueContract } from './queue'
import { staffContract } from './staff'

/** Every cloud function's contract: the API reference and the build both read this list. */
export const contracts = [accountContract, catalogContract, appointmentContract, queueContract, caseContract, staffContract, notifyContract] as const
export { accountContract, appointmentContract, caseContract, catalogContract, notifyContract, queueContract, staffContract }
