import { Text, View } from '@tarojs/components'
import { aboutLabel, COMPLAINT_STATE_TONES, type ComplaintAbout, type ComplaintState } from '../../../../types/domain/complaint'
import { Tag } from '../../../components/tag'
import { monthDay } from '../../../utils/dates'
import { messageTime } from '../../../utils/messages'

export interface ComplaintCardItem {
  complaintId: string
  about: ComplaintAbout
  text: string
  state: ComplaintState
  stateLabel: string
  /** When it reached the viewer: submitted (the office), transferred (the department). */
  since: string
  /** The date the viewer's next step is due, while one is awaited. */
  dueDate?: string
  overdue: boolean
  photoCount: number
  anonymous?: boolean
}

/** One complaint in a staff list: what it is about and its state, the start of its text, and the due date. */
export function ComplaintCard({
  c,
  windowName,
  onClick,
}: {
  c: ComplaintCardItem
  windowName: (id: string) => string
  onClick: () => void
}) {
  return (
    <View
      className={`staff-complaint-card staff-complaint-card--${c.state}${c.overdue ? ' staff-complaint-card--overdue' : ''}`}
      hoverClass="staff-complaint-card--pressed"
      onClick={onClick}
    >
      <View className="staff-complaint-card__head">
        <Text className="staff-complaint-card__title">对{aboutLabel(c.about, windowName)}的投诉</Text>
        <Tag text={c.stateLabel} tone={COMPLAINT_STATE_TONES[c.state]} />
      </View>
      <Text className="staff-complaint-card__text">{c.text}</Text>
      <Text className="staff-complaint-card__line">
        {messageTime(c.since)}
        {c.anonymous !== undefined && ` · ${c.anonymous ? '匿名' : '实名'}`}
        {c.photoCount > 0 && ` · ${c.photoCount}张照片`}
      </Text>
      {c.dueDate && (
        <Text className={`staff-complaint-card__due${c.overdue ? ' staff-complaint-card__due--overdue' : ''}`}>
          {c.overdue ? `已超期（期限${monthDay(c.dueDate)}）` : `期限 ${monthDay(c.dueDate)}`}
        </Text>
      )}
    </View>
  )
}
