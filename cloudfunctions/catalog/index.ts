import { catalogContract } from '../../types/contracts/catalog'
import { createHandler } from '../_kit/handler'
import { getMatter } from './actions/getMatter'
import { listDepartments } from './actions/listDepartments'
import { searchMatters } from './actions/searchMatters'

export const main = createHandler(catalogContract, { listDepartments, searchMatters, getMatter })
