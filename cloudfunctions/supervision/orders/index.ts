import type { Job } from '../../_kit/schedule'
import { closeOrder, getOrder, issueOrder, listOrders, orderDraft, replyOrder, sendBackOrder } from './actions'
import { effectsSweep } from './effects'
import { autoOrders, escalateOrders } from './jobs'

/** The supervision function's orders part (督办): its action implementations and its timer jobs (one `tick` trigger runs them all). */
export const impls = { orderDraft, issueOrder, listOrders, getOrder, replyOrder, closeOrder, sendBackOrder }

export const jobs: Record<string, Job> = {
  // Red cases are relit every 15 minutes; an order a few minutes after the threshold is in time.
  autoOrders: { cron: '0 5,20,35,50 * * * * *', run: autoOrders },
  // Due dates are whole days: the first run after midnight escalates; hourly catches a missed run.
  escalateOrders: { cron: '0 2 * * * * *', run: escalateOrders },
  effectsSweep: { cron: '0 */5 * * * * *', run: effectsSweep },
}
