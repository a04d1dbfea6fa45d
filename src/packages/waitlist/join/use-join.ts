import { useEffect, useState } from 'react'
import { appointmentContract } from '../../../../types/contracts/appointment'
import type { WaitlistHalf } from '../../../../types/domain/waitlist'
import { issuesOf, type Issue } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { accountApi } from '../../../services/api/account'
import { appointmentApi } from '../../../services/api/appointment'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { redirect } from '../../../utils/nav'
import { relationMissing } from '../../../components/person-fields'

const joinInput = appointmentContract.actions.joinWaitlist.input
export const JOIN_FIELDS = ['from', 'to', 'half', 'windowId', 'name', 'idNumber', 'phone', 'relation'] as const
type Field = (typeof JOIN_FIELDS)[number]
export type JoinErrors = Partial<Record<Field | 'form', string>>

export interface JoinDraft {
  from: string
  to: string
  half: WaitlistHalf
  windowId: string
  auto: boolean
  forOther: boolean
  relation: string
  name: string
  idNumber: string
  phone: string
}

function errorsOf(issues: Issue[], fallback: string): JoinErrors {
  const out: JoinErrors = {}
  for (const i of issues) {
    const key = (JOIN_FIELDS as readonly string[]).includes(i.path) ? (i.path as Field) : 'form'
    out[key] ??= i.message
  }
  if (!Object.keys(out).length) out.form = fallback
  return out
}

/**
 * The join form's state: the wishes (dates, half-day, window, 自动预约) and the applicant as a
 * booking needs them, checked with the contract's schema before sending; my saved profile fills
 * the applicant in. The offer is pushed later, so consent is asked in the tap that joins.
 */
export function useJoin(matterId: string, firstDate: string) {
  const [typed, setDraft] = useState<JoinDraft>({
    from: '',
    to: '',
    half: 'any',
    windowId: '',
    auto: false,
    forOther: false,
    relation: '',
    name: '',
    idNumber: '',
    phone: '',
  })
  // Until a date is picked, the range is the day the person came from (or the first open day, once loaded).
  const from = typed.from || firstDate
  const draft: JoinDraft = { ...typed, from, to: typed.to && typed.to >= from ? typed.to : from }
  const [errors, setErrors] = useState<JoinErrors>({})
  const [sending, setSending] = useState(false)

  useEffect(() => {
    prefetchConsent('booking')
    void accountApi.getProfile({}).then((r) => {
      const p = r.ok ? r.data.profile : null
      if (p) setDraft((d) => (d.name || d.idNumber ? d : { ...d, name: p.name ?? '', idNumber: p.idNumber ?? '', phone: p.phone ?? '' }))
    })
  }, [])

  const set =
    <K extends keyof JoinDraft>(key: K) =>
    (value: JoinDraft[K]) => {
      setDraft((d) => {
        const next = { ...d, [key]: value }
        // A start after the end moves the end along.
        if (key === 'from' && next.to && next.to < String(value)) next.to = String(value)
        return next
      })
      setErrors((e) => ({ ...e, [key]: undefined, form: undefined }))
    }

  const input = () => ({
    matterId,
    from: draft.from,
    to: draft.to,
    half: draft.half,
    ...(draft.windowId ? { windowId: draft.windowId } : {}),
    auto: draft.auto,
    name: draft.name,
    idNumber: draft.idNumber,
    phone: draft.phone,
    forOther: draft.forOther,
    ...(draft.forOther && draft.relation.trim() ? { relation: draft.relation } : {}),
  })

  const submit = async () => {
    if (sending) return
    const checked = joinInput.safeParse(input())
    const issues = [...(checked.success ? [] : issuesOf(checked.error)), ...relationMissing(draft)]
    if (issues.length) return setErrors(errorsOf(issues, '请检查填写的信息'))
    setSending(true)
    await askConsent('booking')
    const r = await appointmentApi.joinWaitlist(input())
    setSending(false)
    if (r.ok) {
      void redirect(ROUTES.waitlistMine, { fresh: 1 })
      return
    }
    setErrors(errorsOf(r.error.issues ?? [], r.error.message))
  }

  return { draft, set, errors, sending, submit }
}
