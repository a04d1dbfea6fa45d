import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { caseContract, type CaseView } from '../../../../types/contracts/case'
import type { InputOf } from '../../../../types/contracts/contract'
import type { CaseAction } from '../../../../types/domain/case-machine'
import type { SupplementItem } from '../../../../types/domain/case-supplement'
import type { Issue } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { CaseDeadline } from '../../../components/case-deadline'
import { CaseTimeline } from '../../../components/case-timeline'
import { CheckBox } from '../../../components/check-box'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { actOnCase, completeSubtask, getCase } from '../../../services/case'
import { actionLabel, beijingDateTime, CASE_STATE_TONES, CONTENT_TYPE_LABELS, daysLeftText, fileSizeText } from '../../../utils/case'
import { openMaterial } from '../../../utils/files'
import { param } from '../../../utils/params'
import { Deliveries } from './deliveries'
import '../staff.scss'
import './index.scss'

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
function ActionPanel({ c, action, onDone, onCancel }: { c: CaseView; action: CaseAction; onDone: () => void; onCancel: () => void }) {
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
      base.items = items.map((x) => ({ ...targets[x.target].item, ...(x.target === OTHER ? { other: x.other.trim() } : {}), problem: x.problem.trim() }))
    }
    if (action === 'reject') base.reason = reason.trim()
    if (handOver) base.pickupCode = pickupCode.trim()
    if (action === 'mail') base.mail = { trackingNo: trackingNo.trim(), carrier: carrier.trim() || 'EMS', ...(address.trim() ? { address: address.trim() } : {}) }
    return base
  }

  const show = (issues: Issue[] | undefined, message: string) => {
    const out: Record<string, string> = {}
    for (const i of issues ?? []) out[i.path.split('.').slice(0, i.path.startsWith('items.') ? 2 : 1).join('.')] ??= i.message
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
    if (action === 'mail' && mailNeedsAddress && address.trim().length < 5) return setErrors({ 'mail.address': '申请人未选择邮寄，请填写邮寄地址' })
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
      <Text className='section__title'>{actionLabel(action)}</Text>
      <View className='section__body'>
        {action === 'requestSupplement' && (
          <View>
            <Text className='staff-case__hint'>一次性告知：把需要补正的全部事项一次列出，之后不能再提出新的事项。</Text>
            {items.map((x, i) => (
              <View key={i} className={`case-act__item case-act__item--${i}`}>
                <View className='case-act__item-head'>
                  <Text className='case-act__item-no'>第{i + 1}项：补正哪一项？</Text>
                  {items.length > 1 && (
                    <View className='case-act__remove' hoverClass='case-act__remove--pressed' onClick={() => setItems((xs) => xs.filter((_, k) => k !== i))}>
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
                  <FormField label='事项名称' name={`item-other-${i}`} error={errors[`items.${i}`]}>
                    <Input className='form-field__input' value={x.other} maxlength={30} placeholder='如：缴费凭证' onInput={(e) => setItem(i, { other: e.detail.value })} />
                  </FormField>
                )}
                <FormField label='需要补正的内容' name={`item-problem-${i}`} error={x.target === OTHER ? undefined : errors[`items.${i}`]}>
                  <Input className='form-field__input' value={x.problem} maxlength={200} placeholder='写明缺什么、哪里不对、怎样改' onInput={(e) => setItem(i, { problem: e.detail.value })} />
                </FormField>
              </View>
            ))}
            {items.length < 30 && (
              <View className='case-act__add' hoverClass='case-act__add--pressed' onClick={() => setItems((xs) => [...xs, { target: 0, other: '', problem: '' }])}>
                ＋ 再加一项
              </View>
            )}
            {errors.items && <Text className='form-field__error'>{errors.items}</Text>}
          </View>
        )}
        {action === 'reject' && (
          <FormField label='不予办理的理由和依据' name='reason' error={errors.reason}>
            <Textarea className='staff-case__textarea' value={reason} maxlength={300} autoHeight placeholder='写明理由及法律依据，申请人可见' onInput={(e) => setReason(e.detail.value)} />
          </FormField>
        )}
        {handOver && (
          <FormField label='申请人出示的取件码' name='pickupCode' error={errors.pickupCode} hint='核验身份证后输入6位取件码'>
            <Input className='form-field__input' type='number' value={pickupCode} maxlength={6} onInput={(e) => setPickupCode(e.detail.value)} />
          </FormField>
        )}
        {action === 'mail' && (
          <View>
            <FormField label='快递公司' name='carrier'>
              <Input className='form-field__input' value={carrier} maxlength={20} onInput={(e) => setCarrier(e.detail.value)} />
            </FormField>
            <FormField label='运单号' name='trackingNo' error={errors.mail}>
              <Input className='form-field__input' value={trackingNo} maxlength={30} onInput={(e) => setTrackingNo(e.detail.value)} />
            </FormField>
            {mailNeedsAddress ? (
              <FormField label='邮寄地址' name='mailAddress' error={errors['mail.address']}>
                <Input className='form-field__input' value={address} maxlength={100} onInput={(e) => setAddress(e.detail.value)} />
              </FormField>
            ) : (
              <InfoRow label='寄往'>{c.delivery.method === 'mail' ? `${c.delivery.recipient} ${c.delivery.phone} ${c.delivery.address}` : ''}</InfoRow>
            )}
          </View>
        )}
        {action === 'readyForPickup' && <Text className='staff-case__hint'>系统将生成6位取件码发给申请人，领取时核对。</Text>}
        <FormField label={action === 'requestSupplement' ? '补充说明（选填）' : '备注（选填）'} name='note' error={errors.note}>
          <Input className='form-field__input' value={note} maxlength={300} placeholder={internal ? '仅工作人员可见' : '申请人可在办件进度中看到'} onInput={(e) => setNote(e.detail.value)} />
        </FormField>
        <CheckBox name='internal' label='内部备注（申请人看不到）' checked={internal} onChange={setInternal} />
        {errors.form && <Text className='staff__error case-act__error'>{errors.form}</Text>}
        <View className='case-act__buttons'>
          <BigButton text={busy ? '正在提交…' : `确认${actionLabel(action)}`} disabled={busy} onClick={submit} />
          <View className='staff__gap' />
          <BigButton kind='secondary' text='取消' disabled={busy} onClick={onCancel} />
        </View>
      </View>
    </View>
  )
}

