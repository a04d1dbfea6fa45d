import { View } from '@tarojs/components'
import './index.scss'

export interface BigButtonProps {
  text: string
  kind?: 'primary' | 'secondary'
  disabled?: boolean
  onClick?: () => void
}

/** A full-width button at least 48 pt tall (WeChat's and WCAG's comfortable touch size). */
export function BigButton({ text, kind = 'primary', disabled = false, onClick }: BigButtonProps) {
  return (
    <View
      className={`big-button big-button--${kind}${disabled ? ' big-button--disabled' : ''}`}
      hoverClass={disabled ? 'none' : 'big-button--pressed'}
      onClick={disabled ? undefined : onClick}
    >
      {text}
    </View>
  )
}
