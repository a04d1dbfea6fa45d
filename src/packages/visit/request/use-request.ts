import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { visitContract, type VisitRequestInput } from '../../../../types/contracts/visit'
import type { VisitReason, VisitRelation, VisitSlot } from '../../../../types/domain/visit'
import { issuesOf, type Issue } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { useLoad } from '../../../hooks/useLoad'
import { visitApi } from '../../../services/api/visit'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { redirect } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { toggleSlot } from '../../../components/half-day-picker'

const requestInput = visitContract.actions.request.input

/** Issues by field (the first step of the path, `preferred.0.date` → preferred), the first message of each; a pathless one is the form's. */
function byField(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of issues) out[i.path.split('.')[0] || 'form'] ??= i.message
  return out
}

export type TextKey = 'personName' | 'personPhone' | 'contactPhone' | 'address' | 'reasonNote' | 'note'

/**
 * 申请上门服务's form. One requestId per submitted request: a double tap or a retry after a lost
 * answer makes one request; any edit makes a new one. Checked by the contract's own schema before
 * sending, so the page says what is missing without a round trip.
 */
export function useVisitRequest(matterId: string) {
  const options = useLoad(() => visitApi.options({ matterId }), [matterId], { onShow: false })
  const [reason, setReasonValue] = useState<VisitReason>('elderly')
  const [relation, setRelationValue] = useState<VisitRelation>('self')
  const [text, setText] = useState<Record<TextKey, string>>({
    personName: '',
    personPhone: '',
    contactPhone: '',
    address: '',
    reasonNote: '',
    note: '',
  })
  const [preferred, setPreferred] = useState<VisitSlot[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRef('')
  const edited = (field: string) => {
    requestId.current = ''
    setErrors((e) => (e[field] || e.form ? { ...e, [field]: '', form: '' } : e))
  }

  useEffect(() => prefetchConsent('visit'), [])

  const input = (): VisitRequestInput => {
    const opt = (k: TextKey) => (text[k].trim() ? { [k]: text[k] } : {})
    return {
      matterId,
      reason,
      relation,
      personName: text.personName,
      personPhone: text.personPhone,
      address: text.address,
      preferred,
      ...opt('reasonNote'),
      ...opt('note'),
      ...(relation === 'self' ? {} : opt('contactPhone')),
      requestId: requestId.current || 'draft-check',
    }
  }

  const submit = async () => {
    if (busy) return
    const checked = requestInput.safeParse(input())
    if (!checked.success) return setErrors(byField(issuesOf(checked.error)))
    setErrors({})
    setBusy(true)
    if (!requestId.current) requestId.current = newRequestId('vs')
    // 上门服务进度提醒: asked in this tap, before the request exists (WeChat's rule).
    await askConsent('visit')
    Taro.showLoading({ title: '正在提交', mask: true })
    const r = await visitApi.request({ ...input(), requestId: requestId.current })
    Taro.hideLoading()
    setBusy(false)
    if (!r.ok) {
      const out = byField(r.error.issues ?? [])
      if (!Object.keys(out).length || out.matterId) out.form = out.matterId ?? r.error.message
      return setErrors(out)
    }
    void redirect(ROUTES.visitDetail, { id: r.data.visitId, fresh: 1 })
  }

  return {
    options,
    reason,
    setReason: (v: VisitReason) => {
      setReasonValue(v)
      edited('reasonNote')
    },
    relation,
    setRelation: (v: VisitRelation) => {
      setRelationValue(v)
      edited('contactPhone')
    },
    text,
    type: (k: TextKey, v: string) => {
      setText((t) => ({ ...t, [k]: v }))
      edited(k)
    },
    preferred,
    toggle: (s: VisitSlot) => {
      setPreferred((p) => toggleSlot(p, s))
      edited('preferred')
    },
    errors,
    busy,
    submit,
  }
}
