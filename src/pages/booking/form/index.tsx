import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { appointmentContract } from '../../../../types/contracts/appointment'
import { maskIdNumber, maskPhone } from '../../../../types/domain/masking'
import type { Profile } from '../../../../types/domain/profile'
import { parseSlotId } from '../../../../types/domain/schedule'
import type { AppErrorBody, Issue } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { CheckBox } from '../../../components/check-box'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useRemote } from '../../../hooks/useRemote'
import { getProfile, saveProfile } from '../../../services/account'
import { book } from '../../../services/appointment'
import { getMatter } from '../../../services/catalog'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { longDate } from '../../../utils/dates'
import { pageUrl, param } from '../../../utils/params'
import { newRequestId } from '../../../utils/request-id'
import { windowLabel } from '../../../utils/windows'
import '../booking.scss'
import './index.scss'

type FieldName = 'name' | 'idNumber' | 'phone' | 'relation'
type Errors = Partial<Record<FieldName | 'form', string>>

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

interface Draft {
  name: string
  idNumber: string
  phone: string
  forOther: boolean
  relation: string
}

const EMPTY: Draft = { name: '', idNumber: '', phone: '', forOther: false, relation: '' }

/**
 * Step 3: who comes. Prefilled from the saved profile (避免二次录入); checked with the contract's
 * own schema before anything is sent, then shown once more on a confirm screen. The confirm screen
 * makes one requestId, so a double tap or a retry there can only ever make one booking.
 */
