import { COMPLAINT_PHOTO_MAX_BYTES, COMPLAINT_PHOTO_TYPES, type ComplaintPhotoType } from '../../../../types/domain/complaint'
import type { Result } from '../../../../types/result'
import { complaintApi } from '../../../services/api/complaint'
import { uploadThenAttach } from '../../../services/upload'
import { pickMaterialFile, type PickedFile } from '../../../utils/files'

export type PickedPhoto = PickedFile & { contentType: ComplaintPhotoType }
export type PhotoPick = { ok: true; photo: PickedPhoto } | { ok: false; cancelled: boolean; message: string }

const isPhotoType = (t: string): t is ComplaintPhotoType => (COMPLAINT_PHOTO_TYPES as readonly string[]).includes(t)

/** One photo through the material picker (the type read from its first bytes, compressed on the device); no PDF. */
export async function pickPhoto(): Promise<PhotoPick> {
  const r = await pickMaterialFile()
  if (!r.ok) return r
  if (!isPhotoType(r.file.contentType)) return { ok: false, cancelled: false, message: '投诉只能添加JPEG或PNG图片' }
  if (r.file.size > COMPLAINT_PHOTO_MAX_BYTES) return { ok: false, cancelled: false, message: '图片不能超过2MB' }
  return { ok: true, photo: r.file as PickedPhoto }
}

/**
 * Sends a photo before the complaint exists: inside the call on h5, straight to storage in the
 * mini-program (a call carries only about 100 KB; services/upload.ts). Answers the id that the
 * submit hands back.
 */
export async function sendPhoto(photo: PickedPhoto): Promise<Result<{ photoId: string }>> {
  if (process.env.TARO_ENV === 'h5' || !photo.filePath) {
    return complaintApi.addPhoto({ contentType: photo.contentType, dataBase64: photo.dataBase64 })
  }
  return uploadThenAttach(photo.filePath, await complaintApi.photoTarget({}), (fileId) =>
    complaintApi.attachPhoto({ fileId, contentType: photo.contentType }),
  )
}
