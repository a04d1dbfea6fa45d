import { notifyContract } from '../../types/contracts/notify'
import { createHandler } from '../_kit/handler'
import { caseDeliveries } from './actions/caseDeliveries'
import { deliverSoon } from './actions/deliverSoon'
import { reportGrants, subscribeTemplates } from './actions/grants'
import { markRead, myMessages, unreadCount } from './actions/messages'
import { drain } from './triggers'

export const main = createHandler(
  notifyContract,
  { subscribeTemplates, reportGrants, myMessages, unreadCount, markRead, caseDeliveries, deliverSoon },
  { drain },
)
