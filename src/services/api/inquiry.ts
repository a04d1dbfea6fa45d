import { inquiryContract } from '../../../types/contracts/inquiry'
import { clientFor } from '../client'

export const inquiryApi = clientFor(inquiryContract)
