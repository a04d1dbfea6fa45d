import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { ratingContract } from '../../../../types/contracts/rating'
import { RATING_KIND_LABELS, RATING_KINDS, type RatingKind } from '../../../../types/domain/rating'
import { ok, type AppErrorBody } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { usePushRead } from '../../../hooks/usePushRead'
import { ratingApi } from '../../../services/api/rating'
import { beijingDateTime } from '../../../utils/case'
import { monthDay } from '../../../utils/dates'
import { navigate, useQuery } from '../../../utils/nav'
import { RateForm } from './form'
import '../feedback.scss'

type Invitation = ActionOutput<typeof ratingContract, 'pending'>['items'][number]
type Summary = ActionOutput<typeof ratingContract, 'myRatings'>['items'][number]

/** The kinds a citizen rates here; a complaint's answer is rated on the complaint's own page. */
const isKind = (k: string | undefined): k is RatingKind => k !== 'complaint' && (RATING_KINDS as readonly string[]).includes(k ?? '')

function MineLink() {
  return (
    <View className="feedback-page__link" hoverClass="feedback-page__link--pressed" onClick={() => navigate(ROUTES.feedbackMine)}>
      查看我的评价 ›
    </View>
  )
}

/** Why there is no form: rated already (with the rating), or the server's word on the object. */
function Gone({ rated, error }: { rated?: Summary; error?: AppErrorBody }) {
  return (
    <View className="feedback-page__gone">
      <Text className="feedback-page__gone-title">{rated ? '您已评价过该服务' : '该服务现在不能评价'}</Text>
      <Text className="feedback-page__gone-text">
        {rated
          ? `${rated.title}：${rated.levelLabel}${rated.isDefault ? '（逾期未评价，默认评价）' : ''}`
          : (error?.message ?? '未找到可评价的服务')}
      </Text>
      {rated && (
        <View
          className="feedback-page__link"
          hoverClass="feedback-page__link--pressed"
          onClick={() => navigate(ROUTES.feedbackRating, { id: rated.ratingId })}
        >
          查看这条评价 ›
        </View>
      )}
      <MineLink />
    </View>
  )
}

/**
 * One object: its invitation when the sweep wrote one (title, department, tags, the default date);
 * rated already when it is among my ratings; otherwise the form with what the query says, as the
 * invitation sweep runs every few minutes and a just-answered inquiry has none yet — the server
 * decides on submit whether it can be rated.
 */
function RateObject({ objectKind, objectId }: { objectKind: RatingKind; objectId: string }) {
  const [refused, setRefused] = useState<AppErrorBody>()
  const found = useLoad<{ invitation?: Invitation; rated?: Summary }>(
    async () => {
      const p = await ratingApi.pending({})
      if (!p.ok) return p
      const invitation = p.data.items.find((i) => i.objectKind === objectKind && i.objectId === objectId)
      if (invitation) return ok({ invitation })
      const mine = await ratingApi.myRatings({})
      if (!mine.ok) return mine
      return ok({ rated: mine.data.items.find((r) => r.objectKind === objectKind && r.objectId === objectId) })
    },
    [objectKind, objectId],
    { onShow: false },
  )
  if (!found.data) return <LoadStatus of={found} />
  if (refused) return <Gone error={refused} />
  if (found.data.rated) return <Gone rated={found.data.rated} />
  return <RateForm target={found.data.invitation ?? { objectKind, objectId }} onGone={setRefused} />
}

function InvitationCard({ inv }: { inv: Invitation }) {
  return (
    <View
      className="feedback-card feedback-card--invitation"
      hoverClass="feedback-card--pressed"
      onClick={() => navigate(ROUTES.feedbackRate, { objectKind: inv.objectKind, objectId: inv.objectId })}
    >
      <View className="feedback-card__head">
        <Text className="feedback-card__title">{inv.title}</Text>
        <Tag text={RATING_KIND_LABELS[inv.objectKind]} tone="blue" />
      </View>
      <Text className="feedback-card__meta">
        {inv.departmentName}
        {inv.reference ? ` · ${inv.reference}` : ''}
      </Text>
      <Text className="feedback-card__meta">办结于{beijingDateTime(inv.finishedAt)}</Text>
      <Text className="feedback-card__meta">{monthDay(inv.defaultOn)}前未评价将默认「基本满意」 · 去评价 ›</Text>
    </View>
  )
}

/** 待评价: every service the caller may rate now, newest first. */
function PendingList() {
  const list = useLoad(() => ratingApi.pending({}), [])
  const items = list.data?.items ?? []
  return (
    <View>
      <View className="feedback-page__head">
        <Text className="feedback-page__title">待评价</Text>
        <Text className="feedback-page__sub">办结的办件、窗口服务和已答复的咨询都可以评价，每项评价一次。</Text>
        <MineLink />
      </View>
      <LoadStatus of={list} />
      {list.data && items.length === 0 && <StatusView kind="empty" message="暂无待评价的服务" />}
      {items.map((inv) => (
        <InvitationCard key={`${inv.objectKind}-${inv.objectId}`} inv={inv} />
      ))}
    </View>
  )
}

/** 评价 (好差评): the form for one service when the query names it, else the list of what waits for a rating. */
export default function RatePage() {
  const { rootClass } = useLargeText()
  const { objectKind, objectId, msgId } = useQuery(ROUTES.feedbackRate)
  usePushRead(msgId)
  return (
    <View className={`${rootClass} feedback-page`}>
      {isKind(objectKind) && objectId ? <RateObject objectKind={objectKind} objectId={objectId} /> : <PendingList />}
    </View>
  )
}
