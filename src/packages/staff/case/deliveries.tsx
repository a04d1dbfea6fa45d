import { Text, View } from '@tarojs/components'
import type { DeliveryChannel, DeliveryStatus, DeliveryView } from '../../../../types/contracts/notify'
import type { NotificationEvent } from '../../../../types/domain/notification'
import { Section } from '../../../components/section'
import { StatusView } from '../../../components/status-view'
import { Tag, type TagProps } from '../../../components/tag'
import { useLoad } from '../../../hooks/useLoad'
import { notifyApi } from '../../../services/api/notify'
import { beijingDateTime } from '../../../utils/case'

// Partial: an event added later shows by its key until it gets a label here.
const EVENT_LABELS: Partial<Record<NotificationEvent, string>> = {
  'booking.confirmed': '预约成功',
  'booking.reminder_day_before': '预约前一天提醒',
  'booking.cancelled': '预约已取消',
  'queue.three_ahead': '排队：前面还有3人',
  'queue.called': '排队：已叫号',
  'case.accepted': '已受理',
  'case.supplement_requested': '一次性告知补正',
  'case.approved': '准予办结',
  'case.rejected': '不予办理',
  'case.ready_for_pickup': '通知领取',
  'case.completed': '已领取或送达',
  'inquiry.answered': '咨询已回复',
}

/** What staff need to know at a glance: did WeChat take it, and if not, is it the person's choice or a fault. */
const STATUS: Record<DeliveryStatus, { label: string; tone: NonNullable<TagProps['tone']> }> = {
  sent: { label: '已发送', tone: 'green' },
  failed: { label: '发送失败', tone: 'orange' },
  retry: { label: '发送失败，等待重试', tone: 'orange' },
  no_consent: { label: '未订阅', tone: 'gray' },
  pending: { label: '待发送', tone: 'blue' },
  sending: { label: '发送中', tone: 'blue' },
}

const CHANNEL: Record<DeliveryChannel, string> = {
  subscription: '小程序订阅消息',
  official_account: '服务号模板消息',
  message_centre: '仅消息中心',
}

function Row({ d }: { d: DeliveryView }) {
  const s = STATUS[d.status]
  return (
    <View className={`delivery delivery--${d.status}`}>
      <View className="delivery__head">
        <Text className="delivery__event">{EVENT_LABELS[d.event] ?? d.event}</Text>
        <Tag text={s.label} tone={s.tone} />
      </View>
      {d.reason && (
        <Text className="delivery__reason">
          原因：{d.reason}
          {d.errcode !== undefined && !d.reason.includes(String(d.errcode)) ? `（错误码${d.errcode}）` : ''}
        </Text>
      )}
      {d.status === 'no_consent' && <Text className="delivery__line">未推送微信消息，申请人可在小程序「消息」中查看。</Text>}
      <Text className="delivery__line">
        接收人 {d.recipient} · 尝试{d.attempts}次{d.channel && d.status !== 'no_consent' ? ` · ${CHANNEL[d.channel]}` : ''}
      </Text>
      <Text className="delivery__line">
        {d.sentAt ? `发送于 ${beijingDateTime(d.sentAt)}` : `产生于 ${beijingDateTime(d.createdAt)}`}
        {d.nextAttemptAt ? ` · 下次重试 ${beijingDateTime(d.nextAttemptAt)}` : ''}
      </Text>
    </View>
  )
}

/**
 * 通知记录: each notification of this case as the notify function sees it — pushed, failed and
 * why, or not pushed for lack of consent. Reloaded when the case changes (`version`) and on 刷新,
 * which shows the spinner again: the staff member asked for news and sees it being fetched.
 */
export function Deliveries({ caseId, version }: { caseId: string; version: string }) {
  const list = useLoad(() => notifyApi.caseDeliveries({ subjectId: caseId }), [caseId, version], { onShow: false })
  const ready = !list.loading && !list.error ? list.data : undefined
  return (
    <Section title="通知记录">
      {list.loading && <StatusView kind="loading" message="正在读取通知记录…" />}
      {!list.loading && list.error && <StatusView kind="error" message={list.error.message} onRetry={() => void list.refresh()} />}
      {ready?.deliveries.length === 0 && <Text className="staff-case__hint">本件还没有发给申请人的通知。</Text>}
      {ready?.deliveries.map((d) => (
        <Row key={`${d.event}:${d.subjectId}:${d.recipient}`} d={d} />
      ))}
      {ready && (
        <View className="delivery__refresh" hoverClass="delivery__refresh--pressed" onClick={() => void list.refresh()}>
          刷新通知记录
        </View>
      )}
    </Section>
  )
}
