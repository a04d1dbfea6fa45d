import { assistContract } from '../../types/contracts/assist'
import { createHandler } from '../_kit/handler'
import { cancel, get, mine, request } from './actions/citizen'
import { claim, close, inbox, prepare } from './actions/desk'

export const main = createHandler(assistContract, { request, mine, get, cancel, inbox, claim, prepare, close })
