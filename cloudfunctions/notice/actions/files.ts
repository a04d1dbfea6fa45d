import type { NoticeDraft, NoticeInput } from '../../../types/contracts/notice'
import { NOTICE_LIMITS, sniffNoticeFile, type NoticeFileType } from '../../../types/domain/notice'
import { AppError, notFound } from '../../_kit/errors'
import { randomHex } from '../../_kit/ids'
import { checkedBytes, checkedUpload, deleteFile, isUploadIn, putFile, readFile, tempUrls } from '../../_kit/uploads'

/**
 * Images and videos of announcements: checked by their first bytes, stored under `notices/`, and
 * shown through short-lived URLs like every other file. A draft may only name files stored here,
 * so an announcement can never point at a citizen's private upload.
 */
const STORE = 'notices'
const INCOMING = 'incoming/notices'

const EXT: Record<NoticeFileType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'video/mp4': 'mp4' }

const rules = <T extends NoticeFileType>(declared: T) => ({
  maxBytes: declared === 'video/mp4' ? NOTICE_LIMITS.videoBytes : NOTICE_LIMITS.imageBytes,
  sniff: (b: Uint8Array) => sniffNoticeFile(b) as T | undefined,
  tooLarge: declared === 'video/mp4' ? '视频不能超过50MB' : '图片不能超过2MB，请压缩后再上传',
  wrongType: '只能上传JPEG、PNG图片或MP4视频',
})

async function stored(bytes: Buffer, type: NoticeFileType) {
  const fileId = await putFile(`${STORE}/${randomHex(24)}.${EXT[type]}`, bytes)
  const url = (await tempUrls([fileId])).get(fileId)
  return { fileId, ...(url ? { url } : {}) }
}

export async function addImage(input: NoticeInput<'addImage'>) {
  const { bytes, type } = checkedUpload(input.dataBase64, input.contentType, rules(input.contentType))
  return stored(bytes, type)
}

/** Where the mini-program uploads a file itself: a cloud call carries only about 100 KB. */
export async function fileTarget() {
  return { cloudPath: `${INCOMING}/${randomHex(24)}` }
}

export async function attachFile(input: NoticeInput<'attachFile'>) {
  if (!isUploadIn(input.fileId, INCOMING)) throw notFound('未找到上传的文件')
  const read = await readFile(input.fileId).catch(() => undefined)
  if (!read) throw notFound('未找到上传的文件')
  try {
    const { bytes, type } = checkedBytes(read, input.contentType, rules(input.contentType))
    return await stored(bytes, type)
  } finally {
    await deleteFile(input.fileId).catch(() => undefined)
  }
}

/** Every file a draft names must be one stored by the actions above. */
export function assertOwnFiles(draft: NoticeDraft): void {
  const ids = [
    ...draft.blocks.flatMap((b, i) =>
      b.kind === 'img' ? [{ fileId: b.fileId, path: `draft.blocks.${i}.fileId`, ext: /\.(jpg|png)$/ }] : [],
    ),
    ...(draft.video?.kind === 'file' ? [{ fileId: draft.video.fileId, path: 'draft.video.fileId', ext: /\.mp4$/ }] : []),
  ]
  const bad = ids.find((f) => !isUploadIn(f.fileId, STORE) || !f.ext.test(f.fileId))
  if (bad) throw new AppError('INVALID_INPUT', '图片或视频须通过本页上传', [{ path: bad.path, message: '图片或视频须通过本页上传' }])
}
