import { ratingContract } from '../../../types/contracts/rating'
import { clientFor } from '../client'

export const ratingApi = clientFor(ratingContract)
