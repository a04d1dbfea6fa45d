import { catalogContract } from '../../types/contracts/catalog'
import type { InputOf } from '../../types/contracts/contract'
import { callAction } from './cloud'

type Actions = typeof catalogContract.actions

export const listDepartments = () => callAction(catalogContract, 'listDepartments', {})

export const searchMatters = (input: InputOf<Actions['searchMatters']>) => callAction(catalogContract, 'searchMatters', input)

export const getMatter = (id: string) => callAction(catalogContract, 'getMatter', { id })
