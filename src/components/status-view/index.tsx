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

export interface LoadStatusProps {
  /** What useLoad answered. */
  of: { data?: unknown; error?: { code: string; message: string }; loading: boolean; refresh: () => unknown }
  /** Shown instead of the server's message when the thing is not there (NOT_FOUND: a deleted or a stranger's record). */
  missing?: string
}

/**
 * Everything a page shows about its load except the data itself: the spinner before the first
 * answer, the error with 重试 when there is nothing to show, and a one-line note above data that
 * a refresh could not update. A missing record is shown as empty, not as a fault to retry.
 */
export function LoadStatus({ of: view, missing }: LoadStatusProps) {
  if (view.data !== undefined) return view.error ? <Text className="status-view__stale">刷新失败：{view.error.message}</Text> : null
  if (!view.error) return <StatusView kind="loading" />
  const gone = view.error.code === 'NOT_FOUND' || view.error.code === 'INVALID_INPUT'
  if (gone) return <StatusView kind="empty" message={missing ?? view.error.message} />
  return <StatusView kind="error" message={view.error.message} onRetry={() => void view.refresh()} />
}
