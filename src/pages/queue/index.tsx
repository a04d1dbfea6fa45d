import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../types/routes'
import { BigButton } from '../../components/big-button'
import { LoadStatus, StatusView } from '../../components/status-view'
import { TicketCard } from '../../components/ticket-card'
import { useLargeText } from '../../hooks/useLargeText'
import { useLoad } from '../../hooks/useLoad'
import { usePushRead } from '../../hooks/usePushRead'
import { queueApi } from '../../services/api/queue'
import { navigate, useQuery } from '../../utils/nav'
import './index.scss'

/** Polling period: the hall calls about one ticket a minute per window, so 10 s is close enough to "live". */
const POLL_MS = 10_000

/** 我的排队: today's tickets, what is ahead, and which window to go to once called. */
export default function MyQueue() {
  const { rootClass } = useLargeText()
  usePushRead(useQuery(ROUTES.queue).msgId)
  const tickets = useLoad(() => queueApi.myTickets(), [], { intervalMs: POLL_MS })
  const list = tickets.data?.tickets ?? []
  // Called tickets first (act now), then waiting, then the finished ones.
  const order = { called: 0, waiting: 1, skipped: 2, done: 3 } as const
  const sorted = [...list].sort((a, b) => order[a.status] - order[b.status])

  return (
    <View className={`${rootClass} queue`}>
      {/* The first load only: a failed refresh has its own wording in the footer. */}
      {!tickets.data && <LoadStatus of={tickets} />}
      {tickets.data && list.length === 0 && (
        <View>
          <StatusView kind="empty" message="今天还没有排队号" />
          <Text className="queue__help">已预约的，到大厅后向窗口出示预约码即可取号；未预约的，可在事项页点「现场取号」。</Text>
          <View className="queue__actions">
            <BigButton kind="secondary" text="查看我的预约" onClick={() => navigate(ROUTES.bookingMine)} />
          </View>
        </View>
      )}
      {sorted.map((t) => (
        <TicketCard key={t.ticketId} ticket={t} />
      ))}
      {tickets.data && list.length > 0 && (
        <View className="queue__footer">
          {tickets.error && <Text className="queue__stale">刷新失败：{tickets.error.message}，显示的是上次的结果。</Text>}
          <Text className="queue__hint">本页每10秒自动刷新。叫到您的号时请尽快到窗口，过号需重新取号。</Text>
          <BigButton kind="secondary" text="立即刷新" onClick={tickets.refresh} />
        </View>
      )}
    </View>
  )
}
