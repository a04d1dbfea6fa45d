import { Text, View } from '@tarojs/components'
import { Icon, type IconSource } from '../icon'
import './index.scss'

export interface TileProps {
  title: string
  desc?: string
  /** The icon in the badge: an entry of the icon table (`icon="booking"`) or a Lucide icon node. */
  icon: IconSource
  tone?: 'primary' | 'plain'
  size?: 'wide' | 'half'
  /** A red count on the icon, e.g. unread messages; hidden at 0. */
  badge?: number
  onClick?: () => void
}

const DEFAULTS = { tone: 'plain', size: 'half' } as const

/** A large home-screen entry: icon, title and one line of explanation. */
export function Tile(props: TileProps) {
  const { title, desc, icon, tone, size, badge, onClick } = { ...DEFAULTS, ...props }
  return (
    <View className={`tile tile--${tone} tile--${size}`} hoverClass="tile--pressed" onClick={onClick}>
      <View className="tile__icon">
        <Icon icon={icon} className="tile__image" />
        {!!badge && badge > 0 && <Text className="tile__badge">{badge > 99 ? '99+' : badge}</Text>}
      </View>
      <View className="tile__body">
        <Text className="tile__title">{title}</Text>
        {desc && <Text className="tile__desc">{desc}</Text>}
      </View>
    </View>
  )
}
