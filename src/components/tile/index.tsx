import { Text, View } from '@tarojs/components'
import './index.scss'

export interface TileProps {
  title: string
  desc?: string
  /** One character drawn in the badge (no image assets: they cost package size). */
  glyph: string
  tone?: 'primary' | 'plain'
  size?: 'wide' | 'half'
  /** A red count on the glyph, e.g. unread messages; hidden at 0. */
  badge?: number
  onClick?: () => void
}

const DEFAULTS = { tone: 'plain', size: 'half' } as const

/** A large home-screen entry: badge, title and one line of explanation. */
export function Tile(props: TileProps) {
  const { title, desc, glyph, tone, size, badge, onClick } = { ...DEFAULTS, ...props }
  return (
    <View className={`tile tile--${tone} tile--${size}`} hoverClass="tile--pressed" onClick={onClick}>
      <View className="tile__glyph">
        {glyph}
        {!!badge && badge > 0 && <Text className="tile__badge">{badge > 99 ? '99+' : badge}</Text>}
      </View>
      <View className="tile__body">
        <Text className="tile__title">{title}</Text>
        {desc && <Text className="tile__desc">{desc}</Text>}
      </View>
    </View>
  )
}
