import { catalogContract } from '../../../types/contracts/catalog'
import { clientFor } from '../client'

export const catalogApi = clientFor(catalogContract)
