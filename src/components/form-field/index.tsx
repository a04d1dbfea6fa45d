import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface FormFieldProps {
  label: string
  /** The message for this field, from the client-side check or the server's issues. */
  error?: string
  hint?: string
  /** Names the field for tests and screen readers (class `form-field--<name>`). */
  name?: string
  children: ReactNode
}

/** One form field: label above, the control, then its error in red (never only a colour: the text says it). */
export function FormField({ label, error, hint, name, children }: FormFieldProps) {
  return (
    <View className={`form-field${name ? ` form-field--${name}` : ''}${error ? ' form-field--invalid' : ''}`}>
      <Text className="form-field__label">{label}</Text>
      <View className="form-field__control">{children}</View>
      {error ? <Text className="form-field__error">{error}</Text> : hint ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  )
}
