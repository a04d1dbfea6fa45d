import { boardContract } from '../../types/contracts/board'
import { createHandler } from '../_kit/handler'
import { show } from './show'

export const main = createHandler(boardContract, { show })
