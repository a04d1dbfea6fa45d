import { queueContract } from '../../types/contracts/queue'
import { createHandler } from '../_kit/handler'
import { board } from './actions/board'
import { checkIn } from './actions/checkIn'
import { callNext, console, finish, recall, skip, transfer } from './actions/console'
import { myTickets } from './actions/myTickets'
import { takeTicket } from './actions/takeTicket'
import { callSweep } from './settle'

export const main = createHandler(
  queueContract,
  { checkIn, takeTicket, myTickets, console, callNext, recall, skip, finish, transfer, board },
  { callSweep },
)
