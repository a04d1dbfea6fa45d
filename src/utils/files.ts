import Taro from '@tarojs/taro'
import { MATERIAL_MAX_BYTES, sniffMaterialType, type MaterialContentType } from '../../types/domain/case-material'
import { toast } from './alert'

export interface PickedFile {
  fileName: string
  contentType: MaterialContentType
  size: number
  dataBase64: string
  /** weapp: the local file, uploaded straight to storage (a call carries only about 100 KB). */
  filePath?: string
}

export type PickResult = { ok: true; file: PickedFile } | { ok: false; cancelled: boolean; message: string }

const cancelled: PickResult = { ok: false, cancelled: true, message: '' }
const refuse = (message: string): PickResult => ({ ok: false, cancelled: false, message })
const TYPE_ERROR = '只能上传JPEG、PNG图片或PDF文件'
const SIZE_ERROR = `文件不能超过${MATERIAL_MAX_BYTES / 1024 / 1024}MB，请拍得近一些或分页上传`

/** The file name as the case function accepts it (1–80 characters), keeping the extension. */
function fitName(name: string, type: MaterialContentType): string {
  const ext = type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg'
  const clean = name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || `材料.${ext}`
  if (clean.length <= 80) return clean
  return `${clean.slice(0, 75)}.${ext}`
}

/**
 * Checks what was picked: the type from the first bytes (as the server does, never from the name)
 * and the size, so an obviously wrong file is refused before it is sent.
 */
function check(name: string, head: Uint8Array, size: number, dataBase64: string, filePath?: string): PickResult {
  const type = sniffMaterialType(head)
  if (!type) return refuse(TYPE_ERROR)
  if (size > MATERIAL_MAX_BYTES) return refuse(SIZE_ERROR)
  if (size === 0) return refuse('文件内容为空')
  return { ok: true, file: { fileName: fitName(name, type), contentType: type, size, dataBase64, ...(filePath ? { filePath } : {}) } }
}

// ── h5: a plain file input (no canvas: a size check stands in for compression) ──

function bytesToBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)))
  return btoa(s)
}

function pickInBrowser(): Promise<PickResult> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/jpeg,image/png,application/pdf'
    input.className = 'material-file-input'
    input.style.display = 'none'
    document.body.appendChild(input)
    const done = (r: PickResult) => {
      input.remove()
      resolve(r)
    }
    input.addEventListener('cancel', () => done(cancelled))
    input.addEventListener('change', async () => {
      const f = input.files?.[0]
      if (!f) return done(cancelled)
      if (f.size > MATERIAL_MAX_BYTES) return done(refuse(SIZE_ERROR))
      const bytes = new Uint8Array(await f.arrayBuffer())
      done(check(f.name, bytes.subarray(0, 16), bytes.length, bytesToBase64(bytes)))
    })
    input.click()
  })
}

// ── weapp: camera/album (compressed on the device) or a PDF from a chat ──

function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath, encoding: 'base64', success: (r) => resolve(r.data as string), fail: reject })
  })
}

const headOf = (b64: string) => new Uint8Array(Taro.base64ToArrayBuffer(b64.slice(0, 24)))
const sizeOf = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0)

async function pickPhoto(): Promise<PickResult> {
  const media = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
  const src = media.tempFiles[0]?.tempFilePath
  if (!src) return cancelled
  // wx.compressImage: a legible document scan fits well under the 2 MB limit at this width.
  const path = await Taro.compressImage({ src, quality: 70, compressedWidth: 1600 } as Taro.compressImage.Option)
    .then((r) => r.tempFilePath)
    .catch(() => src)
  const b64 = await readBase64(path)
  const stamp = new Date().toISOString().slice(0, 19).replace(/\D/g, '')
  return check(`照片${stamp}.jpg`, headOf(b64), sizeOf(b64), b64, path)
}

async function pickPdf(): Promise<PickResult> {
  const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })
  const f = r.tempFiles[0]
  if (!f) return cancelled
  if (f.size > MATERIAL_MAX_BYTES) return refuse(SIZE_ERROR)
  const b64 = await readBase64(f.path)
  return check(f.name, headOf(b64), sizeOf(b64), b64, f.path)
}

async function pickInWeapp(): Promise<PickResult> {
  let tap: number
  try {
    tap = (await Taro.showActionSheet({ itemList: ['拍照或从相册选择', '从微信聊天选择PDF文件'] })).tapIndex
  } catch {
    return cancelled
  }
  try {
    return tap === 0 ? await pickPhoto() : await pickPdf()
  } catch (e) {
    const msg = String((e as { errMsg?: string })?.errMsg ?? '')
    return /cancel/i.test(msg) ? cancelled : refuse('未能读取文件，请重试')
  }
}

/** Lets the person choose one material file; answers its checked bytes as base64, or why not. */
export function pickMaterialFile(): Promise<PickResult> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeapp()
}

/** Opens a material through its temporary URL: images in the viewer, PDFs in the document reader. */
export async function openMaterial(url: string, contentType: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener')
    return
  }
  try {
    if (contentType.startsWith('image/')) {
      await Taro.previewImage({ urls: [url], current: url })
      return
    }
    Taro.showLoading({ title: '正在打开', mask: true })
    const d = await Taro.downloadFile({ url })
    Taro.hideLoading()
    await Taro.openDocument({ filePath: d.tempFilePath, fileType: 'pdf' })
  } catch {
    Taro.hideLoading()
    toast('文件打开失败，链接可能已过期，请刷新')
  }
}
