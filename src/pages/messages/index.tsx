import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MessageView } from '../../../types/contracts/notify'
import { BigButton } from '../../components/big-button'
import { StatusView } from '../../components/status-view'
import { Tag } from '../../components/tag'
import { useLargeText } from '../../hooks/useLargeText'
import { alert, confirm, toast } from '../../utils/alert'
import { MESSAGE_KIND_LABELS, MESSAGE_KIND_TONES, messageRoute, messageTime } from '../../utils/messages'
import { useMessages } from './use-messages'
import './index.scss'

function MessageItem({ m, onOpen }: { m: MessageView; onOpen: () => void }) {
  return (
    <View
      className={`message-item message-item--${m.read ? 'read' : 'unread'} message-item--${m.kind}`}
      hoverClass="message-item--pressed"
      onClick={onOpen}
    >
      <View className="message-item__head">
        {!m.read && <View className="message-item__dot" />}
        <Text className="message-item__title">{m.title}</Text>
        <Tag text={MESSAGE_KIND_LABELS[m.kind]} tone={MESSAGE_KIND_TONES[m.kind]} />
      </View>
      <Text className="message-item__body">{m.body}</Text>
      <View className="message-item__foot">
        <Text className="message-item__time">{messageTime(m.createdAt)}</Text>
        <Text className="message-item__open">{m.read ? '查看 ›' : '未读 · 查看 ›'}</Text>
      </View>
    </View>
  )
}

/**
 * 消息: every notification for me (预约、排队、办件、咨询), newest first. Opening one marks it read
 * and goes to its booking, ticket or case.
 */
export default function Messages() {
  const { rootClass } = useLargeText()
  const inbox = useMessages()
  const { loaded, first, messages, unread, error } = inbox

  const open = async (m: MessageView) => {
    const url = messageRoute(m.page)
    if (!m.read) await inbox.markRead(m)
    if (!url) return toast('该消息没有可打开的页面')
    Taro.navigateTo({ url }).catch(() => toast('暂时无法打开，请稍后重试'))
  }

  const readAll = async () => {
    if (!(await confirm({ title: '全部已读', content: '把所有消息标为已读？', confirmText: '全部已读' }))) return
    const r = await inbox.markAllRead()
    if (!r.ok) return alert('未能完成', r.error.message)
    toast('已全部标为已读')
  }

  return (
    <View className={`${rootClass} messages`}>
      <View className="messages__head">
        <Text className="messages__count">{loaded ? (unread > 0 ? `${unread}条未读` : '没有未读消息') : '消息'}</Text>
        {unread > 0 && (
          <View className="messages__read-all" hoverClass="messages__read-all--pressed" onClick={readAll}>
            全部已读
          </View>
        )}
      </View>

      {!loaded && first.loading && <StatusView kind="loading" />}
      {!loaded && !first.loading && first.error && <StatusView kind="error" message={first.error.message} onRetry={first.refresh} />}
      {loaded && messages.length === 0 && (
        <StatusView kind="empty" message="还没有消息" hint="预约成功、叫号、办件进度和咨询回复都会在这里通知您。" />
      )}

      {messages.map((m) => (
        <MessageItem key={m.messageId} m={m} onOpen={() => open(m)} />
      ))}

      {loaded && error && messages.length > 0 && <Text className="messages__error">加载失败：{error.message}</Text>}
      {inbox.hasMore && (
        <View className="messages__more">
          <BigButton
            kind="secondary"
            text="加载更多"
            loading={inbox.moreLoading}
            loadingText="正在加载…"
            disabled={first.loading}
            onClick={inbox.loadMore}
          />
        </View>
      )}
      {loaded && !inbox.hasMore && messages.length > 0 && <Text className="messages__end">没有更多消息了</Text>}
    </View>
  )
}
