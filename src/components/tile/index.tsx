import { Text, View } from '@tarojs/components'
import './index.scss'

export interface TileProps {
  title: string
  desc?: string
  /** One character drawn in the badge (no image assets: they cost package size). */
  glyph: string
  tone?: 'primary' | 'plain'
  size?: 'wide' | 'half'
  onClick?: () => void
}

const DEFAULTS = { tone: 'plain', size: 'half' } as const

/** A large home-screen entry: badge, title and one line of explanation. */
export function Tile(props: TileProps) {
  const { title, desc, glyph, tone, size, onClick } = { ...DEFAULTS, ...props }
  return (
    <View className={`tile tile--${tone} tile--${size}`} hoverClass='tile--pressed' onClick={onClick}>
      <View className='tile__glyph'>{glyph}</View>
      <View className='tile__body'>
        <Text className='tile__title'>{title}</Text>
        {desc && <Text className='tile__desc'>{desc}</Text>}
      </View>
    </View>
  )
}
