import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface InfoRowProps {
  label: string
  children: ReactNode
  strong?: boolean
  /** A wider label column, for form labels up to 7 characters (e.g. 紧急联系人电话). */
  wide?: boolean
}

/** A label and its value on one line, e.g. 时间 9月28日 10:00-10:30. */
export function InfoRow({ label, children, strong = false, wide = false }: InfoRowProps) {
  return (
    <View className="info-row">
      <Text className={`info-row__label${wide ? ' info-row__label--wide' : ''}`}>{label}</Text>
      <View className={`info-row__value${strong ? ' info-row__value--strong' : ''}`}>{children}</View>
    </View>
  )
}
