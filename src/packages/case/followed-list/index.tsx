import { Text, View } from '@tarojs/components'
import type { FollowedCaseSummary } from '../../../../types/contracts/case'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { caseApi } from '../../../services/api/case'
import { CASE_STATE_TONES } from '../../../utils/case'
import { longDate } from '../../../utils/dates'
import { navigate } from '../../../utils/nav'
// The card reuses case-card's look, with the ready state called out (followed-card).
import '../../../components/case-card/index.scss'
import '../case.scss'
import './index.scss'

function FollowedCard({ c }: { c: FollowedCaseSummary }) {
  const open = () => navigate(ROUTES.caseFollowed, { id: c.caseId })
  return (
    <View
      className={`case-card followed-card${c.readyForPickup ? ' followed-card--ready' : ''}${c.overdue ? ' case-card--overdue' : ''}`}
      hoverClass="case-card--pressed"
      onClick={open}
    >
      <View className="case-card__head">
        <Text className="case-card__matter">{c.matterName}</Text>
        <Tag text={c.stateLabel} tone={CASE_STATE_TONES[c.state]} />
      </View>
      <Text className="case-card__line">申请人 {c.applicantName}</Text>
      <Text className="case-card__line">
        办件编号 <Text className="case-card__no">{c.caseNo}</Text>
      </Text>
      {c.readyForPickup && <Text className="followed-card__ready">已办好，可以领取了</Text>}
      {!c.readyForPickup && c.dueDate && (
        <Text className={`case-card__due${c.overdue ? ' case-card__due--overdue' : ''}`}>
          办结期限 {longDate(c.dueDate)}
          {c.overdue ? ' · 已超期' : ''}
        </Text>
      )}
    </View>
  )
}

/** 我关注的办件: the family cases this WeChat account follows, latest change first. */
export default function FollowedList() {
  const { rootClass } = useLargeText()
  const list = useLoad(() => caseApi.followedCases(), [])
  const cases = list.data?.cases ?? []
  return (
    <View className={`${rootClass} case-page followed-list`}>
      {!list.data && <LoadStatus of={list} />}
      {list.data && list.error && <Text className="case-page__error">刷新失败：{list.error.message}</Text>}
      {list.data && cases.length === 0 && (
        <View className="followed-list__empty">
          <StatusView
            kind="empty"
            message="您还没有关注家人的办件"
            hint="请家人在「我的办件」里打开办件，点「分享给家人查看」，把邀请码发给您。"
          />
        </View>
      )}
      {cases.map((c) => (
        <FollowedCard key={c.caseId} c={c} />
      ))}
      <View className="case-page__actions">
        <BigButton kind="secondary" text="输入邀请码" onClick={() => navigate(ROUTES.caseFollow)} />
        <BigButton kind="secondary" text="凭办件编号查询进度" onClick={() => navigate(ROUTES.caseLookup)} />
      </View>
    </View>
  )
}
