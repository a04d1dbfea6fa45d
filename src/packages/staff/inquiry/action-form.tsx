import { Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { PANEL_LABELS, type Panel } from './panel-props'
import type { ActionState } from '../../../hooks/useAction'
import { confirmLabel } from '../../../utils/labels'

interface ActionFormProps {
  panel: Panel
  act: ActionState
  children: ReactNode
  onSubmit: () => void
  onCancel: () => void
}

/** The frame of an inquiry panel: its title, the panel's inputs, a form-level error, and 确认… / 取消. */
export function ActionForm({ panel, act, children, onSubmit, onCancel }: ActionFormProps) {
  return (
    <View className={`section staff-inquiry-act staff-inquiry-act--${panel}`}>
      <Text className="section__title">{PANEL_LABELS[panel]}</Text>
      <View className="section__body">
        {children}
        {act.errors.form && <Text className="staff__error staff-inquiry-act__error">{act.errors.form}</Text>}
        <View className="staff-inquiry__buttons">
          <BigButton text={confirmLabel(PANEL_LABELS[panel])} loading={act.busy} onClick={onSubmit} />
          <View className="staff__gap" />
          <BigButton kind="secondary" text="取消" disabled={act.busy} onClick={onCancel} />
        </View>
      </View>
    </View>
  )
}

/** Why the inquiry changes hands or ends: recorded in its history, at least 4 characters. */
export function ReasonField({ label, placeholder, value, error, onInput }: FieldProps & { label: string; placeholder: string }) {
  return (
    <FormField label={label} name="reason" error={error} hint="全程留痕，至少4个字">
      <Input
        className="form-field__input"
        value={value}
        maxlength={200}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
    </FormField>
  )
}

interface FieldProps {
  value: string
  error?: string
  onInput: (v: string) => void
}

/** A colleague's 工号, the one who takes the inquiry over. */
export function StaffNoField({
  label,
  hint,
  placeholder,
  value,
  error,
  onInput,
}: FieldProps & { label: string; hint: string; placeholder: string }) {
  return (
    <FormField label={label} name="toStaffNo" error={error} hint={hint}>
      <Input
        className="form-field__input"
        value={value}
        maxlength={12}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
    </FormField>
  )
}
