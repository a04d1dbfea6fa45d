import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { maskIdNumber, maskPhone } from '../../../../types/domain/masking'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import type { BookingForm } from './use-booking-form'

/** 确认信息: the applicant once more, masked as the booking will show it, then 确认提交. */
export function ConfirmStep({ form, summary }: { form: BookingForm; summary: ReactNode }) {
  const { draft, failure, submitting } = form
  // A lost answer may be retried with the same requestId; any other refusal needs a change first.
  const retryable = failure?.code === 'INTERNAL'
  return (
    <>
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
        {(!failure || retryable) && <BigButton text={retryable ? '重新提交' : '确认提交'} loading={submitting} onClick={form.submit} />}
        {failure?.code === 'CONFLICT' && <BigButton text="重新选择时段" onClick={form.repick} />}
        <BigButton kind="secondary" text="返回修改" disabled={submitting} onClick={form.edit} />
      </View>
    </>
  )
}
