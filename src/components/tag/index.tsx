import { Text } from '@tarojs/components'
import './index.scss'

export interface TagProps {
  text: string
  tone?: 'blue' | 'green' | 'orange' | 'gray'
}

/** A short label such as 即办件 or 可预约; colours keep a 4.5:1 contrast with their background. */
export function Tag({ text, tone = 'blue' }: TagProps) {
  return <Text className={`tag tag--${tone}`}>{text}</Text>
}
