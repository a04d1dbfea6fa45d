import { Image } from '@tarojs/components'
import { ICONS, type IconName, type IconNode } from './icons'
import { asciiBase64, iconSvg } from './svg'
import './index.scss'

export type { IconName, IconNode }
/**
 * An icon: a name from the main package's table, or a Lucide icon node imported where it is used
 * (a subpackage's own icons, e.g. the staff tools, stay out of the main package).
 */
export type IconSource = IconName | IconNode

/** The stroke colours an icon comes in: the app's primary blue and white on blue. */
export const ICON_TONES = { primary: '#0b57d0', white: '#ffffff' } as const
export type IconTone = keyof typeof ICON_TONES

const cache = new WeakMap<IconNode, Partial<Record<IconTone, string>>>()

/** The data URI of an icon in a tone, built once per pair. */
export function iconUri(icon: IconSource, tone: IconTone): string {
  const node = typeof icon === 'string' ? ICONS[icon] : icon
  const uris = cache.get(node) ?? {}
  cache.set(node, uris)
  let uri = uris[tone]
  if (!uri) uris[tone] = uri = `data:image/svg+xml;base64,${asciiBase64(iconSvg(node, ICON_TONES[tone]))}`
  return uri
}

export interface IconProps {
  icon: IconSource
  tone?: IconTone
  /** Sizes the image (48 rpx unless the parent's class says otherwise). */
  className?: string
}

/**
 * One icon of the app's set, drawn the same on weapp and h5 as an <image> of an SVG data URI.
 * The default mode (scaleToFill: the icons are square); h5's aspectFit centres the picture with
 * absolute positioning, which a text-align: center parent pushes off to the right.
 */
export function Icon({ icon, tone = 'primary', className }: IconProps) {
  const named = typeof icon === 'string' ? ` icon--${icon}` : ''
  return <Image className={`icon${named}${className ? ` ${className}` : ''}`} src={iconUri(icon, tone)} />
}
