import { Text, View } from '@tarojs/components'
import type { InquirySummary } from '../../../types/contracts/inquiry'
import { dueText, INQUIRY_STATE_TONES } from '../../utils/inquiry'
import { messageTime } from '../../utils/messages'
import { Tag } from '../tag'
import './index.scss'

export interface InquiryCardProps {
  q: InquirySummary
  /** Staff lists show the (masked) asker and the owner; citizens the department. */
  mode?: 'citizen' | 'staff'
  onClick?: () => void
}

/** One inquiry in a list: the question's topic and its state, then where it is and when a reply is due. */
export function InquiryCard({ q, mode = 'citizen', onClick }: InquiryCardProps) {
  const staff = mode === 'staff'
  const late = q.due?.level === 'overdue'
  return (
    <View
      className={`inquiry-card inquiry-card--${q.state}${late ? ' inquiry-card--overdue' : ''}`}
      hoverClass="inquiry-card--pressed"
      onClick={onClick}
    >
      <View className="inquiry-card__head">
        <Text className="inquiry-card__topic">{q.topic}</Text>
        <Tag text={q.stateLabel} tone={INQUIRY_STATE_TONES[q.state]} />
      </View>
      <Text className="inquiry-card__line">{q.matterName ? `事项：${q.matterName}` : '中心综合咨询'}</Text>
      <Text className="inquiry-card__line">
        {staff ? `提问人 ${q.askerName ?? '—'} · ` : `${q.departmentName} · `}
        {q.owner ? `负责人 ${q.owner.name}` : '待认领'}
      </Text>
      <Text className="inquiry-card__line">最近消息 {messageTime(q.lastMessageAt)}</Text>
      {q.due && <Text className={`inquiry-card__due inquiry-card__due--${q.due.level}`}>{dueText(q.due, staff)}</Text>}
      {!staff && q.state === 'answered' && !q.rated && <Text className="inquiry-card__hint">已回复，请查看并评价</Text>}
    </View>
  )
}
