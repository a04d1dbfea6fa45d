import { Text, View } from '@tarojs/components'
import type { TicketView } from '../../../types/contracts/queue'
import { TICKET_STATUS_LABELS, type TicketStatus } from '../../../types/domain/queue'
import { Tag, type TagProps } from '../tag'
import './index.scss'
import { windowNumberLabel } from '../../../types/domain/catalog'

export interface TicketCardProps {
  ticket: TicketView
  /** 'citizen' shows place in line and wait; 'staff' is the compact line of the console list. */
  mode?: 'citizen' | 'staff'
}

const TONES: Record<TicketStatus, TagProps['tone']> = { waiting: 'blue', called: 'orange', done: 'green', skipped: 'gray' }
const KIND_LABELS: Record<TicketView['kind'], string> = { booked: '预约', walk_in: '现场' }

const windowText = (t: TicketView) =>
  t.windowNumber ? `${windowNumberLabel(t.windowNumber)}${t.windowName ? `（${t.windowName}）` : ''}` : ''

/** One queue ticket: its number large (people compare it with the hall screen), then what to do. */
export function TicketCard({ ticket: t, mode = 'citizen' }: TicketCardProps) {
  if (mode === 'staff') {
    return (
      <View className="ticket-card ticket-card--staff">
        <Text className="ticket-card__label">{t.label}</Text>
        <View className="ticket-card__main">
          <Text className="ticket-card__matter">{t.matterName}</Text>
          <View>
            <Tag text={KIND_LABELS[t.kind]} tone={t.kind === 'booked' ? 'green' : 'gray'} />
            {t.windowNumber ? <Tag text={`转入 ${t.windowNumber}号`} tone="orange" /> : null}
          </View>
        </View>
      </View>
    )
  }
  return (
    <View className={`ticket-card ticket-card--${t.status}`}>
      <View className="ticket-card__head">
        <Text className="ticket-card__label">{t.label}</Text>
        <Tag text={TICKET_STATUS_LABELS[t.status]} tone={TONES[t.status]} />
      </View>
      <Text className="ticket-card__matter">
        {t.matterName}（{KIND_LABELS[t.kind]}）
      </Text>
      {t.status === 'called' && (
        <View className="ticket-card__call">
          <Text className="ticket-card__call-text">请到 {windowText(t) || '窗口'} 办理</Text>
        </View>
      )}
      {t.status === 'waiting' && (
        <View className="ticket-card__wait">
          {t.ahead > 0 ? (
            <View>
              <Text className="ticket-card__wait-line">
                前面还有 <Text className="ticket-card__num">{t.ahead}</Text> 人
              </Text>
              <Text className="ticket-card__wait-line ticket-card__wait-time">预计等待约 {t.waitMinutes} 分钟</Text>
            </View>
          ) : (
            <Text className="ticket-card__wait-line ticket-card__next">下一位就是您，请留意叫号屏</Text>
          )}
          {windowText(t) && <Text className="ticket-card__wait-line">已转到 {windowText(t)}</Text>}
        </View>
      )}
    </View>
  )
}
