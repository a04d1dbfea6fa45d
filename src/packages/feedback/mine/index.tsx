import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ComplaintTimeline } from '../../../../types/contracts/complaint'
import type { ActionOutput } from '../../../../types/contracts/contract'
import { isOpenComplaint } from '../../../../types/domain/complaint'
import type { ratingContract } from '../../../../types/contracts/rating'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { complaintApi } from '../../../services/api/complaint'
import { ratingApi } from '../../../services/api/rating'
import { beijingDateTime } from '../../../utils/case'
import { navigate, useQuery } from '../../../utils/nav'
import { levelTone, stateTone } from '../rating/parts'
import '../feedback.scss'

type Tab = 'ratings' | 'complaints'
type Summary = ActionOutput<typeof ratingContract, 'myRatings'>['items'][number]

const TABS = [
  { value: 'ratings', label: '我的评价' },
  { value: 'complaints', label: '我的投诉' },
] as const

function Link({ text, onClick }: { text: string; onClick: () => void }) {
  return (
    <View className="feedback-page__link" hoverClass="feedback-page__link--pressed" onClick={onClick}>
      {text} ›
    </View>
  )
}

function RatingCard({ r }: { r: Summary }) {
  return (
    <View
      className={`feedback-card feedback-card--rating${r.bad ? ' feedback-card--bad' : ''}${r.isDefault ? ' feedback-card--default' : ''}`}
      hoverClass="feedback-card--pressed"
      onClick={() => navigate(ROUTES.feedbackRating, { id: r.ratingId })}
    >
      <View className="feedback-card__head">
        <Text className="feedback-card__title">{r.title}</Text>
        <Tag text={r.levelLabel} tone={levelTone(r.level)} />
      </View>
      <Text className="feedback-card__meta">
        {r.departmentName} · {beijingDateTime(r.ratedAt)}
      </Text>
      {(r.isDefault || r.stateLabel) && (
        <View className="feedback-card__tags">
          {r.isDefault && <Tag text="默认评价" tone="gray" />}
          {r.stateLabel && <Tag text={`差评 · ${r.stateLabel}`} tone={stateTone(r.state)} />}
        </View>
      )}
    </View>
  )
}

type Loads = ReturnType<typeof useMineLoads>

/**
 * Every list of the page, loaded by the page itself so that each reloads on coming back to the
 * page; a tab shown later would take that return for its first show (useLoad) and keep old data.
 */
function useMineLoads() {
  return {
    pending: useLoad(() => ratingApi.pending({}), []),
    ratings: useLoad(() => ratingApi.myRatings({}), []),
    complaints: useLoad(() => complaintApi.mine({}), []),
  }
}

function RatingsTab({ loads }: { loads: Loads }) {
  const { pending, ratings: list } = loads
  const waiting = pending.data?.items.length ?? 0
  const items = list.data?.items ?? []
  return (
    <View>
      {waiting > 0 && (
        <View className="feedback-pending" hoverClass="feedback-pending--pressed" onClick={() => navigate(ROUTES.feedbackRate)}>
          <Text className="feedback-pending__text">有{waiting}项服务待评价</Text>
          <Text>去评价 ›</Text>
        </View>
      )}
      <LoadStatus of={list} />
      {list.data && items.length === 0 && (
        <StatusView kind="empty" message="您还没有评价过" hint={waiting ? undefined : '办件办结、窗口办完后，可以在这里给服务打分。'} />
      )}
      {items.map((r) => (
        <RatingCard key={r.ratingId} r={r} />
      ))}
    </View>
  )
}

function ComplaintCard({ c }: { c: ComplaintTimeline }) {
  return (
    <View
      className="feedback-card feedback-card--complaint"
      hoverClass="feedback-card--pressed"
      onClick={() => navigate(ROUTES.complaintTrack, { no: c.trackingNo })}
    >
      <View className="feedback-card__head">
        <Text className="feedback-card__title">投诉编号 {c.trackingNo}</Text>
        <Tag text={c.stateLabel} tone={isOpenComplaint(c.state) ? 'orange' : 'gray'} />
      </View>
      <Text className="feedback-card__meta">提交于{beijingDateTime(c.submittedAt)}</Text>
    </View>
  )
}

function ComplaintsTab({ loads }: { loads: Loads }) {
  const list = loads.complaints
  const items = list.data?.items ?? []
  return (
    <View>
      <View className="feedback-page__actions">
        <BigButton text="我要投诉" onClick={() => navigate(ROUTES.complaintNew)} />
      </View>
      <View className="feedback-page__links">
        <Text className="feedback-page__note">匿名投诉不在此列，请凭投诉编号和查询密码在查询页查看。</Text>
        <Link text="凭编号查询投诉" onClick={() => navigate(ROUTES.complaintTrack)} />
      </View>
      <LoadStatus of={list} />
      {list.data && items.length === 0 && (
        <StatusView kind="empty" message="您还没有实名投诉" hint="对窗口服务、办件不满意，可点上面的「我要投诉」，中心办公室会按时答复。" />
      )}
      {items.map((c) => (
        <ComplaintCard key={c.trackingNo} c={c} />
      ))}
    </View>
  )
}

/** 我的评价与投诉: my ratings (and what waits for one) and my complaints, one tab each. */
export default function FeedbackMine() {
  const { rootClass } = useLargeText()
  const query = useQuery(ROUTES.feedbackMine)
  const [tab, setTab] = useState<Tab>(query.tab === 'complaints' ? 'complaints' : 'ratings')
  const loads = useMineLoads()
  return (
    <View className={`${rootClass} feedback-page feedback-mine`}>
      <View className="feedback-page__head">
        <Text className="feedback-page__title">我的评价与投诉</Text>
        <Text className="feedback-page__sub">差评有部门核实整改，投诉由中心办公室受理，进度都在这里。</Text>
        <Link text="好差评数据公开" onClick={() => navigate(ROUTES.feedbackFigures)} />
      </View>
      <View className="feedback-tabs">
        <ChoiceChips name="tab" options={TABS} value={tab} onChange={setTab} />
      </View>
      {tab === 'ratings' ? <RatingsTab loads={loads} /> : <ComplaintsTab loads={loads} />}
    </View>
  )
}
