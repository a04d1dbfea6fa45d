import type { InquirySummary } from '../../types/contracts/inquiry'
import { INQUIRY_IMAGE_MAX_BYTES, INQUIRY_IMAGE_TYPES, type InquiryImageType, type InquiryState } from '../../types/domain/inquiry'
import type { TagProps } from '../components/tag'
import { monthDay } from './dates'
import { pickMaterialFile, type PickedFile } from './files'

export const INQUIRY_STATE_TONES: Record<InquiryState, NonNullable<TagProps['tone']>> = {
  open: 'orange',
  claimed: 'blue',
  answered: 'green',
  closed: 'gray',
}

/** 答复期限 9月29日 · 已超期 — for the person waiting (citizen) or the one who must answer (staff). */
export function dueText(due: NonNullable<InquirySummary['due']>, forStaff = false): string {
  const when = monthDay(due.dueDate)
  if (due.level === 'overdue') return forStaff ? `答复期限 ${when} · 已超期` : `应于${when}前答复 · 已超过答复期限`
  if (due.level === 'near') return forStaff ? `答复期限 ${when} · 今日到期` : `应于${when}前答复`
  return forStaff ? `答复期限 ${when}` : `预计${when}前答复`
}

export const isInquiryImageType = (t: string): t is InquiryImageType => (INQUIRY_IMAGE_TYPES as readonly string[]).includes(t)

export type PickedImage = PickedFile & { contentType: InquiryImageType }
export type ImagePick = { ok: true; image: PickedImage } | { ok: false; cancelled: boolean; message: string }

/**
 * One photo for a question, through the material picker (same checks by the first bytes and the
 * same on-device compression); a question takes pictures only, so a PDF is refused here.
 */
export async function pickInquiryImage(): Promise<ImagePick> {
  const r = await pickMaterialFile()
  if (!r.ok) return r
  if (!isInquiryImageType(r.file.contentType)) return { ok: false, cancelled: false, message: '咨询只能添加JPEG或PNG图片' }
  if (r.file.size > INQUIRY_IMAGE_MAX_BYTES) return { ok: false, cancelled: false, message: '图片不能超过2MB' }
  return { ok: true, image: r.file as PickedImage }
}

/** A picked image shown before it is sent (the bytes are already in memory). */
export const dataUrlOf = (img: Pick<PickedFile, 'contentType' | 'dataBase64'>) => `data:${img.contentType};base64,${img.dataBase64}`
