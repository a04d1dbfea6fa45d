import { View } from '@tarojs/components'
import './index.scss'

export interface ChoiceChipsProps<T extends string> {
  options: readonly { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
  /** Names the group for tests (class `choice-chips--<name>`). */
  name?: string
}

/** A row of large single-choice chips (filters, 窗口领取 / 邮寄到家): the chosen one is filled, and says so in text too. */
export function ChoiceChips<T extends string>({ options, value, onChange, name }: ChoiceChipsProps<T>) {
  return (
    <View className={`choice-chips${name ? ` choice-chips--${name}` : ''}`}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`choice-chips__chip${o.value === value ? ' choice-chips__chip--on' : ''}`}
          hoverClass="choice-chips__chip--pressed"
          onClick={() => onChange(o.value)}
        >
          {o.value === value ? `✓ ${o.label}` : o.label}
        </View>
      ))}
    </View>
  )
}
