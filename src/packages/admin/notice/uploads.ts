import Taro from '@tarojs/taro'
import { noticeApi } from '../../../services/api/notice'
import { uploadThenAttach } from '../../../services/upload'
import { errorText } from '../../../utils/alert'
import { pickInquiryImage } from '../../../utils/inquiry'

/** One image into the body: inside the call on h5, straight to storage in the mini-program. */
export async function uploadImage() {
  const pick = await pickInquiryImage()
  if (!pick.ok) return pick
  const img = pick.image
  const r =
    process.env.TARO_ENV === 'h5' || !img.filePath
      ? await noticeApi.addImage({ contentType: img.contentType, dataBase64: img.dataBase64 })
      : await uploadThenAttach(img.filePath, await noticeApi.fileTarget(), (fileId) =>
          noticeApi.attachFile({ fileId, contentType: img.contentType }),
        )
  return r.ok ? { ok: true as const, file: r.data } : { ok: false as const, cancelled: false, message: errorText(r.error) }
}

/** An MP4 from the album (weapp only: the web build offers the 视频号 option instead). */
export async function uploadVideo() {
  const media = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album'] }).catch(() => undefined)
  const path = media?.tempFiles[0]?.tempFilePath
  if (!path) return { ok: false as const, cancelled: true, message: '' }
  const r = await uploadThenAttach(path, await noticeApi.fileTarget(), (fileId) =>
    noticeApi.attachFile({ fileId, contentType: 'video/mp4' }),
  )
  return r.ok ? { ok: true as const, file: r.data } : { ok: false as const, cancelled: false, message: errorText(r.error) }
}
