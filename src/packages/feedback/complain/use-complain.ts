import { useRef, useState } from 'react'
import { complaintContract, type ComplaintInput } from '../../../../types/contracts/complaint'
import { COMPLAINT_PHOTO_MAX, COMPLAINT_SUBJECT_KINDS, type ComplaintSubjectKind } from '../../../../types/domain/complaint'
import { issuesOf, type Issue } from '../../../../types/result'
import { complaintApi } from '../../../services/api/complaint'
import { newRequestId } from '../../../utils/request-id'
import { pickPhoto, sendPhoto, type PickedPhoto } from './photos'

const submitInput = complaintContract.actions.submit.input

/** A photo on the form: being sent, sent (its id goes with the submit), or failed (tap to send again). */
export interface FormPhoto {
  key: number
  photo: PickedPhoto
  state: 'sending' | 'sent' | 'failed'
  photoId?: string
  error?: string
}

export interface Sent {
  trackingNo: string
  decideDue: string
  password?: string
}

interface Fields {
  kind: ComplaintSubjectKind
  caseId: string
  windowId: string
  staffNo: string
  staffName: string
  text: string
  anonymous: boolean
  contactPhone: string
}

export interface ComplainPreset {
  kind?: string
  caseId?: string
  windowId?: string
}

/** Issues by field: `about.caseId` → caseId, `contactPhone` → contactPhone; a pathless one is the form's. */
function byField(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of issues) {
    const parts = i.path.split('.')
    const key = parts[0] === 'about' ? (parts[1] ?? 'kind') : parts[0] || 'form'
    out[key] ??= i.message
  }
  return out
}

const isKind = (k: string | undefined): k is ComplaintSubjectKind => (COMPLAINT_SUBJECT_KINDS as readonly string[]).includes(k ?? '')

/**
 * 我要投诉's form. Photos are sent as soon as they are picked (each shows its progress); the
 * complaint is submitted once every photo is sent, with one requestId per submitted form, so a
 * retry after a lost answer never files twice (any edit makes a new one).
 */
export function useComplain(preset: ComplainPreset) {
  const [fields, setFields] = useState<Fields>({
    // A window is what a complaint is most often about; a case page opens it for its case.
    kind: isKind(preset.kind) ? preset.kind : preset.caseId ? 'case' : 'window',
    caseId: preset.caseId ?? '',
    windowId: preset.windowId ?? '',
    staffNo: '',
    staffName: '',
    text: '',
    anonymous: false,
    contactPhone: '',
  })
  const [photos, setPhotos] = useState<FormPhoto[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<Sent | null>(null)
  const requestId = useRef('')
  const nextKey = useRef(1)

  const edited = (field?: string) => {
    requestId.current = ''
    if (field) setErrors((e) => (e[field] || e.form ? { ...e, [field]: '', form: '' } : e))
  }
  const set = <K extends keyof Fields>(field: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [field]: value }))
    edited(field)
  }

  const update = (key: number, patch: Partial<FormPhoto>) => setPhotos((xs) => xs.map((p) => (p.key === key ? { ...p, ...patch } : p)))
  const send = async (key: number, photo: PickedPhoto) => {
    update(key, { state: 'sending', error: undefined })
    const r = await sendPhoto(photo)
    update(key, r.ok ? { state: 'sent', photoId: r.data.photoId } : { state: 'failed', error: r.error.message })
  }
  const addPhoto = async () => {
    if (photos.length >= COMPLAINT_PHOTO_MAX) return
    const r = await pickPhoto()
    if (!r.ok) {
      if (!r.cancelled) setErrors((e) => ({ ...e, photos: r.message }))
      return
    }
    const key = nextKey.current++
    setPhotos((xs) => [...xs, { key, photo: r.photo, state: 'sending' as const }].slice(0, COMPLAINT_PHOTO_MAX))
    edited('photos')
    await send(key, r.photo)
  }
  const retryPhoto = (key: number) => {
    const p = photos.find((x) => x.key === key)
    if (p && p.state === 'failed') void send(key, p.photo)
  }
  const removePhoto = (key: number) => {
    setPhotos((xs) => xs.filter((p) => p.key !== key))
    edited('photos')
  }

  const { kind, caseId, windowId, staffNo, staffName, text, anonymous, contactPhone } = fields
  const about = (): ComplaintInput<'submit'>['about'] =>
    kind === 'case'
      ? { kind, caseId: caseId.trim() }
      : kind === 'window'
        ? { kind, windowId }
        : kind === 'staff'
          ? { kind, ...(staffNo.trim() ? { staffNo: staffNo.trim() } : {}), ...(staffName.trim() ? { staffName: staffName.trim() } : {}) }
          : { kind }

  const sending = photos.some((p) => p.state === 'sending')
  const submit = async () => {
    if (busy || sending) return
    if (photos.some((p) => p.state === 'failed')) return setErrors({ photos: '有照片未上传成功，请点按重试或删除后再提交' })
    const input = {
      about: about(),
      text,
      anonymous,
      ...(!anonymous && contactPhone.trim() ? { contactPhone: contactPhone.trim() } : {}),
      photos: photos.map((p) => p.photoId!),
    }
    const checked = submitInput.safeParse({ ...input, requestId: 'draft-check' })
    if (!checked.success) return setErrors(byField(issuesOf(checked.error)))
    setErrors({})
    setBusy(true)
    if (!requestId.current) requestId.current = newRequestId('cp')
    const r = await complaintApi.submit({ ...input, requestId: requestId.current })
    setBusy(false)
    if (!r.ok) {
      const out = byField(r.error.issues ?? [])
      if (Object.keys(out).length === 0) out.form = r.error.message
      return setErrors(out)
    }
    setSent(r.data)
  }

  return {
    ...fields,
    set,
    photos,
    addPhoto,
    retryPhoto,
    removePhoto,
    sending,
    errors,
    busy,
    submit,
    sent,
  }
}
