import { caseContract } from '../../types/contracts/case'
import type { InputOf } from '../../types/contracts/contract'
import { callAction } from './cloud'

type Actions = typeof caseContract.actions

export const applicationForm = (matterId: string) => callAction(caseContract, 'applicationForm', { matterId })

export const createDraft = (input: InputOf<Actions['createDraft']>) => callAction(caseContract, 'createDraft', input)

export const saveDraft = (input: InputOf<Actions['saveDraft']>) => callAction(caseContract, 'saveDraft', input)

export const uploadMaterial = (input: InputOf<Actions['uploadMaterial']>) => callAction(caseContract, 'uploadMaterial', input)

export const attachFromLibrary = (caseId: string, materialIndex: number, libraryId: string) =>
  callAction(caseContract, 'attachFromLibrary', { caseId, materialIndex, libraryId })

export const removeMaterial = (caseId: string, materialIndex: number, libraryId: string) =>
  callAction(caseContract, 'removeMaterial', { caseId, materialIndex, libraryId })

export const myMaterials = () => callAction(caseContract, 'myMaterials', {})

export const myCases = (input: InputOf<Actions['myCases']> = {}) => callAction(caseContract, 'myCases', input)

export const getCase = (caseId: string) => callAction(caseContract, 'getCase', { caseId })

/** One transition of the case state machine (citizen: submit, resubmit, withdraw; staff: the rest). */
export const actOnCase = (input: InputOf<Actions['act']>) => callAction(caseContract, 'act', input)

/** Staff of a 联办件 department: our sub-task is done. */
export const completeSubtask = (caseId: string, note?: string) => callAction(caseContract, 'completeSubtask', note ? { caseId, note } : { caseId })

/** Staff: my department's cases (supervisors: all), filtered. */
export const worklist = (input: InputOf<Actions['worklist']> = {}) => callAction(caseContract, 'worklist', input)
