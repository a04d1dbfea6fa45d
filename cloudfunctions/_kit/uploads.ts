import { createHash } from 'node:crypto'
import { cloud } from './cloud'
import { AppError } from './errors'

/**
 * Files uploaded through a function (base64 in the call) into private storage and read back
 * through short-lived URLs. Shared by case materials and inquiry images.
 */

/** Temporary download URLs live 10 minutes at most: long enough to view, too short to pass around. */
export const URL_MAX_AGE_SECONDS = 600

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

interface SdkStorage {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  deleteFile(o: { fileList: string[] }): Promise<unknown>
  getTempFileURL(o: {
    fileList: Array<{ fileID: string; maxAge: number }>
  }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string }> }>
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>
}
const storage = () => cloud as unknown as SdkStorage

export const putFile = async (cloudPath: string, fileContent: Buffer) => (await storage().uploadFile({ cloudPath, fileContent })).fileID
export const deleteFile = (fileId: string) => storage().deleteFile({ fileList: [fileId] })
/** The bytes of a stored file (e.g. one the mini-program uploaded directly), to check before use. */
export const readFile = async (fileId: string): Promise<Buffer> =>
  Buffer.from((await storage().downloadFile({ fileID: fileId })).fileContent)

/** Short-lived URLs for files the caller was just authorised to see (50 per call is the cloud's batch limit). */
export async function tempUrls(fileIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)]
  const out = new Map<string, string>()
  for (let i = 0; i < unique.length; i += 50) {
    const { fileList } = await storage().getTempFileURL({
      fileList: unique.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: URL_MAX_AGE_SECONDS })),
    })
    for (const f of fileList) if (f.tempFileURL) out.set(f.fileID, f.tempFileURL)
  }
  return out
}

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }])

/**
 * The bytes of an upload after the checks that do not trust the client: the size, and the type
 * read from the first bytes (never the name or the declared type). `sniff` answers the type the
 * bytes really are among the accepted ones.
 */
export function checkedUpload<T extends string>(
  dataBase64: string,
  declared: T,
  opts: { maxBytes: number; sniff: (bytes: Uint8Array) => T | undefined; tooLarge: string; wrongType: string },
): { bytes: Buffer; type: T } {
  return checkedBytes(Buffer.from(dataBase64, 'base64'), declared, opts)
}

/** The same checks for bytes read back from storage (a file the mini-program uploaded itself). */
export function checkedBytes<T extends string>(
  bytes: Buffer,
  declared: T,
  opts: { maxBytes: number; sniff: (bytes: Uint8Array) => T | undefined; tooLarge: string; wrongType: string },
): { bytes: Buffer; type: T } {
  if (bytes.length > opts.maxBytes) throw invalid('dataBase64', opts.tooLarge)
  const type = opts.sniff(bytes)
  if (!type) throw invalid('dataBase64', opts.wrongType)
  if (type !== declared) throw invalid('contentType', '文件内容与所选类型不符')
  return { bytes, type }
}

/** A file ID taken apart: `cloud://<env>.<bucket>/<segment>/<segment>/…`. */
export interface ParsedFileId {
  env: string
  bucket: string
  segments: string[]
}

/**
 * Path segments our own code ever writes (hex names, `incoming`, `materials`, extensions): a
 * client-sent file ID with anything else — `..`, `.`, empty segments, backslashes, escapes — is
 * not one of ours, whatever it starts with.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/

/**
 * Parses a file ID the client sent back. Answers undefined for anything that is not a plain file
 * of this environment: the env must be the function's own (TCB_ENV / SCF_NAMESPACE, which the SDK
 * itself uses for DYNAMIC_CURRENT_ENV), so a file of another environment is never read with this
 * function's admin rights.
 */
export function parseFileId(fileId: string): ParsedFileId | undefined {
  const m = /^cloud:\/\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\/(.+)$/.exec(fileId)
  if (!m) return undefined
  const [, env, bucket, path] = m
  const current = process.env.TCB_ENV || process.env.SCF_NAMESPACE
  if (current && env !== current) return undefined
  const segments = path.split('/')
  if (!segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) return undefined
  return { env, bucket, segments }
}

/** `cloud://<env>.<bucket>/<path>` → `<path>`, only for a well-formed file ID of this environment. */
export const cloudPathOf = (fileId: string): string | undefined => parseFileId(fileId)?.segments.join('/')

/**
 * Whether a client-sent file ID names a file directly inside `folder` (`incoming/<owner>/<case>/`):
 * compared segment by segment on the parsed path, so neither `..` nor a longer sibling name
 * (`<case>x/…`) nor a deeper path gets through.
 */
export function isUploadIn(fileId: string, folder: string): boolean {
  const parsed = parseFileId(fileId)
  const want = folder.split('/').filter((s) => s !== '')
  if (!parsed || parsed.segments.length !== want.length + 1) return false
  return want.every((s, i) => parsed.segments[i] === s)
}
