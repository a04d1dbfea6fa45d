import { Switch, Text, View } from '@tarojs/components'
import './index.scss'

export interface SwitchRowProps {
  title: string
  desc: string
  checked: boolean
  /** Names the row for styles and tests: `switch-row--<name>`, its switch `switch-row__switch`. */
  name: string
  onChange: (on: boolean) => void
}

/** A choice that is on or off (为他人预约, 自动预约, 为家人申请): the title over a grey line, the switch on the right. */
export function SwitchRow({ title, desc, checked, name, onChange }: SwitchRowProps) {
  return (
    <View className={`switch-row switch-row--${name}`}>
      <View className="switch-row-text">
        <Text className="switch-row-title">{title}</Text>
        <Text className="switch-row-desc">{desc}</Text>
      </View>
      <Switch className="switch-row__switch" checked={checked} color="#0b57d0" onChange={(e) => onChange(e.detail.value)} />
    </View>
  )
}
