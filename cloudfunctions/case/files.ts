import { createHash, createHmac } from 'node:crypto'
import { cloud, db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import type { MaterialContentType } from '../../types/domain/case-material'

/** Temporary download URLs live 10 minutes at most (issue 4): long enough to view, too short to pass around. */
export const URL_MAX_AGE_SECONDS = 600

/** An item of the citizen's material library; a case refers to it by libraryId and reuses its fileId. */
export interface LibraryDoc {
  _id: string
  openid: string
  fileId: string
  fileName: string
  contentType: MaterialContentType
  size: number
  sha256: string
  materialName: string
  createdAt: Date
}
export const library = () => db().collection<LibraryDoc>(COLLECTIONS.materials)

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/**
 * The storage folder of an account: a keyed hash, so a path (which appears in a file ID) says
 * nothing about whose file it is.
 */
export const ownerDir = (openid: string) =>
  createHmac('sha256', process.env.ID_HASH_KEY || 'local-dev-only-key').update(`materials:${openid}`).digest('hex').slice(0, 24)

interface SdkStorage {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  deleteFile(o: { fileList: string[] }): Promise<unknown>
  getTempFileURL(o: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string }> }>
}
const storage = () => cloud as unknown as SdkStorage

export const putFile = async (cloudPath: string, fileContent: Buffer) => (await storage().uploadFile({ cloudPath, fileContent })).fileID
export const deleteFile = (fileId: string) => storage().deleteFile({ fileList: [fileId] })

/** Short-lived URLs for files the caller was just authorised to see (50 per call is the cloud's batch limit). */
export async function tempUrls(fileIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)]
  const out = new Map<string, string>()
  for (let i = 0; i < unique.length; i += 50) {
    const { fileList } = await storage().getTempFileURL({ fileList: unique.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: URL_MAX_AGE_SECONDS })) })
    for (const f of fileList) if (f.tempFileURL) out.set(f.fileID, f.tempFileURL)
  }
  return out
}
