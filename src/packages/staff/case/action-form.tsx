import { Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { BigButton } from '../../../components/big-button'
import { CheckBox } from '../../../components/check-box'
import { FormField } from '../../../components/form-field'
import { actionLabel } from '../../../utils/case'
import type { CaseActionState } from './use-case-action'
import { confirmLabel } from '../../../utils/labels'

interface ActionFormProps {
  act: CaseActionState
  /** The panel's own inputs, above the note. */
  children?: ReactNode
  noteLabel?: string
  onSubmit: () => void
  onCancel: () => void
}

/** The frame of every transition's panel: its title, the panel's inputs, the note, 内部备注, and 确认… / 取消. */
export function ActionForm({ act, children, noteLabel = '备注（选填）', onSubmit, onCancel }: ActionFormProps) {
  const label = actionLabel(act.action)
  return (
    <View className={`section case-act case-act--${act.action}`}>
      <Text className="section__title">{label}</Text>
      <View className="section__body">
        {children}
        <FormField label={noteLabel} name="note" error={act.errors.note}>
          <Input
            className="form-field__input"
            value={act.note}
            maxlength={300}
            placeholder={act.internal ? '仅工作人员可见' : '申请人可在办件进度中看到'}
            onInput={(e) => act.setNote(e.detail.value)}
          />
        </FormField>
        <CheckBox name="internal" label="内部备注（申请人看不到）" checked={act.internal} onChange={act.setInternal} />
        {act.errors.form && <Text className="staff__error case-act__error">{act.errors.form}</Text>}
        <View className="case-act__buttons">
          <BigButton text={confirmLabel(label)} loading={act.busy} onClick={onSubmit} />
          <View className="staff__gap" />
          <BigButton kind="secondary" text="取消" disabled={act.busy} onClick={onCancel} />
        </View>
      </View>
    </View>
  )
}
