import { View } from '@tarojs/components'
import './index.scss'

export interface BigButtonProps {
  text: string
  kind?: 'primary' | 'secondary'
  disabled?: boolean
  /** The action it started is running: the button says so and takes no second tap. */
  loading?: boolean
  /** What it says while loading (正在绑定…); default 正在提交…. */
  loadingText?: string
  onClick?: () => void
}

/** A full-width button at least 48 pt tall (WeChat's and WCAG's comfortable touch size). */
export function BigButton({
  text,
  kind = 'primary',
  disabled = false,
  loading = false,
  loadingText = '正在提交…',
  onClick,
}: BigButtonProps) {
  const off = disabled || loading
  return (
    <View
      className={`big-button big-button--${kind}${off ? ' big-button--disabled' : ''}`}
      hoverClass={off ? 'none' : 'big-button--pressed'}
      aria-busy={loading}
      onClick={off ? undefined : onClick}
    >
      {loading ? loadingText : text}
    </View>
  )
}
