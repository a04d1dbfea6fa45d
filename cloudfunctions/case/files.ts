import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { keyedHash } from '../_kit/secrets'
import type { MaterialContentType } from '../../types/domain/case-material'

// Storage helpers live in the kit, shared with inquiry images.
export { URL_MAX_AGE_SECONDS, sha256, putFile, deleteFile, readFile, tempUrls } from '../_kit/uploads'

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

/**
 * The storage folder of an account: a keyed hash, so a path (which appears in a file ID) says
 * nothing about whose file it is.
 */
export const ownerDir = (openid: string) => keyedHash(`materials:${openid}`, 24)
