import type { ComplaintInput } from '../../types/contracts/complaint'
import { sniffMaterialType } from '../../types/domain/case-material'
import { COMPLAINT_PHOTO_MAX_BYTES, COMPLAINT_PHOTO_TYPES, type ComplaintPhotoType } from '../../types/domain/complaint'
import { AppError, notFound } from '../_kit/errors'
import type { ActionContext } from '../_kit/handler'
import { randomHex } from '../_kit/ids'
import { keyedHash } from '../_kit/secrets'
import { checkedBytes, checkedUpload, deleteFile, parseFileId, putFile, readFile, tempUrls } from '../_kit/uploads'

/**
 * Photos of a complaint, sent before it is submitted (the complaint does not exist yet). A photo's
 * storage name is `<random>-<mac>`, the mac a keyed hash of the purpose, the caller's OPENID and
 * the random part: the server can tell that a photo handed back on submit is the caller's own and
 * was checked, with no upload record to keep, and the name — which staff see inside a photo's
 * temporary URL — carries nothing stable about the complainant (an owner folder would link an
 * anonymous complaint to the same account's real-name ones).
 *
 * Only the server writes into `complaint-photos/` (after checking the bytes); the mini-program
 * writes into `incoming/complaint-photos/`, and a name minted for one folder does not pass in the
 * other. Photos checked but never submitted stay in storage unreferenced.
 */
const CHECKED = 'complaint-photos'
const INCOMING = 'incoming/complaint-photos'

type Purpose = 'checked' | 'incoming'
const macOf = (purpose: Purpose, openid: string, random: string) => keyedHash(`complaint-photo:${purpose}:${openid}:${random}`, 24)
const nameFor = (purpose: Purpose, openid: string) => {
  const random = randomHex(24)
  return `${random}-${macOf(purpose, openid, random)}`
}
const extOf = (type: ComplaintPhotoType) => (type === 'image/png' ? 'png' : 'jpg')
const typeOfExt: Record<string, ComplaintPhotoType> = { png: 'image/png', jpg: 'image/jpeg' }

/** Whether a client-sent file ID is a photo minted for `openid` in the folder of `purpose`; its type when checked. */
function ownPhoto(fileId: string, purpose: Purpose, openid: string): { type?: ComplaintPhotoType } | undefined {
  const folder = (purpose === 'checked' ? CHECKED : INCOMING).split('/')
  const segments = parseFileId(fileId)?.segments
  if (!segments || segments.length !== folder.length + 1 || !folder.every((s, i) => segments[i] === s)) return undefined
  const m = /^([0-9a-f]{24})-([0-9a-f]{24})(?:\.(png|jpg))?$/.exec(segments[folder.length])
  if (!m || macOf(purpose, openid, m[1]) !== m[2]) return undefined
  if (purpose === 'checked' && !m[3]) return undefined
  return { type: m[3] ? typeOfExt[m[3]] : undefined }
}

const sniffPhoto = (bytes: Uint8Array): ComplaintPhotoType | undefined => {
  const t = sniffMaterialType(bytes)
  return (COMPLAINT_PHOTO_TYPES as readonly string[]).includes(t ?? '') ? (t as ComplaintPhotoType) : undefined
}
const PHOTO_RULES = {
  maxBytes: COMPLAINT_PHOTO_MAX_BYTES,
  sniff: sniffPhoto,
  tooLarge: '图片不能超过2MB，请压缩后再上传',
  wrongType: '只能上传JPEG或PNG图片',
}

const signedIn = async (ctx: ActionContext) => {
  const { openid } = await ctx.caller()
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录')
  return openid
}

async function store(openid: string, bytes: Buffer, type: ComplaintPhotoType) {
  const photoId = await putFile(`${CHECKED}/${nameFor('checked', openid)}.${extOf(type)}`, bytes)
  return { photoId, contentType: type, size: bytes.length }
}

/** One photo sent inside the call (the h5 app): checked by its bytes, stored privately. */
export async function addPhoto(input: ComplaintInput<'addPhoto'>, ctx: ActionContext) {
  const openid = await signedIn(ctx)
  const { bytes, type } = checkedUpload(input.dataBase64, input.contentType, PHOTO_RULES)
  return store(openid, bytes, type)
}

/** Where the mini-program uploads a photo itself: a cloud call carries only about 100 KB (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html). */
export async function photoTarget(_input: ComplaintInput<'photoTarget'>, ctx: ActionContext) {
  return { cloudPath: `${INCOMING}/${nameFor('incoming', await signedIn(ctx))}` }
}

/**
 * A photo the mini-program uploaded to its target, read back and checked, then stored under a
 * checked name; the upload itself is deleted either way, so only checked bytes are ever shown.
 */
export async function attachPhoto(input: ComplaintInput<'attachPhoto'>, ctx: ActionContext) {
  const openid = await signedIn(ctx)
  if (!ownPhoto(input.fileId, 'incoming', openid)) throw notFound('未找到上传的图片')
  const read = await readFile(input.fileId).catch(() => undefined)
  if (!read) throw notFound('未找到上传的图片')
  try {
    const { bytes, type } = checkedBytes(read, input.contentType, PHOTO_RULES)
    return await store(openid, bytes, type)
  } finally {
    await deleteFile(input.fileId).catch(() => undefined)
  }
}

export interface ComplaintPhoto {
  fileId: string
  contentType: ComplaintPhotoType
}

/** The photos handed back on submit, each checked to be one the caller stored; anything else refuses the submit. */
export function ownPhotos(photoIds: readonly string[], openid: string): ComplaintPhoto[] {
  const unique = [...new Set(photoIds)]
  return unique.map((fileId, i) => {
    const own = ownPhoto(fileId, 'checked', openid)
    if (!own?.type)
      throw new AppError('INVALID_INPUT', '照片未上传成功，请重新添加', [{ path: `photos.${i}`, message: '照片未上传成功，请重新添加' }])
    return { fileId, contentType: own.type }
  })
}

/** The photos as a view shows them: a 10-minute URL each, issued only after the caller's access was checked. */
export async function photoViews(photos: readonly ComplaintPhoto[] | undefined): Promise<Array<{ url?: string }>> {
  if (!photos?.length) return []
  const urls = await tempUrls(photos.map((p) => p.fileId)).catch(() => new Map<string, string>())
  return photos.map((p) => {
    const url = urls.get(p.fileId)
    return url ? { url } : {}
  })
}
