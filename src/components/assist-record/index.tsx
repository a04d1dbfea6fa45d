import { Text, View } from '@tarojs/components'
import type { AssistView } from '../../../types/contracts/assist'
import type { AssistState } from '../../../types/domain/assist'
import { messageTime } from '../../utils/messages'
import { monthDay } from '../../utils/dates'
import { InfoRow } from '../info-row'
import { Section } from '../section'
import { Tag, type TagProps } from '../tag'
import './index.scss'

const STATE_TONES: Record<AssistState, NonNullable<TagProps['tone']>> = {
  requested: 'orange',
  claimed: 'blue',
  drafted: 'orange',
  confirmed: 'blue',
  closed: 'green',
  cancelled: 'gray',
}

export const assistStateTag = (a: Pick<AssistView, 'state' | 'stateLabel'>) => <Tag text={a.stateLabel} tone={STATE_TONES[a.state]} />

/** One 帮办代办 request in a list: the matter, its state, when it was asked and who helps. */
export function AssistCard({ a, onClick }: { a: AssistView; onClick: () => void }) {
  return (
    <View className={`assist-card assist-card--${a.state}`} hoverClass="assist-card--pressed" onClick={onClick}>
      <View className="assist-card__top">
        <Text className="assist-card__title">{a.matterName}</Text>
        {assistStateTag(a)}
      </View>
      <Text className="assist-card__meta">
        {a.reasonLabel} · {messageTime(a.requestedAt)}提交
      </Text>
      {a.owner ? (
        <Text className="assist-card__meta">
          帮办员 {a.owner.name}（{a.owner.staffNo}）
        </Text>
      ) : (
        a.state === 'requested' && (
          <Text className={`assist-card__meta${a.overdue ? ' assist-card__meta--late' : ''}`}>
            {a.overdue ? `已超过认领期限（${monthDay(a.claimDue)}）` : `${monthDay(a.claimDue)}前认领并联系`}
          </Text>
        )
      )}
    </View>
  )
}

/** The request's details and its steps (全程留痕), as the requester or the desk sees them (the server masks what the viewer may not see). */
export function AssistRecord({ a }: { a: AssistView }) {
  return (
    <>
      <Section title="帮办申请">
        <InfoRow label="事项">{a.matterName}</InfoRow>
        {a.departmentName && <InfoRow label="部门">{a.departmentName}</InfoRow>}
        <InfoRow label="原因">{a.reasonLabel}</InfoRow>
        <InfoRow label="情况">{a.detail}</InfoRow>
        <InfoRow label="联系电话">{a.contactPhone}</InfoRow>
        {a.forOther && (
          <InfoRow label="为家人">
            {a.forOther.relation} {a.forOther.name} {a.forOther.phone}
          </InfoRow>
        )}
        {a.owner && (
          <InfoRow label="帮办员">
            {a.owner.name}（{a.owner.staffNo}）
          </InfoRow>
        )}
        {a.result && <InfoRow label="办理情况">{a.result}</InfoRow>}
      </Section>
      <Section title="办理记录">
        {a.history.map((h, i) => (
          <View key={i} className="assist-record__step">
            <Text className="assist-record__label">{h.label}</Text>
            <Text className="assist-record__at">{messageTime(h.at)}</Text>
          </View>
        ))}
      </Section>
    </>
  )
}
