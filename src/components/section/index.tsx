import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface SectionProps {
  title: string
  children: ReactNode
}

/** A titled card on a detail page. */
export function Section({ title, children }: SectionProps) {
  return (
    <View className="section">
      <Text className="section__title">{title}</Text>
      <View className="section__body">{children}</View>
    </View>
  )
}
