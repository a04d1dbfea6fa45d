import { Text, View } from '@tarojs/components'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { visitContract, VisitSummary } from '../../../../types/contracts/visit'
import { visitTone } from '../../../../types/domain/visit'
import { ROUTES } from '../../../../types/routes'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import type { Loaded } from '../../../hooks/useLoad'
import { navigate } from '../../../utils/nav'

const TONES = { waiting: 'orange', done: 'green', ended: 'gray' } as const

/** What the citizen waits for, in words: the next step of their request. */
function nextStep(v: VisitSummary): string {
  if (v.state === 'requested' || v.state === 'reschedule_requested') return `部门将于${v.contactDue}前与您约定时间`
  if (v.state === 'assigned') return `请确认上门时间：${v.slot?.label ?? ''}`
  if (v.state === 'confirmed') return `上门时间：${v.slot?.label ?? ''}${v.assignee ? `，${v.assignee.name}` : ''}`
  return `申请于${v.submittedAt.slice(0, 10)}`
}

export function VisitCard({ v }: { v: VisitSummary }) {
  const tone = visitTone(v.state)
  return (
    <View
      className={`visit-page__item visit-page__item--${tone} visit-card`}
      hoverClass="visit-page__item--pressed"
      onClick={() => navigate(ROUTES.visitDetail, { id: v.visitId })}
    >
      <View className="visit-page__item-head">
        <Text className="visit-page__item-title">{v.matterName}</Text>
        <Tag text={v.stateLabel} tone={TONES[tone]} />
      </View>
      <Text className="visit-page__line">为{v.personName}上门服务</Text>
      <Text className={`visit-page__line${v.state === 'assigned' ? ' visit-page__strong' : ''}`}>{nextStep(v)}</Text>
    </View>
  )
}

/** 上门服务: the section of 我的上门与帮办 that lists the caller's door-to-door requests, newest first (loaded by the page). */
export function VisitList({ list }: { list: Loaded<ActionOutput<typeof visitContract, 'mine'>> }) {
  const items = list.data?.items ?? []
  return (
    <View className="visit-list">
      <Text className="visit-page__section-title">上门服务</Text>
      <LoadStatus of={list} />
      {list.data && items.length === 0 && <StatusView kind="empty" message="您还没有申请过上门服务，可在事项页面申请" />}
      {items.map((v) => (
        <VisitCard key={v.visitId} v={v} />
      ))}
    </View>
  )
}
