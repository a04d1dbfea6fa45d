import type { PickedImage } from '../utils/inquiry'
import { inquiryApi } from './api/inquiry'
import { uploadThenAttach } from './upload'

/** Sends a picked photo of a question: inside the call on h5, straight to storage in the mini-program (see upload.ts). */
export async function sendImage(inquiryId: string, image: PickedImage) {
  if (process.env.TARO_ENV === 'h5' || !image.filePath) {
    return inquiryApi.addImage({ inquiryId, contentType: image.contentType, dataBase64: image.dataBase64 })
  }
  return uploadThenAttach(image.filePath, await inquiryApi.imageTarget({ inquiryId }), (fileId) =>
    inquiryApi.attachImage({ inquiryId, fileId, contentType: image.contentType }),
  )
}
