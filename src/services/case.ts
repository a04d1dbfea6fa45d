import { caseContract } from '../../types/contracts/case'
import type { InputOf } from '../../types/contracts/contract'
import { callAction } from './cloud'
import { uploadThenAttach } from './upload'
import type { PickedFile } from '../utils/files'

type Actions = typeof caseContract.actions

export const applicationForm = (matterId: string) => callAction(caseContract, 'applicationForm', { matterId })

export const createDraft = (input: InputOf<Actions['createDraft']>) => callAction(caseContract, 'createDraft', input)

export const saveDraft = (input: InputOf<Actions['saveDraft']>) => callAction(caseContract, 'saveDraft', input)

export const uploadMaterial = (input: InputOf<Actions['uploadMaterial']>) => callAction(caseContract, 'uploadMaterial', input)

/**
 * Sends a picked material to a case. The mini-program uploads the file straight to its storage
 * target and has the case function check and attach it, because a cloud call carries only about
 * 100 KB; the local h5 app sends it inside the call.
 */
export async function sendMaterial(caseId: string, materialIndex: number, file: PickedFile) {
  if (process.env.TARO_ENV === 'h5' || !file.filePath) {
    return uploadMaterial({ caseId, materialIndex, fileName: file.fileName, contentType: file.contentType, dataBase64: file.dataBase64 })
  }
  return uploadThenAttach(file.filePath, await callAction(caseContract, 'uploadTarget', { caseId, materialIndex }), (fileId) =>
    callAction(caseContract, 'attachUploaded', { caseId, materialIndex, fileId, fileName: file.fileName, contentType: file.contentType }),
  )
}

export const attachFromLibrary = (caseId: string, materialIndex: number, libraryId: string) =>
  callAction(caseContract, 'attachFromLibrary', { caseId, materialIndex, libraryId })

export const removeMaterial = (caseId: string, materialIndex: number, libraryId: string) =>
  callAction(caseContract, 'removeMaterial', { caseId, materialIndex, libraryId })

export const myMaterials = () => callAction(caseContract, 'myMaterials', {})

export const myCases = (input: InputOf<Actions['myCases']> = {}) => callAction(caseContract, 'myCases', input)

export const getCase = (caseId: string) => callAction(caseContract, 'getCase', { caseId })

/** 换一个查询码: the old one stops working at once. */
export const resetQueryCode = (caseId: string) => callAction(caseContract, 'resetQueryCode', { caseId })

/** One transition of the case state machine (citizen: submit, resubmit, withdraw; staff: the rest). */
export const actOnCase = (input: InputOf<Actions['act']>) => callAction(caseContract, 'act', input)

/** Staff of a 联办件 department: our sub-task is done. */
export const completeSubtask = (caseId: string, note?: string) =>
  callAction(caseContract, 'completeSubtask', note ? { caseId, note } : { caseId })

/** Staff: my department's cases (supervisors: all), filtered. */
export const worklist = (input: InputOf<Actions['worklist']> = {}) => callAction(caseContract, 'worklist', input)

// 亲属代查 (issue 6): the applicant shares a case with a relative, the relative follows it, and
// anyone signed in may look a case up with its number, the applicant's name and 4 digits.

/** The applicant: a one-time invitation (24 hours) for one case or for all of their cases. */
export const createFollowInvite = (target: { caseId: string } | { all: true }) => callAction(caseContract, 'createFollowInvite', target)

/** The relative: accept an invitation (nickname: what the applicant will see them as, e.g. 爸爸). */
export const acceptFollowInvite = (code: string, nickname?: string) =>
  callAction(caseContract, 'acceptFollowInvite', nickname ? { code, nickname } : { code })

/** The applicant: who follows (with a caseId, those who see that case). */
export const listFollowers = (caseId?: string) => callAction(caseContract, 'listFollowers', caseId ? { caseId } : {})

export const revokeFollower = (followerId: string) => callAction(caseContract, 'revokeFollower', { followerId })

/** The relative: the cases they follow, and one of them (no pickup code, notes or materials). */
export const followedCases = () => callAction(caseContract, 'followedCases', {})

export const followedCase = (caseId: string) => callAction(caseContract, 'followedCase', { caseId })

/** 进度查询 without a grant: coarse progress only; wrong data answers one generic NOT_FOUND. */
export const lookupCase = (input: InputOf<Actions['lookup']>) => callAction(caseContract, 'lookup', input)
