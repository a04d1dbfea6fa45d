import { Text, View } from '@tarojs/components'
import { PROVISIONAL_NOTE } from '../../../types/domain/deadline'
import type { CaseState } from '../../../types/domain/case-machine'
import { timeLeftText } from '../../utils/case'
import { longDate } from '../../utils/dates'
import { BigButton } from '../big-button'
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
  /** 预计办结 from the matter's recent cases (never after the promise). */
  prediction?: { date: string; typicalDays: number; mostDays: number; sample: number; passed: boolean }
  /** 催办, offered once the predicted date has passed (the citizen's own case only). */
  onUrge?: () => void
}

/**
 * 办理时限: acceptance, the promised limit and date, how much is left, whether the date is
 * provisional, and the predicted date with 催办 once it has passed.
 */
export function CaseDeadline({ state, deadline: d, prediction: p, onUrge }: CaseDeadlineProps) {
  return (
    <Section title="办理时限">
      {d.acceptedOn && <InfoRow label="受理日期">{longDate(d.acceptedOn)}</InfoRow>}
      {d.limitDays !== undefined && <InfoRow label="承诺时限">{d.limitDays}个工作日</InfoRow>}
      <InfoRow label="办结期限" strong>
        {longDate(d.dueDate)}
        {d.provisional ? '（暂定）' : ''}
      </InfoRow>
      {p && <InfoRow label="预计办结">{`${longDate(p.date)}（仅供参考）`}</InfoRow>}
      {d.legalDueDate && <InfoRow label="法定期限">{longDate(d.legalDueDate)}</InfoRow>}
      <InfoRow label="时限状态">
        <Text className={d.overdue ? 'case-deadline__overdue' : ''}>{timeLeftText(d, state)}</Text>
      </InfoRow>
      {d.provisional ? (
        <Text className="case-deadline__note case-deadline__note--provisional">{PROVISIONAL_NOTE}</Text>
      ) : (
        <Text className="case-deadline__note">工作日不含法定节假日，按国家调休安排计算。</Text>
      )}
      {p && (
        <Text className="case-deadline__note">
          预计日期按近6个月同类办件推算：通常{p.typicalDays}个工作日，多数在{p.mostDays}个工作日内办结（共{p.sample}件），以承诺期限为准。
        </Text>
      )}
      {p?.passed && onUrge && (
        <View className="case-deadline__urge">
          <Text className="case-deadline__urge-text">已过预计办结日期，可向办理部门催办。</Text>
          <BigButton kind="secondary" text="催办" onClick={onUrge} />
        </View>
      )}
    </Section>
  )
}
