import { supervisionContract } from '../../types/contracts/supervision'
import { createHandler } from '../_kit/handler'
import { scheduled } from '../_kit/schedule'
import * as consolePart from './console'
import * as lights from './lights'
import * as orders from './orders'

export const main = createHandler(
  supervisionContract,
  { ...lights.impls, ...orders.impls, ...consolePart.impls },
  scheduled({ ...lights.jobs, ...orders.jobs, ...consolePart.jobs }),
)
