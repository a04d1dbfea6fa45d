/**
 * Cloud storage for the local cloud: files on disk under `<dataDir>/files` (a temp dir when the
 * cloud is in memory), reached through the same flow wx-server-sdk uses against COS:
 *
 *  - uploadFile: `storage.getUploadMetadata {path}` answers an upload URL on our `/cos/<path>`
 *    route plus an `authorization` the SDK sends back with its PUT of the raw bytes. The
 *    authorization is an HMAC over the path and an expiry, so only a holder of fresh metadata can
 *    write, and only to the path it asked for.
 *  - getTempFileURL / downloadFile: `storage.batchGetDownloadUrl` answers signed, expiring URLs on
 *    `/files/<path>?expires=…&sign=…`; an expired or altered URL is refused with 403, like COS.
 *  - deleteFile: `storage.batchDeleteFile`.
 *
 * File IDs look like production ones: `cloud://<env>.<bucket>/<path>`. Stored files are the
 * owner's alone (folders 0700, files 0600, see datadir.ts): they are ID cards and certificates.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dirname, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { CloudError } from './errors'
import { DIR_MODE, FILE_MODE } from './datadir'
import { contentType } from './mime'

/** Largest upload accepted (COS allows more; a government-service attachment never needs it). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024
const UPLOAD_TTL_MS = 15 * 60 * 1000
/** getTempFileURL's default and ceiling for maxAge, in seconds. */
const DEFAULT_MAX_AGE = 86_400
const MAX_MAX_AGE = 7 * 86_400

interface StorageParams {
  path?: unknown
  file_list?: Array<{ fileid?: unknown; max_age?: unknown }>
  fileid_list?: unknown[]
}

/**
 * A cloud path we can store safely: relative, no `.`/`..`/empty segments, no backslashes or
 * control characters, and none of `%?#`, which would not survive the SDK's encodeURI of download
 * URLs (node-sdk storage/index.js downloadFile).
 */
function checkPath(path: unknown): string {
  if (typeof path !== 'string' || path.length === 0 || Buffer.byteLength(path) > 850)
    throw new CloudError('INVALID_PARAM', 'cloudPath 不合法（长度 1–850 字节）')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\%?#]/.test(path) || path.startsWith('/'))
    throw new CloudError('INVALID_PARAM', `cloudPath 含有不允许的字符: ${path}`)
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) throw new CloudError('INVALID_PARAM', `cloudPath 不合法: ${path}`)
  return path
}

function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = randomBytes(8).toString('hex')
  const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n<Resource>local</Resource>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) })
  res.end(xml)
}

export class Storage {
  private readonly secret = randomBytes(32)
  private readonly root: string
  readonly bucketPrefix: string

  constructor(
    dir: string,
    envId: string,
    private readonly baseUrl: () => string,
  ) {
    this.root = resolve(dir)
    mkdirSync(this.root, { recursive: true, mode: DIR_MODE })
    this.bucketPrefix = `cloud://${envId}.${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1300000000/`
  }

  fileId(path: string): string {
    return this.bucketPrefix + path
  }

  /** The stored path of a file ID of this bucket, or null for anything else. */
  pathOf(fileId: unknown): string | null {
    if (typeof fileId !== 'string' || !fileId.startsWith(this.bucketPrefix)) return null
    try {
      return checkPath(fileId.slice(this.bucketPrefix.length))
    } catch {
      return null
    }
  }

  private diskPath(path: string): string {
    const p = resolve(this.root, ...path.split('/'))
    if (!p.startsWith(this.root + sep)) throw new CloudError('INVALID_PARAM', `cloudPath 不合法: ${path}`)
    return p
  }