export default function BookingForm() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const matterId = param(params.matterId)
  const slotId = param(params.slotId)
  const end = param(params.end)
  const slot = parseSlotId(slotId)
  const matter = useRemote(() => getMatter(matterId), [matterId])
  const profile = useRemote(getProfile, [])

  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [saveAsProfile, setSaveAsProfile] = useState(true)
  const [errors, setErrors] = useState<Errors>({})
  const [step, setStep] = useState<'edit' | 'confirm'>('edit')
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<AppErrorBody | null>(null)
  const requestId = useRef('')
  const saved = useRef<Profile | null>(null)
  const consentAsked = useRef(false)

  // Prefill once the saved profile arrives (only fields the person has not typed in yet).
  useEffect(() => {
    if (profile.status !== 'ready') return
    const p = profile.data.profile
    saved.current = p
    setSaveAsProfile(!p)
    if (p) setDraft((d) => ({ ...d, name: d.name || p.name, idNumber: d.idNumber || p.idNumber, phone: d.phone || p.phone }))
  }, [profile.status])

  const set = (field: keyof Draft) => (value: string | boolean) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }))
  }

  const toggleForOther = (on: boolean) => {
    const p = saved.current
    // Someone else's booking starts blank; switching back restores my own details.
    setDraft((d) =>
      on
        ? { ...d, forOther: true, name: '', idNumber: '' }
        : { ...d, forOther: false, relation: '', name: p?.name ?? '', idNumber: p?.idNumber ?? '' },
    )
    setErrors({})
  }

  const input = () => ({
    slotId,
    matterId,
    requestId: requestId.current,
    name: draft.name,
    idNumber: draft.idNumber,
    phone: draft.phone,
    forOther: draft.forOther,
    ...(draft.forOther && draft.relation.trim() ? { relation: draft.relation } : {}),
  })

  const next = () => {
    const checked = bookInput.safeParse({ ...input(), requestId: 'draft-check' })
    const relationMissing = draft.forOther && !draft.relation.trim()
    if (!checked.success || relationMissing) {
      const issues = checked.success ? [] : checked.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
      if (relationMissing) issues.push({ path: 'relation', message: '请填写与预约人的关系' })
      setErrors(errorsOf(issues, '请检查填写的信息'))
      return
    }
    requestId.current = newRequestId('bk')
    consentAsked.current = false
    prefetchConsent('booking')
    setFailure(null)
    setStep('confirm')
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
    const r = await book(input())
    if (r.ok) {
      if (saveAsProfile && !draft.forOther) {
        const s = await saveProfile({
          name: draft.name,
          idNumber: draft.idNumber,
          phone: draft.phone,
          ...(saved.current?.address ? { address: saved.current.address } : {}),
        })
        if (!s.ok) Taro.showToast({ title: '预约成功，常用信息未能保存', icon: 'none' })
      }
      setSubmitting(false)
      Taro.redirectTo({ url: pageUrl('/pages/booking/detail/index', { id: r.data.bookingId, fresh: 1 }) })
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

  const m = matter.status === 'ready' ? matter.data : undefined
  const when = slot ? `${longDate(slot.date)} ${slot.start}${end ? `–${end}` : ''}` : ''

  if (!slot) {
    return (
      <View className={`${rootClass} booking booking-form`}>
        <StatusView kind="empty" message="预约时段无效，请重新选择" />
      </View>
    )
  }

  const summary = (
    <Section title="预约事项">
      <InfoRow label="事项" strong>
        {m?.name ?? '…'}
      </InfoRow>
      <InfoRow label="时间" strong>
        {when}
      </InfoRow>
      <InfoRow label="窗口">{windowLabel(m?.windows, slot.windowId)}</InfoRow>
      {m?.department.location && <InfoRow label="地点">{m.department.location}</InfoRow>}
    </Section>
  )

  if (step === 'confirm') {
    const retryable = failure?.code === 'INTERNAL'
    return (
      <View className={`${rootClass} booking booking-form booking-confirm`}>
        <View className="booking__head">
          <Text className="booking__step">确认信息</Text>
          <Text className="booking__title">请核对后提交</Text>
        </View>
        {summary}
        <Section title="预约人">
          <InfoRow label="姓名" strong>
            {draft.name.trim()}
          </InfoRow>
          <InfoRow label="身份证">{maskIdNumber(draft.idNumber.trim().toUpperCase())}</InfoRow>
          <InfoRow label="手机号">{maskPhone(draft.phone.trim())}</InfoRow>
          {draft.forOther && <InfoRow label="关系">为{draft.relation.trim()}预约</InfoRow>}
        </Section>
        {failure && <Text className="booking__error booking-confirm__error">{failure.message}</Text>}
        <View className="booking__actions">
          {(!failure || retryable) && (
            <BigButton text={submitting ? '正在提交…' : retryable ? '重新提交' : '确认提交'} disabled={submitting} onClick={submit} />
          )}
          {failure?.code === 'CONFLICT' && <BigButton text="重新选择时段" onClick={() => Taro.navigateBack()} />}
          <BigButton kind="secondary" text="返回修改" disabled={submitting} onClick={() => setStep('edit')} />
        </View>
      </View>
    )
  }

  return (
    <View className={`${rootClass} booking booking-form`}>
      <View className="booking__head">
        <Text className="booking__step">第3步，共3步</Text>
        <Text className="booking__title">填写预约人信息</Text>
        <Text className="booking__sub">须与到场办理人的身份证一致</Text>
      </View>
      {summary}
      {profile.status === 'loading' ? (
        <StatusView kind="loading" message="正在读取常用信息…" />
      ) : (
        <View className="section booking-form__fields">
          <View className="booking-form__switch">
            <View className="booking-form__switch-text">
              <Text className="booking-form__switch-title">为他人预约</Text>
              <Text className="booking-form__switch-desc">如替父母、子女预约</Text>
            </View>
            <Switch
              className="booking-form__for-other"
              checked={draft.forOther}
              color="#0b57d0"
              onChange={(e) => toggleForOther(e.detail.value)}
            />
          </View>
          {draft.forOther && (
            <FormField label="与预约人的关系" name="relation" error={errors.relation}>
              <Input
                className="form-field__input"
                value={draft.relation}
                maxlength={10}
                placeholder="如：父亲、母亲"
                onInput={(e) => set('relation')(e.detail.value)}
              />
            </FormField>
          )}
          <FormField label={draft.forOther ? '预约人姓名' : '姓名'} name="name" error={errors.name}>
            <Input
              className="form-field__input"
              value={draft.name}
              maxlength={20}
              placeholder="与身份证一致"
              onInput={(e) => set('name')(e.detail.value)}
            />
          </FormField>
          <FormField label="身份证号码" name="idNumber" error={errors.idNumber}>
            <Input
              className="form-field__input"
              type="idcard"
              value={draft.idNumber}
              maxlength={18}
              placeholder="18位居民身份证号码"
              onInput={(e) => set('idNumber')(e.detail.value)}
            />
          </FormField>
          <FormField label="手机号码" name="phone" error={errors.phone} hint="用于接收预约提醒">
            <Input
              className="form-field__input"
              type="number"
              value={draft.phone}
              maxlength={11}
              placeholder="11位手机号码"
              onInput={(e) => set('phone')(e.detail.value)}
            />
          </FormField>
          {!draft.forOther && (
            <CheckBox label="保存为常用信息，下次自动填写" checked={saveAsProfile} onChange={setSaveAsProfile} name="save-profile" />
          )}
          {profile.status === 'error' && <Text className="booking__note">未能读取常用信息，请手动填写。</Text>}
        </View>
      )}
      {errors.form && <Text className="booking__error">{errors.form}</Text>}
      <View className="booking__actions">
        <BigButton text="下一步：核对信息" disabled={profile.status === 'loading'} onClick={next} />
      </View>
    </View>
  )
}
