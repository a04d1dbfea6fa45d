import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { ActionForm } from './action-form'
import type { PanelProps } from './panel-props'
import { useCaseAction } from './use-case-action'

/** 邮寄送达: the carrier and tracking number; the address too when the applicant chose to collect at the window. */
export function MailPanel({ c, action, onDone, onCancel }: PanelProps) {
  const act = useCaseAction(c.caseId, action, onDone)
  const [carrier, setCarrier] = useState('EMS')
  const [trackingNo, setTrackingNo] = useState('')
  const [address, setAddress] = useState('')
  const needsAddress = c.delivery.method !== 'mail'

  const submit = () => {
    if (needsAddress && address.trim().length < 5) return act.refuse({ 'mail.address': '申请人未选择邮寄，请填写邮寄地址' })
    return act.submit({
      mail: { trackingNo: trackingNo.trim(), carrier: carrier.trim() || 'EMS', ...(address.trim() ? { address: address.trim() } : {}) },
    })
  }

  return (
    <ActionForm act={act} onSubmit={submit} onCancel={onCancel}>
      <View>
        <FormField label="快递公司" name="carrier">
          <Input className="form-field__input" value={carrier} maxlength={20} onInput={(e) => setCarrier(e.detail.value)} />
        </FormField>
        <FormField label="运单号" name="trackingNo" error={act.errors.mail}>
          <Input className="form-field__input" value={trackingNo} maxlength={30} onInput={(e) => setTrackingNo(e.detail.value)} />
        </FormField>
        {needsAddress ? (
          <FormField label="邮寄地址" name="mailAddress" error={act.errors['mail.address']}>
            <Input className="form-field__input" value={address} maxlength={100} onInput={(e) => setAddress(e.detail.value)} />
          </FormField>
        ) : (
          <InfoRow label="寄往">
            {c.delivery.method === 'mail' ? `${c.delivery.recipient} ${c.delivery.phone} ${c.delivery.address}` : ''}
          </InfoRow>
        )}
      </View>
    </ActionForm>
  )
}
