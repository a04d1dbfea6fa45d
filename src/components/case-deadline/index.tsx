import { Text } from '@tarojs/components'
import { PROVISIONAL_NOTE } from '../../../types/domain/deadline'
import type { CaseState } from '../../../types/domain/case-machine'
import { timeLeftText } from '../../utils/case'
import { longDate } from '../../utils/dates'
import { InfoRow } from '../info-row'
import { Section } from '../section'
import './index.scss'

export interface CaseDeadlineProps {
  /** The case's state: once it is finished the line says so instead of counting days. */
  state: CaseState
  deadline: {
    acceptedOn?: string
    limitDays?: number
    dueDate: string
    workingDaysLeft: number
    overdue: boolean
    paused: boolean
    /** Computed on a year whose holidays the State Council has not announced yet. */
    provisional: boolean
    /** Staff only: the legal limit's date (法定期限). */
    legalDueDate?: string
  }
}

/** 办理时限: acceptance, the promised limit and date, how much is left, and whether the date is provisional. */
export function CaseDeadline({ state, deadline: d }: CaseDeadlineProps) {
  return (
    <Section title="办理时限">
      {d.acceptedOn && <InfoRow label="受理日期">{longDate(d.acceptedOn)}</InfoRow>}
      {d.limitDays !== undefined && <InfoRow label="承诺时限">{d.limitDays}个工作日</InfoRow>}
      <InfoRow label="办结期限" strong>
        {longDate(d.dueDate)}
        {d.provisional ? '（暂定）' : ''}
      </InfoRow>
      {d.legalDueDate && <InfoRow label="法定期限">{longDate(d.legalDueDate)}</InfoRow>}
      <InfoRow label="时限状态">
        <Text className={d.overdue ? 'case-deadline__overdue' : ''}>{timeLeftText(d, state)}</Text>
      </InfoRow>
      {d.provisional ? (
        <Text className="case-deadline__note case-deadline__note--provisional">{PROVISIONAL_NOTE}</Text>
      ) : (
        <Text className="case-deadline__note">工作日不含法定节假日，按国家调休安排计算。</Text>
      )}
    </Section>
  )
}
