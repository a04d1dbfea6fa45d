import { Input, View } from '@tarojs/components'
import { FormField } from '../../components/form-field'

export interface CodeFieldProps {
  label: string
  value: string
  maxlength: number
  placeholder: string
  error?: string
  /** Extra class of the input (letter spacing of the code's own page). */
  inputClass: string
  /** The typed code, upper-cased: codes are printed and read out in capitals. */
  onChange: (code: string) => void
  onConfirm: () => void
}

/** The one-field form of a code staff type in (an invitation code, a booking code). */
export function CodeField({ label, value, maxlength, placeholder, error, inputClass, onChange, onConfirm }: CodeFieldProps) {
  return (
    <View className="section">
      <FormField label={label} name="code" error={error}>
        <Input
          className={`form-field__input ${inputClass}`}
          value={value}
          maxlength={maxlength}
          placeholder={placeholder}
          confirmType="done"
          onInput={(e) => onChange(e.detail.value.toUpperCase())}
          onConfirm={onConfirm}
        />
      </FormField>
    </View>
  )
}
