import type { PickedFile } from '../utils/files'
import { caseApi } from './api/case'
import { uploadThenAttach } from './upload'

/**
 * Sends a picked material to a case. The mini-program uploads the file straight to its storage
 * target and has the case function check and attach it, because a cloud call carries only about
 * 100 KB; the local h5 app sends it inside the call.
 */
export async function sendMaterial(caseId: string, materialIndex: number, file: PickedFile) {
  if (process.env.TARO_ENV === 'h5' || !file.filePath) {
    return caseApi.uploadMaterial({
      caseId,
      materialIndex,
      fileName: file.fileName,
      contentType: file.contentType,
      dataBase64: file.dataBase64,
    })
  }
  return uploadThenAttach(file.filePath, await caseApi.uploadTarget({ caseId, materialIndex }), (fileId) =>
    caseApi.attachUploaded({ caseId, materialIndex, fileId, fileName: file.fileName, contentType: file.contentType }),
  )
}
