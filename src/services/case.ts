import Taro from '@tarojs/taro'
import { caseContract } from '../../types/contracts/case'
import type { InputOf } from '../../types/contracts/contract'
import { callAction } from './cloud'
import { fail } from '../../types/result'
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
  const target = await callAction(caseContract, 'uploadTarget', { caseId, materialIndex })
  if (!target.ok) return target
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath: target.data.cloudPath, filePath: file.filePath })
    return callAction(caseContract, 'attachUploaded', { caseId, materialIndex, fileId: fileID, fileName: file.fileName, contentType: file.contentType })
  } catch {
    return fail('INTERNAL', '文件上传失败，请检查网络后重试')
  }
}

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
