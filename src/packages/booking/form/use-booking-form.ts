import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { appointmentContract } from '../../../../types/contracts/appointment'
import type { Profile } from '../../../../types/domain/profile'
import { issuesOf, type AppErrorBody, type Issue } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { accountApi } from '../../../services/api/account'
import { appointmentApi } from '../../../services/api/appointment'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { toast } from '../../../utils/alert'
import { redirect } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { relationMissing } from '../../../components/person-fields'

type FieldName = 'name' | 'idNumber' | 'phone' | 'relation'
export type Errors = Partial<Record<FieldName | 'form', string>>

const bookInput = appointmentContract.actions.book.input
const FIELDS: FieldName[] = ['name', 'idNumber', 'phone', 'relation']

/** Issues (client-side zod or the server's) as one message per field; the rest go to the form. */
function errorsOf(issues: Issue[] | undefined, fallback: string): Errors {
  const out: Errors = {}
  for (const i of issues ?? []) {
    const key = (FIELDS as string[]).includes(i.path.split('.')[0]) ? (i.path.split('.')[0] as FieldName) : 'form'
    out[key] ??= i.message
  }
  if (Object.keys(out).length === 0) out.form = fallback
  return out
}

export interface Draft {
  name: string
  idNumber: string
  phone: string
  forOther: boolean
  relation: string
}

/** My own booking starts from the saved profile (避免二次录入). */
const draftFrom = (p: Profile | null): Draft => ({
  name: p?.name ?? '',
  idNumber: p?.idNumber ?? '',
  phone: p?.phone ?? '',
  forOther: false,
  relation: '',
})

/**
 * Step 3's form: who comes, checked with the contract's own schema before anything is sent, then
 * shown once more on a confirm screen. Entering the confirm screen makes one requestId, so a double
 * tap or a retry there can only ever make one booking. `saved` is the profile as loaded when the
 * form opened: the form starts from it.
 */
export function useBookingForm({
  matterId,
  slotId,
  anyWindow,
  saved,
}: {
  matterId: string
  slotId: string
  anyWindow: boolean
  saved: Profile | null
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(saved))
  // Not ticked by default: the profile keeps an ID number, which is kept only when the citizen asks.
  const [saveAsProfile, setSaveAsProfile] = useState(false)
  const [errors, setErrors] = useState<Errors>({})
  const [step, setStep] = useState<'edit' | 'confirm'>('edit')
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<AppErrorBody | null>(null)
  const requestId = useRef('')
  const consentAsked = useRef(false)

  const set = (field: FieldName) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }))
  }

  /** Someone else's booking starts blank; switching back restores my own details. */
  const setForOther = (on: boolean) => {
    setDraft((d) =>
      on
        ? { ...d, forOther: true, name: '', idNumber: '' }
        : { ...d, forOther: false, relation: '', name: saved?.name ?? '', idNumber: saved?.idNumber ?? '' },
    )
    setErrors({})
  }

  const input = () => ({
    slotId,
    matterId,
    anyWindow,
    requestId: requestId.current,
    name: draft.name,
    idNumber: draft.idNumber,
    phone: draft.phone,
    forOther: draft.forOther,
    ...(draft.forOther && draft.relation.trim() ? { relation: draft.relation } : {}),
  })

  const next = () => {
    const checked = bookInput.safeParse({ ...input(), requestId: 'draft-check' })
    const issues = [...(checked.success ? [] : issuesOf(checked.error)), ...relationMissing(draft)]
    if (issues.length) return setErrors(errorsOf(issues, '请检查填写的信息'))
    requestId.current = newRequestId('bk')
    consentAsked.current = false
    prefetchConsent('booking')
    setFailure(null)
    setStep('confirm')
  }

  const saveProfile = async () => {
    const r = await accountApi.saveProfile({
      name: draft.name,
      idNumber: draft.idNumber,
      phone: draft.phone,
      ...(saved?.address ? { address: saved.address } : {}),
    })
    if (!r.ok) toast('预约成功，常用信息未能保存')
  }

  const submit = async () => {
    if (submitting) return
    setSubmitting(true)
    setFailure(null)
    // 订阅消息 consent first, inside this tap (WeChat's rule), once per confirm screen: the
    // confirmation is pushed right after booking, so the grant must already be recorded.
    if (!consentAsked.current) {
      consentAsked.current = true
      await askConsent('booking')
    }
    const r = await appointmentApi.book(input())
    if (r.ok) {
      if (saveAsProfile && !draft.forOther) await saveProfile()
      setSubmitting(false)
      void redirect(ROUTES.bookingDetail, { id: r.data.bookingId, fresh: 1 })
      return
    }
    setSubmitting(false)
    if (r.error.code === 'INVALID_INPUT' && r.error.issues?.some((i) => FIELDS.includes(i.path as FieldName))) {
      setErrors(errorsOf(r.error.issues, r.error.message))
      setStep('edit')
      return
    }
    setFailure(r.error)
  }

  return {
    draft,
    set,
    setForOther,
    saveAsProfile,
    setSaveAsProfile,
    errors,
    step,
    next,
    submit,
    submitting,
    failure,
    edit: () => setStep('edit'),
    /** 重新选择时段: the slot was taken meanwhile. */
    repick: () => Taro.navigateBack(),
  }
}

export type BookingForm = ReturnType<typeof useBookingForm>
