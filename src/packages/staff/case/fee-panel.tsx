import { Input, Text } from '@tarojs/components'
import { useState } from 'react'
import type { Fee } from '../../../../types/domain/catalog'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { LoadStatus } from '../../../components/status-view'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { ActionForm } from './action-form'
import type { PanelProps } from './panel-props'
import { useCaseAction } from './use-case-action'

type Charge = 'paid' | 'free'
const CHARGES = [
  { value: 'paid' as const, label: '收费' },
  { value: 'free' as const, label: '免费' },
]

function FeeForm({ c, action, onDone, onCancel, standard }: PanelProps & { standard: Fee }) {
  const act = useCaseAction(c.caseId, action, onDone)
  const [charge, setCharge] = useState<Charge>(standard.free ? 'free' : 'paid')
  const [amount, setAmount] = useState(standard.free ? '' : String(standard.amount))

  const submit = () => {
    if (charge === 'free') return act.submit({ fee: { free: true } })
    const yuan = Number(amount.trim())
    if (!amount.trim() || !Number.isFinite(yuan) || yuan <= 0) return act.refuse({ fee: '请填写实收金额（元），不收费请选择免费' })
    return act.submit({ fee: { amount: yuan } })
  }

  return (
    <ActionForm act={act} onSubmit={submit} onCancel={onCancel}>
      <FormField
        label="办结收费"
        name="fee"
        error={act.errors.fee}
        hint={standard.free ? '该事项不收费' : `收费标准：${standard.standard}`}
      >
        <ChoiceChips name="fee" options={CHARGES} value={charge} onChange={setCharge} />
      </FormField>
      {charge === 'paid' ? (
        <FormField label="实收金额（元）" name="feeAmount">
          <Input className="form-field__input" type="digit" value={amount} maxlength={10} onInput={(e) => setAmount(e.detail.value)} />
        </FormField>
      ) : (
        <Text className="staff-case__hint">记录为免费办理。</Text>
      )}
    </ActionForm>
  )
}

/**
 * 办结 (准予办结, 即办办结): the fee actually charged, recorded for supervision, which compares it
 * with the matter's fee standard (违规收费). The standard is shown and filled in as the default.
 */
export function FeePanel(props: PanelProps) {
  const matter = useLoad(() => catalogApi.getMatter({ id: props.c.matterId }), [props.c.matterId], { onShow: false })
  if (!matter.data) return <LoadStatus of={matter} />
  return <FeeForm {...props} standard={matter.data.fee} />
}
