import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface ListCellProps {
  title: string
  desc?: ReactNode
  /** Short text at the right, e.g. a count. */
  extra?: string
  /** Show the › arrow; defaults to whether the cell is tappable. */
  arrow?: boolean
  onClick?: () => void
}

/** One row of a list: the whole row is the touch target. */
export function ListCell({ title, desc, extra, arrow, onClick }: ListCellProps) {
  const showArrow = arrow ?? Boolean(onClick)
  return (
    <View className="list-cell" hoverClass={onClick ? 'list-cell--pressed' : 'none'} onClick={onClick}>
      <View className="list-cell__main">
        <Text className="list-cell__title">{title}</Text>
        {desc && <View className="list-cell__desc">{desc}</View>}
      </View>
      {extra && <Text className="list-cell__extra">{extra}</Text>}
      {showArrow && <Text className="list-cell__arrow">›</Text>}
    </View>
  )
}
