import { Text, View } from '@tarojs/components'
import type { CaseSummary } from '../../../types/contracts/case'
import { beijingDateTime, CASE_STATE_TONES, timeLeftText } from '../../utils/case'
import { longDate } from '../../utils/dates'
import { Tag } from '../tag'
import './index.scss'

export interface CaseCardProps {
  c: CaseSummary
  /** Staff lists show the (masked) applicant. */
  showApplicant?: boolean
  onClick?: () => void
}

/** One case in a list: matter and state first, then the number and the deadline. */
export function CaseCard({ c, showApplicant = false, onClick }: CaseCardProps) {
  return (
    <View
      className={`case-card case-card--${c.state}${c.overdue ? ' case-card--overdue' : ''}`}
      hoverClass="case-card--pressed"
      onClick={onClick}
    >
      <View className="case-card__head">
        <Text className="case-card__matter">{c.matterName}</Text>
        <Tag text={c.stateLabel} tone={CASE_STATE_TONES[c.state]} />
      </View>
      <Text className="case-card__line">
        办件编号 <Text className="case-card__no">{c.caseNo}</Text>
      </Text>
      {showApplicant && <Text className="case-card__line">申请人 {c.applicantName}</Text>}
      <Text className="case-card__line">
        {c.submittedAt ? `提交于 ${beijingDateTime(c.submittedAt)}` : `草稿，更新于 ${beijingDateTime(c.updatedAt)}`}
      </Text>
      {c.dueDate && (
        <Text className={`case-card__due${c.overdue ? ' case-card__due--overdue' : ''}`}>
          办结期限 {longDate(c.dueDate)}
          {c.dueProvisional ? '（暂定）' : ''} · {timeLeftText(c, c.state)}
        </Text>
      )}
    </View>
  )
}
