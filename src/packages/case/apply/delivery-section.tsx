import { Text, View } from '@tarojs/components'
import { ChoiceChips } from '../../../components/choice-chips'
import { Section } from '../../../components/section'
import { fieldKeys, TextField, type TextFieldSpec } from '../../../components/text-field'
import type { DeliveryDraft, Errors, MailDraft } from './application'

const DELIVERY_OPTIONS = [
  { value: 'pickup', label: '窗口领取' },
  { value: 'mail', label: '邮寄到家' },
] as const

const MAIL_FIELDS: Record<keyof MailDraft, TextFieldSpec> = {
  recipient: { label: '收件人', maxlength: 20 },
  phone: { label: '收件人手机', type: 'number', maxlength: 11 },
  address: { label: '邮寄地址', maxlength: 100, placeholder: '省市区街道门牌' },
}

export interface DeliverySectionProps {
  delivery: DeliveryDraft
  errors: Errors
  onChoose: (method: DeliveryDraft['method']) => void
  onType: (key: keyof MailDraft, value: string) => void
}

/** 领取方式: 窗口领取, or 邮寄到家 with whom and where to send it. */
export function DeliverySection({ delivery, errors, onChoose, onType }: DeliverySectionProps) {
  return (
    <Section title="领取方式">
      <ChoiceChips name="delivery" options={DELIVERY_OPTIONS} value={delivery.method} onChange={onChoose} />
      {delivery.method === 'mail' ? (
        <View>
          {fieldKeys(MAIL_FIELDS).map((k) => (
            <TextField
              key={k}
              {...MAIL_FIELDS[k]}
              name={`mail-${k}`}
              error={errors[`d.${k}`]}
              value={delivery[k]}
              onType={(v) => onType(k, v)}
            />
          ))}
          <Text className="case-page__note">办结后由工作人员邮寄，运单号会显示在办件进度里。</Text>
        </View>
      ) : (
        <Text className="case-page__note">办结后凭取件码到政务服务中心统一出件窗口领取。</Text>
      )}
    </Section>
  )
}
