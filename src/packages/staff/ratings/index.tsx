import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StaffBadView } from '../../../../types/contracts/rating'
import { ROUTES } from '../../../../types/routes'
import { ChoiceChips } from '../../../components/choice-chips'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { ratingApi } from '../../../services/api/rating'
import { navigate, useQuery } from '../../../utils/nav'
import { ListStatus, StaffOnly } from '../load-status'
import { useStaffMe, type StaffMe, type StaffWindow } from '../staff'
import {
  dueLine,
  levelLine,
  LightBadge,
  objectLine,
  STATE_FILTER_LABELS,
  STATE_FILTERS,
  stateFilterOf,
  waitingOn,
  type StateFilter,
} from './bad-parts'
import '../staff.scss'
import './index.scss'

const POLL_MS = 60_000
/** The office's two views: every 差评 it may follow, and the extensions and appeals it must decide. */
type View_ = 'all' | 'decide'
const VIEWS = [
  { value: 'all', label: '全部工单' },
  { value: 'decide', label: '待我审核' },
] as const

/** One 差评: what was served, the light of its clock, the rater's (masked) words and what is due next. */
function BadCard({ v, windows }: { v: StaffBadView; windows: StaffWindow[] }) {
  const waiting = waitingOn(v)
  return (
    <View
      className={`bad-card bad-card--${v.due?.light ?? 'none'}`}
      hoverClass="bad-card--pressed"
      onClick={() => navigate(ROUTES.staffRating, { id: v.ratingId })}
    >
      <View className="bad-card__head">
        <Text className="bad-card__title">{v.title}</Text>
        {v.due && <LightBadge light={v.due.light} />}
      </View>
      <Text className="bad-card__line">{objectLine(v, windows)}</Text>
      <Text className="bad-card__level">{levelLine(v)}</Text>
      <Text className="bad-card__text">{v.text}</Text>
      <Text className="bad-card__state">
        {v.stateLabel}
        {dueLine(v) ? ` · ${dueLine(v)}` : ''}
      </Text>
      {waiting && <Text className="bad-card__waiting">{waiting}</Text>}
    </View>
  )
}

function Worklist({ me, initial }: { me: StaffMe; initial: StateFilter }) {
  const office = me.role === 'supervisor'
  const [state, setState] = useState<StateFilter>(initial)
  const [view, setView] = useState<View_>('all')
  const [deptIndex, setDeptIndex] = useState(-1)
  const depts = useLoad(() => catalogApi.listDepartments(), [], { onShow: false })
  const departments = [{ id: '', name: '全部部门' }, ...(depts.data?.departments ?? [])]
  const departmentId = office && deptIndex > 0 ? departments[deptIndex].id : undefined
  const deciding = office && view === 'decide'
  const list = useLoad(
    () =>
      ratingApi.departmentBad({
        ...(departmentId ? { departmentId } : {}),
        ...(deciding ? { stage: 'decide' as const } : state !== 'all' ? { state } : {}),
      }),
    [departmentId, deciding, state],
    { intervalMs: POLL_MS },
  )
  const empty = deciding ? '没有待审核的延期申请和申诉' : state === 'all' ? '没有差评工单' : `没有${STATE_FILTER_LABELS[state]}的差评`

  return (
    <View>
      <View className="staff-ratings__filters">
        {office && <ChoiceChips name="view" options={VIEWS} value={view} onChange={setView} />}
        {office && (
          <Picker
            mode="selector"
            range={departments.map((d) => d.name)}
            value={Math.max(deptIndex, 0)}
            onChange={(e) => setDeptIndex(Number(e.detail.value))}
          >
            <View className="staff-ratings__picker">部门：{departments[Math.max(deptIndex, 0)].name} ▾</View>
          </Picker>
        )}
        {!deciding && (
          <ChoiceChips
            name="state"
            options={STATE_FILTERS.map((s) => ({ value: s, label: STATE_FILTER_LABELS[s] }))}
            value={state}
            onChange={setState}
          />
        )}
        <Text className="staff-ratings__hint">
          {deciding
            ? '部门申请的延期和申诉，请在3个工作日内审核。'
            : '最紧急的在前：超期、临期、正常。核实回访1个工作日内，整改反馈10个工作日内。'}
        </Text>
      </View>
      <ListStatus list={list} empty={empty} />
      {list.data?.items.map((v) => (
        <BadCard key={v.ratingId} v={v} windows={me.allWindows} />
      ))}
    </View>
  )
}

/** 差评工单: the department's 差评 with their deadlines and lights; the centre office's view of all and of what waits on it. */
export default function StaffRatings() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  const initial = stateFilterOf(useQuery(ROUTES.staffRatings).state)
  return (
    <View className={`${rootClass} staff staff-ratings`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="差评工单仅限中心工作人员使用" />}>
        {(m) => <Worklist me={m} initial={initial} />}
      </StaffOnly>
    </View>
  )
}
