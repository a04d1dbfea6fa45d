import { visitContract } from '../../types/contracts/visit'
import { createHandler } from '../_kit/handler'
import { cancel, confirm, get, mine, options, request, reschedule } from './actions/citizen'
import { linkCase, record } from './actions/record'
import { assign, decline, inbox, staffGet, staffOptions } from './actions/staff'
import { triggers } from './triggers'

export const main = createHandler(
  visitContract,
  { options, request, mine, get, confirm, reschedule, cancel, inbox, staffGet, staffOptions, assign, decline, record, linkCase },
  triggers,
)
