import { Text, View } from '@tarojs/components'
import './index.scss'

export interface StatusViewProps {
  kind: 'loading' | 'empty' | 'error'
  /** What to say; each kind has a plain default. */
  message?: string
  /** Shown as a 重试 button on errors. */
  onRetry?: () => void
}

const DEFAULT_MESSAGES: Record<StatusViewProps['kind'], string> = {
  loading: '正在加载…',
  empty: '暂无内容',
  error: '加载失败，请稍后重试',
}

/** Loading, empty and error states, worded for citizens, with a large retry target. */
export function StatusView({ kind, message, onRetry }: StatusViewProps) {
  return (
    <View className={`status-view status-view--${kind}`}>
      {kind === 'loading' && <View className="status-view__spinner" />}
      <Text className="status-view__text">{message || DEFAULT_MESSAGES[kind]}</Text>
      {kind === 'error' && onRetry && (
        <View className="status-view__retry" hoverClass="status-view__retry--pressed" onClick={onRetry}>
          重试
        </View>
      )}
    </View>
  )
}
