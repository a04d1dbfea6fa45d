import { accountContract } from './account'
import { catalogContract } from './catalog'

/** Every cloud function's contract: the API reference and the build both read this list. */
export const contracts = [accountContract, catalogContract] as const
export { accountContract, catalogContract }
