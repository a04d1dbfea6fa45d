import { caseContract } from '../../../types/contracts/case'
import { clientFor } from '../client'

export const caseApi = clientFor(caseContract)
