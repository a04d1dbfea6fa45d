import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { caseContract, type CaseView } from '../../../../types/contracts/case'
import type { InputOf } from '../../../../types/contracts/contract'
import type { CaseAction } from '../../../../types/domain/case-machine'
import type { SupplementItem } from '../../../../types/domain/case-supplement'
import type { Issue } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { CheckBox } from '../../../components/check-box'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { actOnCase } from '../../../services/case'
import { actionLabel } from '../../../utils/case'

type ActInput = InputOf<(typeof caseContract.actions)['act']>

/** An item of the supplement notice being written: what it is about (material, field or other) and what is wrong. */
interface ItemDraft {
  target: number
  other: string
  problem: string
}

/** Targets a supplement item can name: every checklist material, every form field, or something else. */
function targetsOf(c: CaseView) {
  return [
    ...c.materials.map((m) => ({ label: `材料：${m.name}`, item: { material: m.index } as Partial<SupplementItem> })),
    ...c.formFields.map((f) => ({ label: `表单：${f.label}`, item: { field: f.key } as Partial<SupplementItem> })),
    { label: '其他事项…', item: {} as Partial<SupplementItem> },
  ]
}

/** The inputs a transition needs, then the transition itself: every staff action goes through here. */
export function ActionPanel({
  c,
  action,
  onDone,
  onCancel,
}: {
  c: CaseView
  action: CaseAction
  onDone: () => void
  onCancel: () => void
}) {
  const targets = targetsOf(c)
  const OTHER = targets.length - 1
  const [note, setNote] = useState('')
  const [internal, setInternal] = useState(false)
  const [items, setItems] = useState<ItemDraft[]>([{ target: 0, other: '', problem: '' }])
  const [reason, setReason] = useState('')
  const [pickupCode, setPickupCode] = useState('')
  const [trackingNo, setTrackingNo] = useState('')
  const [carrier, setCarrier] = useState('EMS')
  const [address, setAddress] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const mailNeedsAddress = c.delivery.method !== 'mail'
  const handOver = action === 'complete' && c.state === 'ready_for_pickup'

  const setItem = (i: number, patch: Partial<ItemDraft>) => setItems((xs) => xs.map((x, k) => (k === i ? { ...x, ...patch } : x)))

  const input = (): ActInput => {
    const base: ActInput = { caseId: c.caseId, transition: action, internal, ...(note.trim() ? { note: note.trim() } : {}) }
    if (action === 'requestSupplement') {
      base.items = items.map((x) => ({
        ...targets[x.target].item,
        ...(x.target === OTHER ? { other: x.other.trim() } : {}),
        problem: x.problem.trim(),
      }))
    }
    if (action === 'reject') base.reason = reason.trim()
    if (handOver) base.pickupCode = pickupCode.trim()
    if (action === 'mail')
      base.mail = {
        trackingNo: trackingNo.trim(),
        carrier: carrier.trim() || 'EMS',
        ...(address.trim() ? { address: address.trim() } : {}),
      }
    return base
  }

  const show = (issues: Issue[] | undefined, message: string) => {
    const out: Record<string, string> = {}
    for (const i of issues ?? [])
      out[
        i.path
          .split('.')
          .slice(0, i.path.startsWith('items.') ? 2 : 1)
          .join('.')
      ] ??= i.message
    if (Object.keys(out).length === 0) out.form = message
    setErrors(out)
  }

  const submit = async () => {
    if (busy) return
    // Two items naming the same thing would split one notice; the server keeps one key per item.
    if (action === 'requestSupplement') {
      const keys = items.map((x) => (x.target === OTHER ? `o:${x.other.trim()}` : String(x.target)))
      if (new Set(keys).size !== keys.length) return setErrors({ form: '有两项指向同一材料或字段，请合并为一项' })
    }
    if (action === 'mail' && mailNeedsAddress && address.trim().length < 5)
      return setErrors({ 'mail.address': '申请人未选择邮寄，请填写邮寄地址' })
    setBusy(true)
    setErrors({})
    const r = await actOnCase(input())
    setBusy(false)
    if (!r.ok) return show(r.error.issues, r.error.message)
    Taro.showToast({ title: `已${actionLabel(action)}`, icon: 'none' })
    onDone()
  }

  return (
    <View className={`section case-act case-act--${action}`}>
      <Text className="section__title">{actionLabel(action)}</Text>
      <View className="section__body">
        {action === 'requestSupplement' && (
          <View>
            <Text className="staff-case__hint">一次性告知：把需要补正的全部事项一次列出，之后不能再提出新的事项。</Text>
            {items.map((x, i) => (
              <View key={i} className={`case-act__item case-act__item--${i}`}>
                <View className="case-act__item-head">
                  <Text className="case-act__item-no">第{i + 1}项：补正哪一项？</Text>
                  {items.length > 1 && (
                    <View
                      className="case-act__remove"
                      hoverClass="case-act__remove--pressed"
                      onClick={() => setItems((xs) => xs.filter((_, k) => k !== i))}
                    >
                      删除此项
                    </View>
                  )}
                </View>
                <ChoiceChips
                  name={`target-${i}`}
                  options={targets.map((t, k) => ({ value: String(k), label: t.label }))}
                  value={String(x.target)}
                  onChange={(v) => setItem(i, { target: Number(v) })}
                />
                {x.target === OTHER && (
                  <FormField label="事项名称" name={`item-other-${i}`} error={errors[`items.${i}`]}>
                    <Input
                      className="form-field__input"
                      value={x.other}
                      maxlength={30}
                      placeholder="如：缴费凭证"
                      onInput={(e) => setItem(i, { other: e.detail.value })}
                    />
                  </FormField>
                )}
                <FormField label="需要补正的内容" name={`item-problem-${i}`} error={x.target === OTHER ? undefined : errors[`items.${i}`]}>
                  <Input
                    className="form-field__input"
                    value={x.problem}
                    maxlength={200}
                    placeholder="写明缺什么、哪里不对、怎样改"
                    onInput={(e) => setItem(i, { problem: e.detail.value })}
                  />
                </FormField>
              </View>
            ))}
            {items.length < 30 && (
              <View
                className="case-act__add"
                hoverClass="case-act__add--pressed"
                onClick={() => setItems((xs) => [...xs, { target: 0, other: '', problem: '' }])}
              >
                ＋ 再加一项
              </View>
            )}
            {errors.items && <Text className="form-field__error">{errors.items}</Text>}
          </View>
        )}
        {action === 'reject' && (
          <FormField label="不予办理的理由和依据" name="reason" error={errors.reason}>
            <Textarea
              className="staff-case__textarea"
              value={reason}
              maxlength={300}
              autoHeight
              placeholder="写明理由及法律依据，申请人可见"
              onInput={(e) => setReason(e.detail.value)}
            />
          </FormField>
        )}
        {handOver && (
          <FormField label="申请人出示的取件码" name="pickupCode" error={errors.pickupCode} hint="核验身份证后输入6位取件码">
            <Input
              className="form-field__input"
              type="number"
              value={pickupCode}
              maxlength={6}
              onInput={(e) => setPickupCode(e.detail.value)}
            />
          </FormField>
        )}
        {action === 'mail' && (
          <View>
            <FormField label="快递公司" name="carrier">
              <Input className="form-field__input" value={carrier} maxlength={20} onInput={(e) => setCarrier(e.detail.value)} />
            </FormField>
            <FormField label="运单号" name="trackingNo" error={errors.mail}>
              <Input className="form-field__input" value={trackingNo} maxlength={30} onInput={(e) => setTrackingNo(e.detail.value)} />
            </FormField>
            {mailNeedsAddress ? (
              <FormField label="邮寄地址" name="mailAddress" error={errors['mail.address']}>
                <Input className="form-field__input" value={address} maxlength={100} onInput={(e) => setAddress(e.detail.value)} />
              </FormField>
            ) : (
              <InfoRow label="寄往">
                {c.delivery.method === 'mail' ? `${c.delivery.recipient} ${c.delivery.phone} ${c.delivery.address}` : ''}
              </InfoRow>
            )}
          </View>
        )}
        {action === 'readyForPickup' && <Text className="staff-case__hint">系统将生成6位取件码发给申请人，领取时核对。</Text>}
        <FormField label={action === 'requestSupplement' ? '补充说明（选填）' : '备注（选填）'} name="note" error={errors.note}>
          <Input
            className="form-field__input"
            value={note}
            maxlength={300}
            placeholder={internal ? '仅工作人员可见' : '申请人可在办件进度中看到'}
            onInput={(e) => setNote(e.detail.value)}
          />
        </FormField>
        <CheckBox name="internal" label="内部备注（申请人看不到）" checked={internal} onChange={setInternal} />
        {errors.form && <Text className="staff__error case-act__error">{errors.form}</Text>}
        <View className="case-act__buttons">
          <BigButton text={busy ? '正在提交…' : `确认${actionLabel(action)}`} disabled={busy} onClick={submit} />
          <View className="staff__gap" />
          <BigButton kind="secondary" text="取消" disabled={busy} onClick={onCancel} />
        </View>
      </View>
    </View>
  )
}