function Detail({ c, onChanged }: { c: CaseView; onChanged: () => void }) {
  const [pending, setPending] = useState<CaseAction | null>(null)
  const [busy, setBusy] = useState(false)
  const d = c.deadline
  const a = c.applicant

  const doSubtask = async () => {
    const ok = await Taro.showModal({ title: '本部门办结', content: '确认本部门承担的部分已经办完？', confirmText: '确认' })
    if (!ok.confirm) return
    setBusy(true)
    const r = await completeSubtask(c.caseId)
    setBusy(false)
    if (!r.ok) await Taro.showModal({ title: '未能完成', content: r.error.message, showCancel: false, confirmText: '知道了' })
    onChanged()
  }

  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>{c.matterName}</Text>
        <View className='staff-case__state'>
          <Tag text={c.stateLabel} tone={CASE_STATE_TONES[c.state]} />
          {d && <Tag text={d.paused ? '补正中，暂停计时' : daysLeftText(d.workingDaysLeft, d.overdue)} tone={d.overdue ? 'orange' : 'gray'} />}
        </View>
        <Text className='staff__sub'>办件编号 {c.caseNo}</Text>
        {c.submittedAt && <Text className='staff__sub'>提交于 {beijingDateTime(c.submittedAt)}</Text>}
      </View>

      {c.allowedActions.length > 0 && !pending && (
        <View className='staff__actions staff-case__actions'>
          {c.allowedActions.map((x, i) => (
            <View key={x} className={i > 0 ? 'staff-case__action-gap' : ''}>
              <BigButton kind={i === 0 ? 'primary' : 'secondary'} text={actionLabel(x)} disabled={busy} onClick={() => setPending(x)} />
            </View>
          ))}
        </View>
      )}
      {c.canCompleteSubtask && !pending && (
        <View className='staff__actions'>
          <BigButton kind='secondary' text='本部门子任务办结' disabled={busy} onClick={doSubtask} />
        </View>
      )}
      {pending && (
        <ActionPanel
          key={pending}
          c={c}
          action={pending}
          onCancel={() => setPending(null)}
          onDone={() => {
            setPending(null)
            onChanged()
          }}
        />
      )}
      {c.allowedActions.length === 0 && !c.canCompleteSubtask && <Text className='staff__note'>当前状态下您没有可进行的操作。</Text>}

      {d && <CaseDeadline deadline={d} />}

      <Section title='申请人'>
        <InfoRow label='姓名' strong>
          {a.name}
        </InfoRow>
        <InfoRow label='身份证'>{a.idNumber}</InfoRow>
        <InfoRow label='手机号'>{a.phone}</InfoRow>
        {a.address && <InfoRow label='地址'>{a.address}</InfoRow>}
        <Text className='staff-case__hint'>查看记录已留痕。个人信息仅用于办理本件。</Text>
      </Section>

      {c.formFields.length > 0 && (
        <Section title='申请表'>
          {c.formFields.map((f) => (
            <InfoRow key={f.key} label={f.label} wide>
              {c.form[f.key] === undefined ? '（未填）' : String(c.form[f.key])}
            </InfoRow>
          ))}
        </Section>
      )}

      <Section title='申请材料'>
        {c.materials.map((m) => (
          <View key={m.index} className='staff-case__material'>
            <Text className='staff-case__material-name'>
              {m.index + 1}. {m.name}
            </Text>
            <View>
              <Tag text={m.required ? '必须' : '按情况'} tone={m.required ? 'orange' : 'gray'} />
              {!m.uploadable && <Tag text='窗口核验' tone='gray' />}
            </View>
            {m.uploadable && m.files.length === 0 && <Text className='staff-case__hint'>未上传</Text>}
            {m.files.map((f) => (
              <View key={f.libraryId} className='staff-file'>
                <Text className='staff-file__name'>{f.fileName}</Text>
                <Text className='staff-file__size'>
                  {CONTENT_TYPE_LABELS[f.contentType]} {fileSizeText(f.size)}
                </Text>
                {f.url ? (
                  <View className='staff-file__open' hoverClass='staff-file__open--pressed' onClick={() => openMaterial(f.url!, f.contentType)}>
                    查看
                  </View>
                ) : (
                  <Text className='staff-file__size'>无权查看</Text>
                )}
              </View>
            ))}
          </View>
        ))}
        <Text className='staff-case__hint'>查看链接10分钟内有效，过期请下拉刷新页面。</Text>
      </Section>

      <Section title='领取方式'>
        {c.delivery.method === 'mail' ? (
          <View>
            <InfoRow label='方式' strong>
              邮寄
            </InfoRow>
            <InfoRow label='收件人'>
              {c.delivery.recipient} {c.delivery.phone}
            </InfoRow>
            <InfoRow label='地址'>{c.delivery.address}</InfoRow>
          </View>
        ) : (
          <InfoRow label='方式' strong>
            统一窗口领取
          </InfoRow>
        )}
        {c.result?.pickup && (
          <InfoRow label='出件窗口'>
            {c.result.pickup.windowNumber}号窗口 {c.result.pickup.windowName}
          </InfoRow>
        )}
        {c.result?.mail && (
          <InfoRow label='运单'>
            {c.result.mail.carrier} {c.result.mail.trackingNo}
          </InfoRow>
        )}
        {c.result?.reason && <InfoRow label='不予理由'>{c.result.reason}</InfoRow>}
      </Section>

      {c.supplement && (
        <Section title={`补正告知（第${c.supplement.round}次）`}>
          {c.supplement.items.map((i, n) => (
            <InfoRow key={n} label={`${n + 1}.`}>
              {i.target}：{i.problem}
            </InfoRow>
          ))}
          {c.supplement.note && <InfoRow label='说明'>{c.supplement.note}</InfoRow>}
        </Section>
      )}

      {c.subtasks && c.subtasks.length > 0 && (
        <Section title='联办子任务'>
          {c.subtasks.map((s) => (
            <InfoRow key={s.departmentId} label={s.done ? '已完成' : '办理中'}>
              {s.departmentName}
              {s.staffNo ? `（工号${s.staffNo}）` : ''}
            </InfoRow>
          ))}
        </Section>
      )}

      <Section title='办理记录（含内部备注）'>
        <CaseTimeline entries={c.timeline} deadlineChanges={c.deadlineChanges} />
      </Section>

      <Deliveries caseId={c.caseId} version={`${c.state}:${c.timeline.length}`} />
    </View>
  )
}

/** A case as staff see it: applicant, materials (temporary links), timeline, and exactly the allowed actions. */
export default function StaffCase() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const id = param(params.id)
  const kase = useLiveRemote(() => getCase(id), [id])

  return (
    <View className={`${rootClass} staff staff-case`}>
      {!kase.data && kase.loading && <StatusView kind='loading' />}
      {!kase.data && kase.error && (
        <StatusView kind={kase.error.code === 'NOT_FOUND' || kase.error.code === 'INVALID_INPUT' ? 'empty' : 'error'} message={kase.error.message} onRetry={kase.refresh} />
      )}
      {kase.data && kase.error && <Text className='staff__error'>刷新失败：{kase.error.message}</Text>}
      {kase.data && <Detail c={kase.data} onChanged={kase.refresh} />}
    </View>
  )
}
