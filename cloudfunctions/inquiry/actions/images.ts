import { createHmac } from 'node:crypto'
import { sniffMaterialType } from '../../../types/domain/case-material'
import { INQUIRY_IMAGE_MAX_BYTES, INQUIRY_IMAGE_TYPES, type InquiryImageType } from '../../../types/domain/inquiry'
import { db } from '../../_kit/cloud'
import type { ActionContext } from '../../_kit/handler'
import { randomHex } from '../../_kit/ids'
import { withRollback } from '../../_kit/rollback'
import { checkedUpload, deleteFile, putFile, sha256 } from '../../_kit/uploads'
import { assertAllowed, loadInquiry, writeGuarded, type InquiryImage } from '../inquiries'

/** The storage folder of an account: a keyed hash, so a file ID says nothing about whose photo it is. */
const ownerDir = (openid: string) => createHmac('sha256', process.env.ID_HASH_KEY || 'local-dev-only-key').update(`inquiries:${openid}`).digest('hex').slice(0, 24)

const sniffImage = (bytes: Uint8Array): InquiryImageType | undefined => {
  const t = sniffMaterialType(bytes)
  return (INQUIRY_IMAGE_TYPES as readonly string[]).includes(t ?? '') ? (t as InquiryImageType) : undefined
}

/**
 * One image per call (a real cloud caps call data far below three photos). The type is read from
 * the bytes; the image goes to private storage and is only ever shown through a 10-minute URL.
 * The same photo sent twice (a retry) is stored once.
 */
export async function addImage(input: { inquiryId: string; contentType: InquiryImageType; dataBase64: string }, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, standing } = await loadInquiry(input.inquiryId, caller)
  const { bytes, type } = checkedUpload(input.dataBase64, input.contentType, {
    maxBytes: INQUIRY_IMAGE_MAX_BYTES,
    sniff: sniffImage,
    tooLarge: '图片不能超过2MB，请压缩后再上传',
    wrongType: '只能上传JPEG或PNG图片',
  })
  const hash = sha256(bytes)
  const same = doc.images.find((i) => i.sha256 === hash)
  if (same && standing.asker) return { imageId: same.imageId, contentType: same.contentType, size: same.size, count: doc.images.length }
  assertAllowed('addImage', doc, standing)

  const image: InquiryImage = { imageId: `im-${randomHex(12)}`, fileId: '', contentType: type, size: bytes.length, sha256: hash }
  await withRollback(async (onFail) => {
    image.fileId = await putFile(`inquiries/${ownerDir(caller.openid)}/${doc._id}/${randomHex(24)}.${type === 'image/png' ? 'png' : 'jpg'}`, bytes)
    onFail(() => deleteFile(image.fileId))
    await writeGuarded(doc, { images: db().command.push([image]) }, ctx.now)
  })
  return { imageId: image.imageId, contentType: type, size: image.size, count: doc.images.length + 1 }
}
