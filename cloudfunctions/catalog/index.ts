import { catalogContract } from '../../types/contracts/catalog'
import { createHandler } from '../_kit/handler'
import { scheduled } from '../_kit/schedule'
import { bookableMatters } from './actions/bookableMatters'
import { getMatter } from './actions/getMatter'
import { listDepartments } from './actions/listDepartments'
import { searchMatters } from './actions/searchMatters'
import { refreshPredictions } from './predictions'

export const main = createHandler(
  catalogContract,
  { listDepartments, searchMatters, bookableMatters, getMatter },
  // 预计办结: checked every 5 minutes, computed once a day and again after a calendar change.
  scheduled({ refreshPredictions: { cron: '0 */5 * * * * *', run: refreshPredictions } }),
)
