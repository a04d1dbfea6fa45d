import { Text, View } from '@tarojs/components'
import './index.scss'

export interface StatusViewProps {
  kind: 'loading' | 'empty' | 'error'
  /** What to say; each kind has a plain default. */
  message?: string
  /** Shown as a 重试 button on errors. */
  onRetry?: () => void
  /** A line under the message: why there is nothing, or what the list will hold (empty states). */
  hint?: string
  /** The next step as a button, e.g. `{ text: '去预约', onClick }` on an empty list. */
  action?: { text: string; onClick: () => void }
}

const DEFAULT_MESSAGES: Record<StatusViewProps['kind'], string> = {
  loading: '正在加载…',
  empty: '暂无内容',
  error: '加载失败，请稍后重试',
}

/**
 * Loading, empty and error states, worded for citizens, with a large retry target; an empty state
 * can say why and offer the next step, so a citizen is not left before one grey line.
 */
export function StatusView({ kind, message, onRetry, hint, action }: StatusViewProps) {
  return (
    <View className={`status-view status-view--${kind}${hint || action ? ' status-view--guided' : ''}`}>
      {kind === 'loading' && <View className="status-view__spinner" />}
      <Text className="status-view__text">{message || DEFAULT_MESSAGES[kind]}</Text>
      {hint && <Text className="status-view__hint">{hint}</Text>}
      {kind === 'error' && onRetry && (
        <View className="status-view__retry" hoverClass="status-view__retry--pressed" onClick={onRetry}>
          重试
        </View>
      )}
      {action && (
        <View className="status-view__retry status-view__action" hoverClass="status-view__retry--pressed" onClick={action.onClick}>
          {action.text}
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
