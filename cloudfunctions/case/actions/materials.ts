import {
  MATERIAL_MAX_BYTES,
  MATERIAL_MAX_FILES,
  MATERIAL_TYPES,
  sniffMaterialType,
  type MaterialContentType,
} from '../../../types/domain/case-material'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { randomHex } from '../../_kit/ids'
import { withRollback } from '../../_kit/rollback'
import type { CaseInput } from '../../../types/contracts/case'
import { EDITABLE_STATES } from '../../../types/domain/case-machine'
import { cases, editableCase, iso, writeGuarded, type CaseDoc, type CaseFile } from '../cases'
import { deleteFile, library, ownerDir, putFile, readFile, sha256, tempUrls } from '../files'
import { isUploadIn } from '../../_kit/uploads'

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }])
const view = (f: Pick<CaseFile, 'libraryId' | 'fileName' | 'contentType' | 'size'>) => ({
  libraryId: f.libraryId,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
})

function slotOf(doc: CaseDoc, index: number) {
  const slot = doc.materials[index]
  if (!slot) throw invalid('materialIndex', '该事项没有这项材料')
  if (!slot.uploadable) throw invalid('materialIndex', `${slot.name}须到窗口现场提交，不能网上上传`)
  return slot
}

/** Adds a file to a checklist item while the application is still editable (the state is part of the match). */
async function attach(doc: CaseDoc, index: number, file: CaseFile, now: Date): Promise<void> {
  const _ = db().command
  const { stats } = await cases()
    .where({ _id: doc._id, openid: doc.openid, state: _.in([...EDITABLE_STATES]) })
    .update({ data: { [`materials.${index}.files`]: _.push([file]), rev: _.inc(1), updatedAt: now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '办件状态已变化，不能再添加材料')
}

type UploadInput = CaseInput<'uploadMaterial'>

/**
 * Stores a material sent inside the call (the local h5 app, and small files) in private storage
 * after checking what it really is (the first bytes) and its size, then records it on the case
 * and in the citizen's library. Anything wrong stores nothing.
 */
export async function uploadMaterial(input: UploadInput, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await editableCase(input.caseId, caller)
  const bytes = Buffer.from(input.dataBase64, 'base64')
  return recordChecked(doc, input, bytes, ctx, (path) => putFile(path, bytes))
}

/**
 * Where the mini-program uploads a material itself (wx.cloud.uploadFile): a cloud callFunction
 * carries only about 100 KB of data (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html), too little for a photographed ID card.
 * The folder is the caller's own and the case's, so attachUploaded can tell the file is theirs.
 */
export async function uploadTarget(input: CaseInput<'uploadTarget'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await editableCase(input.caseId, caller)
  slotOf(doc, input.materialIndex)
  return { cloudPath: `${incomingDir(caller.openid, doc._id)}${randomHex(24)}` }
}

const incomingDir = (openid: string, caseId: string) => `incoming/${ownerDir(openid)}/${caseId}/`

/**
 * Records a file the mini-program uploaded to its upload target: the file is read back and
 * checked exactly like an uploaded one; a file that fails the checks is deleted.
 */
export async function attachUploaded(
  input: { caseId: string; materialIndex: number; fileId: string; fileName: string; contentType: MaterialContentType },
  ctx: ActionContext,
) {
  const caller = await ctx.caller()
  const doc = await editableCase(input.caseId, caller)
  if (!isUploadIn(input.fileId, incomingDir(caller.openid, doc._id))) throw notFound('未找到上传的文件')
  const bytes = await readFile(input.fileId).catch(() => undefined)
  if (!bytes) throw notFound('未找到上传的文件')
  try {
    return await recordChecked(doc, input, bytes, ctx, async () => input.fileId)
  } catch (e) {
    await deleteFile(input.fileId).catch(() => undefined)
    throw e
  }
}

async function recordChecked(
  doc: CaseDoc,
  input: { materialIndex: number; fileName: string; contentType: MaterialContentType },
  bytes: Buffer,
  ctx: ActionContext,
  store: (path: string) => Promise<string>,
) {
  const slot = slotOf(doc, input.materialIndex)
  if (bytes.length > MATERIAL_MAX_BYTES) throw invalid('dataBase64', '文件不能超过2MB，请压缩后再上传')
  const type = sniffMaterialType(bytes)
  if (!type) throw invalid('dataBase64', '只能上传JPEG、PNG图片或PDF文件')
  if (type !== input.contentType) throw invalid('contentType', '文件内容与所选类型不符')
  const hash = sha256(bytes)
  const same = slot.files.find((f) => f.sha256 === hash)
  if (same) return view(same)
  if (slot.files.length >= MATERIAL_MAX_FILES) throw new AppError('CONFLICT', `每项材料最多上传${MATERIAL_MAX_FILES}个文件`)

  const libraryId = `mt-${randomHex(20)}`
  const file: CaseFile = {
    libraryId,
    fileId: '',
    fileName: input.fileName,
    contentType: type,
    size: bytes.length,
    sha256: hash,
    addedAt: ctx.now,
  }
  await withRollback(async (onFail) => {
    file.fileId = await store(`materials/${ownerDir(doc.openid)}/${doc._id}/${randomHex(24)}.${MATERIAL_TYPES[type].ext}`)
    onFail(() => deleteFile(file.fileId))
    await library().add({
      data: {
        _id: libraryId,
        openid: doc.openid,
        fileId: file.fileId,
        fileName: file.fileName,
        contentType: type,
        size: file.size,
        sha256: hash,
        materialName: slot.name,
        createdAt: ctx.now,
      },
    })
    onFail(() => library().doc(libraryId).remove())
    await attach(doc, input.materialIndex, file, ctx.now)
  })
  return view(file)
}

/** Reuses a file from the caller's own library (避免二次提交); another account's item is not found. */
export async function attachFromLibrary(input: CaseInput<'attachFromLibrary'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await editableCase(input.caseId, caller)
  const slot = slotOf(doc, input.materialIndex)
  const { data } = await library().where({ _id: input.libraryId, openid: caller.openid }).limit(1).get()
  const item = data[0]
  if (!item) throw notFound('未找到该材料')
  const same = slot.files.find((f) => f.libraryId === item._id || f.sha256 === item.sha256)
  if (same) return view(same)
  if (slot.files.length >= MATERIAL_MAX_FILES) throw new AppError('CONFLICT', `每项材料最多上传${MATERIAL_MAX_FILES}个文件`)
  const file: CaseFile = {
    libraryId: item._id,
    fileId: item.fileId,
    fileName: item.fileName,
    contentType: item.contentType,
    size: item.size,
    sha256: item.sha256,
    addedAt: ctx.now,
  }
  await attach(doc, input.materialIndex, file, ctx.now)
  return view(file)
}

export async function removeMaterial(input: CaseInput<'removeMaterial'>, ctx: ActionContext) {
  const doc = await editableCase(input.caseId, await ctx.caller())
  const slot = doc.materials[input.materialIndex]
  if (!slot || !slot.files.some((f) => f.libraryId === input.libraryId)) throw notFound('未找到该材料')
  const materials = doc.materials.map((m, i) =>
    i === input.materialIndex ? { ...m, files: m.files.filter((f) => f.libraryId !== input.libraryId) } : m,
  )
  await writeGuarded(doc, { materials }, ctx.now)
  return { caseId: doc._id, removed: true as const }
}

/** The caller's library, newest first, with short-lived URLs to preview their own files. */
export async function myMaterials(_input: object, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await library().where({ openid }).orderBy('createdAt', 'desc').limit(50).get()
  const urls = await tempUrls(data.map((d) => d.fileId))
  return {
    items: data.map((d) => ({
      libraryId: d._id,
      fileName: d.fileName,
      contentType: d.contentType,
      size: d.size,
      materialName: d.materialName,
      createdAt: iso(d.createdAt)!,
      ...(urls.has(d.fileId) ? { url: urls.get(d.fileId) } : {}),
    })),
  }
}

/**
 * Deletes one of the caller's library materials. Cases that used it keep their own reference (an
 * application already made must not lose a file): the stored file goes only when none of the
 * caller's cases refers to it any more. Someone else's library id answers as a missing one.
 */
export async function deleteMaterial({ libraryId }: CaseInput<'deleteMaterial'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await library().where({ _id: libraryId, openid }).limit(1).get()
  const item = data[0]
  if (!item) throw notFound('未找到该材料')
  await library().doc(item._id).remove()
  const mine = await fetchAll<Pick<CaseDoc, 'materials'>>(COLLECTIONS.cases, { openid }, { materials: true })
  const used = mine.some((c) => c.materials.some((m) => m.files.some((f) => f.fileId === item.fileId)))
  if (!used) await deleteFile(item.fileId)
  return { libraryId, fileDeleted: !used }
}
