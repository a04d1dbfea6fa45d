import { Text, View } from '@tarojs/components'
import './index.scss'

export interface CheckBoxProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  name?: string
}

/** A large tick box with its label; the whole row is the touch target. */
export function CheckBox({ label, checked, onChange, name }: CheckBoxProps) {
  return (
    <View className={`check-box${checked ? ' check-box--on' : ''}${name ? ` check-box--${name}` : ''}`} onClick={() => onChange(!checked)}>
      <View className="check-box__box">{checked ? '✓' : ''}</View>
      <Text>{label}</Text>
    </View>
  )
}
