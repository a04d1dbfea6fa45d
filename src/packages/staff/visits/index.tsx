import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { VisitBox, VisitSummary } from '../../../../types/contracts/visit'
import { OVERDUE_STAGE_LABELS, visitTone } from '../../../../types/domain/visit'
import type { Role } from '../../../../types/roles'
import { ROUTES } from '../../../../types/routes'
import { ChoiceChips } from '../../../components/choice-chips'
import { StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { visitApi } from '../../../services/api/visit'
import { navigate } from '../../../utils/nav'
import { ListStatus, StaffOnly } from '../load-status'
import { loadPages, MoreButton, PAGE_SIZE } from '../paging'
import { useStaffMe } from '../staff'
import '../staff.scss'
import '../../visit/visit.scss'
import './index.scss'

const BOX_LABELS: Record<VisitBox, string> = { open: '待派单', scheduled: '已派单', done: '已结束' }
const EMPTY: Record<VisitBox, string> = { open: '没有待派单的上门服务申请', scheduled: '没有待上门的任务', done: '还没有已结束的上门服务' }
const TONES = { waiting: 'orange', done: 'green', ended: 'gray' } as const
const POLL_MS = 30_000

/** Window staff see only what is assigned to them, so their list opens on 已派单 (the server's rule: cloudfunctions/visit/actions/staff.ts). */
const firstBox = (role: Role): VisitBox => (role === 'window_staff' ? 'scheduled' : 'open')

function Card({ v }: { v: VisitSummary }) {
  const tone = visitTone(v.state)
  return (
    <View
      className={`visit-page__item visit-page__item--${tone} staff-visit-card`}
      hoverClass="visit-page__item--pressed"
      onClick={() => navigate(ROUTES.staffVisit, { id: v.visitId })}
    >
      <View className="visit-page__item-head">
        <Text className="visit-page__item-title">{v.matterName}</Text>
        <Tag text={v.stateLabel} tone={TONES[tone]} />
      </View>
      <Text className="visit-page__line">
        {v.personName} · {v.address}
      </Text>
      {v.slot ? (
        <Text className="visit-page__line visit-page__strong">
          上门：{v.slot.label}
          {v.assignee ? `（${v.assignee.name}）` : ''}
        </Text>
      ) : (
        <Text className="visit-page__line">派单期限：{v.contactDue}</Text>
      )}
      {v.overdue && <Text className="visit-page__line visit-page__line--warn">{OVERDUE_STAGE_LABELS[v.overdue]}已超期</Text>}
    </View>
  )
}

function Inbox({ role }: { role: Role }) {
  const [box, setBox] = useState<VisitBox>(firstBox(role))
  const [pages, setPages] = useState(1)
  const list = useLoad(() => loadPages(pages, (page) => visitApi.inbox({ box, page, pageSize: PAGE_SIZE })), [box, pages], {
    intervalMs: POLL_MS,
  })
  return (
    <View>
      <View className="staff-visits__tabs">
        <ChoiceChips
          name="box"
          options={(Object.keys(BOX_LABELS) as VisitBox[]).map((b) => ({ value: b, label: BOX_LABELS[b] }))}
          value={box}
          onChange={(v) => {
            setPages(1)
            setBox(v)
          }}
        />
        <Text className="visit-page__note">
          {role === 'dept_lead'
            ? '请在1个工作日内派单并与群众约定时间，5个工作日内上门。'
            : role === 'supervisor'
              ? '各部门的上门服务申请，个人信息脱敏显示。'
              : '派给您的上门任务；群众确认时间后即可上门。'}
        </Text>
      </View>
      <ListStatus list={list} empty={EMPTY[box]} />
      {list.data?.items.map((v) => (
        <Card key={v.visitId} v={v} />
      ))}
      <MoreButton list={list} onMore={() => setPages((n) => n + 1)} />
    </View>
  )
}

/** 上门服务: the department's requests (a lead), my tasks (window staff), or every department's, masked (a supervisor). */
export default function StaffVisits() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff visit-page staff-visits`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="上门服务处理仅限中心工作人员使用" />}>
        {(m) => <Inbox role={m.role} />}
      </StaffOnly>
    </View>
  )
}
