import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MessageView } from '../../../types/contracts/notify'
import type { AppErrorBody } from '../../../types/result'
import { BigButton } from '../../components/big-button'
import { StatusView } from '../../components/status-view'
import { Tag } from '../../components/tag'
import { useLargeText } from '../../hooks/useLargeText'
import { markAllRead, markRead, myMessages, showUnreadOnTabBar } from '../../services/notify'
import { MESSAGE_KIND_LABELS, MESSAGE_KIND_TONES, messageRoute, messageTime } from '../../utils/messages'
import './index.scss'

const PAGE_SIZE = 20

interface State {
  messages: MessageView[]
  unread: number
  /** The last page loaded. */
  page: number
  hasMore: boolean
  /** 'first': the list itself is loading; 'more': 加载更多 is. */
  loading: '' | 'first' | 'more'
  error?: AppErrorBody
  loaded: boolean
}

const INITIAL: State = { messages: [], unread: 0, page: 0, hasMore: false, loading: 'first', loaded: false }

/**
 * 消息: every notification for me (预约、排队、办件、咨询), newest first, 20 at a time. Opening one
 * marks it read and goes to its booking, ticket or case. Reloaded each time the page is shown, so
 * a message read from its push (the page marks it) shows as read here too.
 */
export default function Messages() {
  const { rootClass } = useLargeText()
  const [s, setS] = useState<State>(INITIAL)
  const seq = useRef(0)

  const load = useCallback(async (page: number) => {
    const mine = ++seq.current
    setS((x) => ({ ...x, loading: page === 1 ? 'first' : 'more', error: undefined }))
    const r = await myMessages(page, PAGE_SIZE)
    if (mine !== seq.current) return
    if (!r.ok) return setS((x) => ({ ...x, loading: '', error: r.error }))
    setS((x) => {
      // A message that arrived meanwhile shifts the pages: drop what we already show.
      const seen = new Set(page === 1 ? [] : x.messages.map((m) => m.messageId))
      const messages = [...(page === 1 ? [] : x.messages), ...r.data.messages.filter((m) => !seen.has(m.messageId))]
      return { messages, unread: r.data.unread, page, hasMore: r.data.hasMore, loading: '', loaded: true }
    })
  }, [])

  useDidShow(() => {
    load(1)
  })

  // The tab bar's badge follows the count this page shows.
  useEffect(() => {
    if (s.loaded) showUnreadOnTabBar(s.unread)
  }, [s.loaded, s.unread])

  const open = async (m: MessageView) => {
    const route = messageRoute(m.page)
    if (!m.read) {
      setS((x) => ({
        ...x,
        unread: Math.max(0, x.unread - 1),
        messages: x.messages.map((y) => (y.messageId === m.messageId ? { ...y, read: true } : y)),
      }))
      const r = await markRead([m.messageId])
      if (r.ok) setS((x) => ({ ...x, unread: r.data.unread }))
    }
    if (!route) return Taro.showToast({ title: '该消息没有可打开的页面', icon: 'none' })
    Taro.navigateTo({ url: route }).catch(() => Taro.showToast({ title: '暂时无法打开，请稍后重试', icon: 'none' }))
  }

  const readAll = async () => {
    const ok = await Taro.showModal({ title: '全部已读', content: '把所有消息标为已读？', confirmText: '全部已读', cancelText: '取消' })
    if (!ok.confirm) return
    const r = await markAllRead()
    if (!r.ok) return Taro.showModal({ title: '未能完成', content: r.error.message, showCancel: false, confirmText: '知道了' })
    setS((x) => ({ ...x, unread: r.data.unread, messages: x.messages.map((m) => ({ ...m, read: true })) }))
    Taro.showToast({ title: '已全部标为已读', icon: 'none' })
  }

  return (
    <View className={`${rootClass} messages`}>
      <View className="messages__head">
        <Text className="messages__count">{s.loaded ? (s.unread > 0 ? `${s.unread}条未读` : '没有未读消息') : '消息'}</Text>
        {s.unread > 0 && (
          <View className="messages__read-all" hoverClass="messages__read-all--pressed" onClick={readAll}>
            全部已读
          </View>
        )}
      </View>

      {!s.loaded && s.loading === 'first' && <StatusView kind="loading" />}
      {!s.loaded && s.error && <StatusView kind="error" message={s.error.message} onRetry={() => load(1)} />}
      {s.loaded && s.messages.length === 0 && (
        <View>
          <StatusView kind="empty" message="还没有消息" />
          <Text className="messages__help">预约成功、叫号、办件进度和咨询回复都会在这里通知您。</Text>
        </View>
      )}

      {s.messages.map((m) => (
        <View
          key={m.messageId}
          className={`message-item message-item--${m.read ? 'read' : 'unread'} message-item--${m.kind}`}
          hoverClass="message-item--pressed"
          onClick={() => open(m)}
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
      ))}

      {s.loaded && s.error && s.messages.length > 0 && <Text className="messages__error">加载失败：{s.error.message}</Text>}
      {s.hasMore && (
        <View className="messages__more">
          <BigButton
            kind="secondary"
            text={s.loading === 'more' ? '正在加载…' : '加载更多'}
            disabled={s.loading !== ''}
            onClick={() => load(s.page + 1)}
          />
        </View>
      )}
      {s.loaded && !s.hasMore && s.messages.length > 0 && <Text className="messages__end">没有更多消息了</Text>}
    </View>
  )
}
