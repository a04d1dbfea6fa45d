import { Input } from '@tarojs/components'
import { FormField } from '../form-field'

/** What a text field is, apart from its value: written once per form as data. */
export interface TextFieldSpec {
  label: string
  maxlength: number
  placeholder?: string
  hint?: string
  /** The keyboard: `number` for phone numbers, `idcard` for ID numbers (the X key). */
  type?: 'number' | 'idcard'
  /** The keyboard's return key, for the field that submits the form. */
  confirmType?: 'search' | 'done'
}

export interface TextFieldProps extends TextFieldSpec {
  /** Names the field for tests (class `form-field--<name>`). */
  name: string
  error?: string
  value: string
  onType: (value: string) => void
  onConfirm?: () => void
}

/** A labelled one-line text field. */
export function TextField({
  label,
  name,
  error,
  hint,
  value,
  maxlength,
  placeholder,
  type,
  confirmType,
  onType,
  onConfirm,
}: TextFieldProps) {
  return (
    <FormField label={label} name={name} error={error} hint={hint}>
      <Input
        className="form-field__input"
        // Left out rather than undefined, so the control keeps its own defaults.
        {...(type ? { type } : {})}
        {...(placeholder ? { placeholder } : {})}
        {...(confirmType ? { confirmType } : {})}
        {...(onConfirm ? { onConfirm } : {})}
        value={value}
        maxlength={maxlength}
        onInput={(e) => onType(e.detail.value)}
      />
    </FormField>
  )
}

/** The keys of a field table, in the order it was written. */
export const fieldKeys = <K extends string>(fields: Record<K, TextFieldSpec>) => Object.keys(fields) as K[]
