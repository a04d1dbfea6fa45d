import type { InquiryInput } from '../../../types/contracts/inquiry'
import { sniffMaterialType } from '../../../types/domain/case-material'
import { INQUIRY_IMAGE_MAX_BYTES, INQUIRY_IMAGE_TYPES, type InquiryImageType } from '../../../types/domain/inquiry'
import { db } from '../../_kit/cloud'
import type { ActionContext } from '../../_kit/handler'
import { randomHex } from '../../_kit/ids'
import { withRollback } from '../../_kit/rollback'
import { notFound } from '../../_kit/errors'
import { keyedHash } from '../../_kit/secrets'
import { checkedBytes, checkedUpload, deleteFile, isUploadIn, putFile, readFile, sha256 } from '../../_kit/uploads'
import type { InquiryStanding } from '../../../types/domain/inquiry'
import { assertAllowed, loadInquiry, writeGuarded, type InquiryDoc, type InquiryImage } from '../inquiries'

/** The storage folder of an account: a keyed hash, so a file ID says nothing about whose photo it is. */
const ownerDir = (openid: string) => keyedHash(`inquiries:${openid}`, 24)

const sniffImage = (bytes: Uint8Array): InquiryImageType | undefined => {
  const t = sniffMaterialType(bytes)
  return (INQUIRY_IMAGE_TYPES as readonly string[]).includes(t ?? '') ? (t as InquiryImageType) : undefined
}

const IMAGE_RULES = {
  maxBytes: INQUIRY_IMAGE_MAX_BYTES,
  sniff: sniffImage,
  tooLarge: '图片不能超过2MB，请压缩后再上传',
  wrongType: '只能上传JPEG或PNG图片',
}

/**
 * One image per call, sent inside it (the local h5 app). The type is read from the bytes; the
 * image goes to private storage and is only ever shown through a 10-minute URL. The same photo
 * sent twice (a retry) is stored once.
 */
export async function addImage(input: InquiryInput<'addImage'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, standing } = await loadInquiry(input.inquiryId, caller)
  const { bytes, type } = checkedUpload(input.dataBase64, input.contentType, IMAGE_RULES)
  return recordImage(doc, standing, bytes, type, ctx, () =>
    putFile(`inquiries/${ownerDir(caller.openid)}/${doc._id}/${randomHex(24)}.${type === 'image/png' ? 'png' : 'jpg'}`, bytes),
  )
}

const incomingDir = (openid: string, inquiryId: string) => `incoming/${ownerDir(openid)}/${inquiryId}/`

/** Where the mini-program uploads a photo itself: a cloud call carries only about 100 KB (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html). */
export async function imageTarget(input: InquiryInput<'imageTarget'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, standing } = await loadInquiry(input.inquiryId, caller)
  assertAllowed('addImage', doc, standing)
  return { cloudPath: `${incomingDir(caller.openid, doc._id)}${randomHex(24)}` }
}

/** Records a photo uploaded to the image target after reading it back and checking it; a bad one is deleted. */
export async function attachImage(input: InquiryInput<'attachImage'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, standing } = await loadInquiry(input.inquiryId, caller)
  if (!isUploadIn(input.fileId, incomingDir(caller.openid, doc._id))) throw notFound('未找到上传的图片')
  const read = await readFile(input.fileId).catch(() => undefined)
  if (!read) throw notFound('未找到上传的图片')
  try {
    const { bytes, type } = checkedBytes(read, input.contentType, IMAGE_RULES)
    return await recordImage(doc, standing, bytes, type, ctx, async () => input.fileId)
  } catch (e) {
    await deleteFile(input.fileId).catch(() => undefined)
    throw e
  }
}

async function recordImage(
  doc: InquiryDoc,
  standing: InquiryStanding,
  bytes: Buffer,
  type: InquiryImageType,
  ctx: ActionContext,
  store: () => Promise<string>,
) {
  const hash = sha256(bytes)
  const same = doc.images.find((i) => i.sha256 === hash)
  if (same && standing.asker) return { imageId: same.imageId, contentType: same.contentType, size: same.size, count: doc.images.length }
  assertAllowed('addImage', doc, standing)

  const image: InquiryImage = { imageId: `im-${randomHex(12)}`, fileId: '', contentType: type, size: bytes.length, sha256: hash }
  await withRollback(async (onFail) => {
    image.fileId = await store()
    onFail(() => deleteFile(image.fileId))
    await writeGuarded(doc, { images: db().command.push([image]) }, ctx.now)
  })
  return { imageId: image.imageId, contentType: type, size: image.size, count: doc.images.length + 1 }
}
