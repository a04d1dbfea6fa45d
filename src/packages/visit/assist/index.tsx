import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { ASSIST_REASONS, ASSIST_REASON_LABELS, type AssistReason } from '../../../../types/domain/assist'
import { ok, type AppErrorBody } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { fieldKeys, TextField, type TextFieldSpec } from '../../../components/text-field'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { accountApi } from '../../../services/api/account'
import { assistApi } from '../../../services/api/assist'
import { catalogApi } from '../../../services/api/catalog'
import { navigate, redirect, useQuery } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import '../assist-page.scss'

const DETAIL_MAX = 300
const REASONS = ASSIST_REASONS.map((r) => ({ value: r, label: ASSIST_REASON_LABELS[r] }))
const WHO = [
  { value: 'self', label: '为本人申请' },
  { value: 'other', label: '为家人申请' },
] as const

const RELATIVE_FIELDS = {
  relation: { label: '与您的关系', maxlength: 10, placeholder: '如：母亲' },
  name: { label: '家人姓名', maxlength: 20 },
  phone: { label: '家人电话', maxlength: 11, type: 'number' },
} satisfies Record<string, TextFieldSpec>
type RelativeKey = keyof typeof RELATIVE_FIELDS

/** Field errors by the path the contract names (`forOther.name` → `name`). */
const errorsOf = (e: AppErrorBody | null): Record<string, string> =>
  Object.fromEntries((e?.issues ?? []).map((i) => [i.path.replace(/^forOther\./, ''), i.message]))

/**
 * 申请帮办代办: what it is about (the matter it was opened from, or anything), why help is needed,
 * what to help with, for whom, and a phone number the helper calls. The centre office's desk
 * claims it within a working day (首问负责制) and can prepare the online application for the
 * citizen to check and submit.
 */
export default function AssistRequest() {
  const { rootClass } = useLargeText()
  const matterId = useQuery(ROUTES.assistRequest).matterId ?? ''
  const matter = useLoad(async () => (matterId ? catalogApi.getMatter({ id: matterId }) : ok(null)), [matterId], {
    onShow: false,
  })
  const profile = useLoad(() => accountApi.getProfile(), [], { onShow: false })
  const [reason, setReason] = useState<AssistReason>('elderly')
  const [detail, setDetail] = useState('')
  const [who, setWho] = useState<'self' | 'other'>('self')
  const [relative, setRelative] = useState<Record<RelativeKey, string>>({ relation: '', name: '', phone: '' })
  const [phone, setPhone] = useState<string | null>(null)
  const [failure, setFailure] = useState<AppErrorBody | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId] = useState(() => newRequestId('as'))
  const contactPhone = phone ?? profile.data?.profile?.phone ?? ''
  const errors = errorsOf(failure)

  const submit = async () => {
    if (busy) return
    setBusy(true)
    const r = await assistApi.request({
      ...(matterId ? { matterId } : {}),
      reason,
      detail,
      contactPhone,
      ...(who === 'other' ? { forOther: relative } : {}),
      requestId,
    })
    setBusy(false)
    if (r.ok) redirect(ROUTES.assistDetail, { id: r.data.assistId, fresh: 1 })
    else setFailure(r.error)
  }

  return (
    <View className={`${rootClass} assist-page assist-request`}>
      <View className="assist-page__head">
        <Text className="assist-page__title">申请帮办代办</Text>
        <Text className="assist-page__sub">
          中心办公室帮办员一般1个工作日内与您电话联系，可帮您准备材料、代填网上申请，由您确认后提交。老年人、残疾人等行动不便的，也可申请上门服务。
        </Text>
        <View className="assist-page__link" hoverClass="assist-page__link--pressed" onClick={() => navigate(ROUTES.visitMine)}>
          查看我的帮办 ›
        </View>
      </View>

      <Section title="办理事项">
        <Text className="assist-request__matter">{matterId ? (matter.data?.name ?? '正在读取事项…') : '其他事项（电话沟通后确定）'}</Text>
        {errors.matterId && <Text className="form-field__error">{errors.matterId}</Text>}
      </Section>

      <Section title="需要帮办的原因">
        <ChoiceChips name="reason" options={REASONS} value={reason} onChange={setReason} />
      </Section>

      <Section title="需要帮什么">
        <FormField label="请简单说明情况" name="detail" error={errors.detail} hint={`${Array.from(detail).length}/${DETAIL_MAX}字`}>
          <Textarea
            className="assist-page__textarea"
            value={detail}
            maxlength={DETAIL_MAX}
            placeholder="例如：母亲七十多岁，不会用手机申请，想请人帮忙填表"
            onInput={(e) => setDetail(e.detail.value)}
          />
        </FormField>
      </Section>

      <Section title="为谁申请">
        <ChoiceChips name="who" options={WHO} value={who} onChange={setWho} />
        {who === 'other' &&
          fieldKeys(RELATIVE_FIELDS).map((k) => (
            <TextField
              key={k}
              name={`relative-${k}`}
              {...RELATIVE_FIELDS[k]}
              value={relative[k]}
              error={errors[k]}
              onType={(v) => setRelative((x) => ({ ...x, [k]: v }))}
            />
          ))}
        <TextField
          name="contactPhone"
          label="您的联系电话"
          maxlength={11}
          type="number"
          hint="帮办员会打这个电话与您联系"
          value={contactPhone}
          error={errors.contactPhone}
          onType={setPhone}
        />
      </Section>

      {failure && !failure.issues?.length && <Text className="assist-page__error">{failure.message}</Text>}
      <View className="assist-page__actions">
        <BigButton text="提交帮办申请" loading={busy} loadingText="正在提交…" onClick={submit} />
      </View>
    </View>
  )
}