  private sign(kind: string, path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${kind}\n${path}\n${expires}`).digest('hex')
  }

  private verify(kind: string, path: string, expires: number, signature: string): boolean {
    const expected = Buffer.from(this.sign(kind, path, expires), 'hex')
    const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex')
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  /** Answers one `storage.*` admin action. */
  handle(action: string, p: StorageParams): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata':
        return { data: this.uploadMetadata(p.path) }
      case 'storage.batchGetDownloadUrl':
        return {
          data: { download_list: (Array.isArray(p.file_list) ? p.file_list : []).map((f) => this.downloadUrl(f?.fileid, f?.max_age)) },
        }
      case 'storage.batchDeleteFile':
        return { data: { delete_list: (Array.isArray(p.fileid_list) ? p.fileid_list : []).map((id) => this.remove(id)) } }
      default:
        throw new CloudError('INVALID_PARAM', `本地云不支持该存储操作: ${action}`)
    }
  }

  private uploadMetadata(rawPath: unknown): Record<string, string> {
    const path = checkPath(rawPath)
    const expires = Date.now() + UPLOAD_TTL_MS
    const encoded = path.split('/').map(encodeURIComponent).join('/')
    return {
      url: `${this.baseUrl()}/cos/${encoded}`,
      token: randomBytes(16).toString('hex'),
      authorization: `${expires}.${this.sign('put', path, expires)}`,
      fileId: this.fileId(path),
      cosFileId: randomBytes(12).toString('hex'),
    }
  }

  private downloadUrl(fileId: unknown, maxAge: unknown): Record<string, unknown> {
    const path = this.pathOf(fileId)
    const age =
      maxAge === undefined || maxAge === null
        ? DEFAULT_MAX_AGE
        : Math.min(Math.max(Math.floor(Number(maxAge)) || DEFAULT_MAX_AGE, 1), MAX_MAX_AGE)
    if (!path || !existsSync(this.diskPath(path)))
      return { fileID: fileId, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists', maxAge: age }
    const expires = Date.now() + age * 1000
    // The path stays unencoded, like COS temp URLs: the SDK runs encodeURI over it before a GET,
    // and browsers encode it themselves.
    return {
      fileID: fileId,
      tempFileURL: `${this.baseUrl()}/files/${path}?expires=${expires}&sign=${this.sign('get', path, expires)}`,
      code: 'SUCCESS',
      maxAge: age,
    }
  }

  private remove(fileId: unknown): Record<string, unknown> {
    const path = this.pathOf(fileId)
    const file = path ? this.diskPath(path) : null
    if (!file || !existsSync(file)) return { fileID: fileId, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
    unlinkSync(file)
    return { fileID: fileId, code: 'SUCCESS' }
  }

  /** PUT /cos/<path>: the upload step of cloud.uploadFile. */
  async upload(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    let path: string
    try {
      path = checkPath(decodePath(urlPath))
    } catch {
      req.resume()
      return cosError(res, 400, 'InvalidURI', 'invalid object key')
    }
    const [expiresText, signature = ''] = String(req.headers.authorization ?? '').split('.')
    const expires = Number(expiresText)
    if (!Number.isFinite(expires) || !this.verify('put', path, expires, signature)) {
      req.resume()
      return cosError(res, 403, 'SignatureDoesNotMatch', 'The upload authorization does not match this path')
    }
    if (expires < Date.now()) {
      req.resume()
      return cosError(res, 403, 'AccessDenied', 'Request has expired')
    }
    const file = this.diskPath(path)
    mkdirSync(dirname(file), { recursive: true, mode: DIR_MODE })
    // Written next to the target and renamed, so a reader never sees half a file.
    const tmp = `${file}.upload-${randomBytes(6).toString('hex')}`
    let size = 0
    const limit = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length
        cb(size > MAX_UPLOAD_BYTES ? new Error('too large') : null, chunk)
      },
    })
    try {
      await pipeline(req, limit, createWriteStream(tmp, { mode: FILE_MODE }))
      renameSync(tmp, file)
    } catch {
      rmSync(tmp, { force: true })
      if (!res.headersSent)
        cosError(res, size > MAX_UPLOAD_BYTES ? 400 : 500, size > MAX_UPLOAD_BYTES ? 'EntityTooLarge' : 'InternalError', 'upload failed')
      return
    }
    // COS answers a successful PUT with an empty body (node-sdk parses it as "no <Error>").
    res.writeHead(200, { 'content-length': 0, etag: `"${randomBytes(8).toString('hex')}"` })
    res.end()
  }

  /** GET/HEAD /files/<path>?expires=…&sign=…: a temp file URL. */
  download(req: IncomingMessage, res: ServerResponse, urlPath: string, query: URLSearchParams): void {
    let path: string
    try {
      path = checkPath(decodePath(urlPath))
    } catch {
      return cosError(res, 400, 'InvalidURI', 'invalid object key')
    }
    const expires = Number(query.get('expires'))
    if (!Number.isFinite(expires) || !this.verify('get', path, expires, query.get('sign') ?? ''))
      return cosError(res, 403, 'AccessDenied', 'Invalid signature')
    if (expires < Date.now()) return cosError(res, 403, 'AccessDenied', 'Request has expired')
    const file = this.diskPath(path)
    if (!existsSync(file)) return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
    const type = contentType(file)
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      'cache-control': 'private, max-age=60',
      'x-content-type-options': 'nosniff',
      // Uploads are served from the app's origin: never let one run script there.
      'content-security-policy': "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'",
      ...(/html|svg|xml|javascript/.test(type) ? { 'content-disposition': 'attachment' } : {}),
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
  }

  /** Remove the whole file area (in-memory clouds only). */
  destroy(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}

/** URL path segments back to the cloud path (each segment percent-decoded once). */
function decodePath(urlPath: string): string {
  return urlPath
    .split('/')
    .map((s) => decodeURIComponent(s))
    .join('/')
}
