import { Text, Textarea, View } from '@tarojs/components'
import { MAX_PREFERRED, VISIT_REASON_LABELS, VISIT_REASONS, VISIT_RELATION_LABELS, VISIT_RELATIONS } from '../../../../types/domain/visit'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { TextField, type TextFieldSpec } from '../../../components/text-field'
import { useLargeText } from '../../../hooks/useLargeText'
import { navigate, redirect, useQuery } from '../../../utils/nav'
import { HalfDayPicker } from '../../../components/half-day-picker'
import { useVisitRequest, type TextKey } from './use-request'
import '../visit.scss'

const REASONS = VISIT_REASONS.map((value) => ({ value, label: VISIT_REASON_LABELS[value] }))
const RELATIONS = VISIT_RELATIONS.map((value) => ({ value, label: VISIT_RELATION_LABELS[value] }))

const FIELDS: Record<Exclude<TextKey, 'address' | 'note'>, TextFieldSpec> = {
  reasonNote: { label: '原因说明（选「其他」时必填）', maxlength: 100, placeholder: '例如：腿脚不便，无法久站' },
  personName: { label: '被服务人姓名', maxlength: 20, placeholder: '需要上门服务的人' },
  personPhone: { label: '被服务人手机号码', maxlength: 11, type: 'number', hint: '工作人员上门前会先打这个电话' },
  contactPhone: { label: '您的手机号码', maxlength: 11, type: 'number', hint: '代他人申请时，联系不上被服务人会打给您' },
}

/** 申请上门服务: why, for whom, where, and a few half days that suit; the department's lead then sets a time. */
export default function VisitRequest() {
  const { rootClass } = useLargeText()
  const matterId = useQuery(ROUTES.visitRequest).matterId ?? ''
  const f = useVisitRequest(matterId)
  const o = f.options.data
  const field = (k: keyof typeof FIELDS) => (
    <TextField key={k} name={k} {...FIELDS[k]} value={f.text[k]} error={f.errors[k]} onType={(v) => f.type(k, v)} />
  )

  if (!o)
    return (
      <View className={`${rootClass} visit-page`}>
        <LoadStatus of={f.options} />
        {f.options.error?.code === 'INVALID_INPUT' && (
          <View className="visit-page__actions">
            <BigButton kind="secondary" text="返回事项列表" onClick={() => redirect(ROUTES.catalog)} />
          </View>
        )}
      </View>
    )

  return (
    <View className={`${rootClass} visit-page visit-request`}>
      <View className="visit-page__head">
        <Text className="visit-page__step">申请上门服务</Text>
        <Text className="visit-page__title">{o.matterName}</Text>
        <Text className="visit-page__sub">
          {o.departmentName}将在{o.contactWorkingDays}个工作日内与您约定时间，一般{o.visitWorkingDays}个工作日内上门。
        </Text>
      </View>

      {o.activeVisitId ? (
        <View>
          <StatusView kind="empty" message="您已申请过该事项的上门服务，正在办理中" />
          <View className="visit-page__actions">
            <BigButton text="查看申请进度" onClick={() => redirect(ROUTES.visitDetail, { id: o.activeVisitId! })} />
          </View>
        </View>
      ) : (
        <View>
          <Section title="申请原因">
            <ChoiceChips name="reason" options={REASONS} value={f.reason} onChange={f.setReason} />
            {field('reasonNote')}
          </Section>

          <Section title="为谁申请">
            <ChoiceChips name="relation" options={RELATIONS} value={f.relation} onChange={f.setRelation} />
            <Text className="visit-page__note">
              {f.relation === 'self' ? '为自己申请。' : `您是被服务人的${VISIT_RELATION_LABELS[f.relation]}，请填写被服务人的信息。`}
            </Text>
            {field('personName')}
            {field('personPhone')}
            {f.relation !== 'self' && field('contactPhone')}
          </Section>

          <Section title="上门地址">
            <FormField label="详细地址" name="address" error={f.errors.address} hint="写到门牌号，例如：古绛镇城北街12号3单元201">
              <Textarea
                className="visit-page__textarea"
                value={f.text.address}
                maxlength={100}
                placeholder="乡镇、村（社区）、街道门牌号"
                onInput={(e) => f.type('address', e.detail.value)}
              />
            </FormField>
          </Section>

          <Section title={`方便的时间（可选${MAX_PREFERRED}个）`}>
            <Text className="visit-page__note">只列出工作日。已选{f.preferred.length}个，工作人员会尽量按您的时间安排。</Text>
            <HalfDayPicker dates={o.dates} chosen={f.preferred} onToggle={f.toggle} />
            {f.errors.preferred && <Text className="form-field__error">{f.errors.preferred}</Text>}
          </Section>

          <Section title="其他说明（选填）">
            <FormField label="备注" name="note" error={f.errors.note}>
              <Textarea
                className="visit-page__textarea"
                value={f.text.note}
                maxlength={200}
                placeholder="例如：楼层较高没有电梯；家里有人陪同"
                onInput={(e) => f.type('note', e.detail.value)}
              />
            </FormField>
          </Section>

          {f.errors.form && <Text className="visit-page__error">{f.errors.form}</Text>}
          <View className="visit-page__actions">
            <BigButton text="提交申请" loading={f.busy} loadingText="正在提交…" onClick={f.submit} />
            <BigButton kind="secondary" text="我的上门服务" onClick={() => navigate(ROUTES.visitMine)} />
          </View>
        </View>
      )}
    </View>
  )
}
