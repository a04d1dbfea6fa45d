import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import type { VisitView } from '../../../../types/contracts/visit'
import { OVERDUE_STAGE_LABELS, visitTone, type VisitAction } from '../../../../types/domain/visit'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { visitApi } from '../../../services/api/visit'
import { useQuery } from '../../../utils/nav'
import { VisitInfo } from '../../../components/visit-info'
import { AssignPanel, DeclinePanel, LinkCasePanel, RecordPanel, type PanelProps } from './panels'
import '../staff.scss'
import '../../visit/visit.scss'

type StaffAction = Extract<VisitAction, 'assign' | 'decline' | 'record' | 'linkCase'>
const PANELS: Record<StaffAction, { label: string; view: ComponentType<PanelProps> }> = {
  assign: { label: '派单', view: AssignPanel },
  record: { label: '登记上门', view: RecordPanel },
  linkCase: { label: '关联办件', view: LinkCasePanel },
  decline: { label: '不予安排', view: DeclinePanel },
}
const ORDER: StaffAction[] = ['assign', 'record', 'linkCase', 'decline']
const TONES = { waiting: 'orange', done: 'green', ended: 'gray' } as const

function Detail({ v, onChanged }: { v: VisitView; onChanged: () => void }) {
  const actions = ORDER.filter((a) => v.allowedActions.includes(a))
  // What is waiting opens at once (派单 for a lead, 登记 for the assignee); the others, and a
  // reassignment of a time already set, on a tap.
  const scheduled = v.state === 'assigned' || v.state === 'confirmed'
  const [open, setOpen] = useState<StaffAction | undefined>(scheduled ? actions.find((a) => a !== 'assign' && a !== 'decline') : actions[0])
  const Panel = open && actions.includes(open) ? PANELS[open].view : undefined
  const tone = visitTone(v.state)
  return (
    <View>
      <View className={`visit-page__card visit-page__card--${tone}`}>
        <Text className="visit-page__big">{v.matterName}</Text>
        <View className="visit-page__line">
          <Tag text={v.stateLabel} tone={TONES[tone]} />
        </View>
        {v.slot && <Text className="visit-page__line visit-page__strong">上门时间：{v.slot.label}</Text>}
        {v.assignee && (
          <Text className="visit-page__line">
            上门人员：{v.assignee.name}（{v.assignee.staffNo}）
          </Text>
        )}
        <Text className="visit-page__line">
          派单期限 {v.contactDue} · 上门期限 {v.visitDue}
        </Text>
        {v.overdue && <Text className="visit-page__line visit-page__line--warn">{OVERDUE_STAGE_LABELS[v.overdue]}已超期</Text>}
        {!v.masked && (
          <View
            className="visit-page__link"
            hoverClass="visit-page__link--pressed"
            onClick={() => Taro.makePhoneCall({ phoneNumber: v.personPhone }).catch(() => {})}
          >
            联系{v.personName}：{v.personPhone}（点击拨打）
          </View>
        )}
        {v.linkedCase && <Text className="visit-page__line">已关联办件：{v.linkedCase.caseNo}</Text>}
      </View>
      {Panel && <Panel key={open} v={v} onDone={onChanged} />}
      {actions.some((a) => a !== open) && (
        <View className="visit-page__actions">
          {actions
            .filter((a) => a !== open)
            .map((a) => (
              <BigButton
                key={a}
                kind="secondary"
                text={a === 'assign' && v.assignee ? '改派或改时间' : PANELS[a].label}
                onClick={() => setOpen(a)}
              />
            ))}
        </View>
      )}
      {actions.length === 0 && (
        <Text className="staff__note">
          {v.state === 'confirmed' || v.state === 'assigned' ? '等待上门人员处理。' : '当前没有需要您处理的操作。'}
        </Text>
      )}
      <VisitInfo v={v} />
    </View>
  )
}

/** 上门服务处理: the request in full for the lead and the assignee (masked for a supervisor), and the actions the rule table allows. */
export default function StaffVisit() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.staffVisit).id ?? ''
  const v = useLoad(() => visitApi.staffGet({ visitId: id }), [id])
  return (
    <View className={`${rootClass} staff visit-page staff-visit`}>
      <LoadStatus of={v} missing="未找到该上门服务申请，或不归您处理" />
      {v.data && <Detail key={v.data.state} v={v.data} onChanged={v.refresh} />}
    </View>
  )
}
