/**
 * What an uploaded material may be. Photos are compressed on the device first (wx.compressImage),
 * so 2 MB holds a legible scan; anything else a window needs on paper is brought to the counter.
 * The type is decided from the first bytes, never from the name or the declared content type.
 */
export const MATERIAL_MAX_BYTES = 2 * 1024 * 1024
/** Files per checklist item: e.g. the two sides of an ID card, a few pages of a contract. */
export const MATERIAL_MAX_FILES = 6

export const MATERIAL_TYPES = {
  'image/jpeg': { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'image/png': { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'application/pdf': { ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
} as const
export type MaterialContentType = keyof typeof MATERIAL_TYPES
export const MATERIAL_CONTENT_TYPES = Object.keys(MATERIAL_TYPES) as [MaterialContentType, ...MaterialContentType[]]

/** The type the bytes really are, or undefined when they are none of the accepted ones. */
export function sniffMaterialType(bytes: Uint8Array): MaterialContentType | undefined {
  return MATERIAL_CONTENT_TYPES.find((t) => MATERIAL_TYPES[t].magic.every((b, i) => bytes[i] === b))
}

/** A checklist item as far as completeness goes: whether it must be there and can be sent online. */
export interface MaterialNeed {
  name: string
  required: boolean
  uploadable: boolean
  files: readonly unknown[]
}

/** The checklist items still to upload before a case can be submitted, by their index in the list. */
export const missingUploads = (materials: readonly MaterialNeed[]): Array<{ index: number; message: string }> =>
  materials.flatMap((m, index) => (m.required && m.uploadable && m.files.length === 0 ? [{ index, message: `请上传${m.name}` }] : []))
