import { ratingContract } from '../../types/contracts/rating'
import { createHandler } from '../_kit/handler'
import { scheduled } from '../_kit/schedule'
import { followUp, getRating, myRatings, pending, rate } from './actions/citizen'
import { appeal, badRating, decideAppeal, decideExtension, departmentBad, reply, requestExtension, verify } from './actions/loop'
import { stats } from './actions/stats'
import { inviteSweep, lightSweep, reminderSweep, reportSweep } from './triggers'

export const main = createHandler(
  ratingContract,
  {
    pending,
    rate,
    myRatings,
    getRating,
    followUp,
    departmentBad,
    badRating,
    verify,
    reply,
    requestExtension,
    appeal,
    decideExtension,
    decideAppeal,
    stats,
  },
  scheduled({
    inviteSweep: { cron: '0 */5 * * * * *', run: inviteSweep },
    reminderSweep: { cron: '0 7 * * * * *', run: reminderSweep },
    lightSweep: { cron: '0 */15 * * * * *', run: lightSweep },
    reportSweep: { cron: '0 */5 * * * * *', run: reportSweep },
  }),
)
