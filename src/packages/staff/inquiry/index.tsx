import { Text, View } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import type { InquiryView } from '../../../../types/contracts/inquiry'
import type { InquiryAction } from '../../../../types/domain/inquiry'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { InquiryThread } from '../../../components/inquiry-thread'
import { LoadStatus } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { inquiryApi } from '../../../services/api/inquiry'
import { alert, toast } from '../../../utils/alert'
import { openMaterial } from '../../../utils/files'
import { backOr, useQuery } from '../../../utils/nav'
import { FaqPanel } from './faq-panel'
import { InquiryHead, InquiryRecord } from './inquiry-sections'
import { ClosePanel, ReassignPanel, TransferPanel } from './owner-panels'
import { PANEL_LABELS, PANELS, type Departments, type Panel, type PanelProps } from './panel-props'
import { Claim, Reply } from './reply'
import '../staff.scss'
import './index.scss'

const PANEL_VIEWS: Record<Panel, ComponentType<PanelProps>> = {
  transfer: TransferPanel,
  reassign: ReassignPanel,
  close: ClosePanel,
  publishFaq: FaqPanel,
}

function Detail({ q, departments, onChanged }: { q: InquiryView; departments: Departments; onChanged: () => void }) {
  const [panel, setPanel] = useState<Panel | null>(null)
  const [claiming, setClaiming] = useState(false)
  const can = (a: InquiryAction) => q.allowedActions.includes(a)
  const deptName = (id?: string) => departments.find((d) => d.id === id)?.name ?? id ?? ''
  const panels = PANELS.filter(can)
  const Open = panel && PANEL_VIEWS[panel]

  const claim = async () => {
    if (claiming) return
    setClaiming(true)
    const r = await inquiryApi.claim({ inquiryId: q.inquiryId })
    setClaiming(false)
    if (r.ok) toast('已认领，请尽快答复')
    else await alert('未能认领', r.error.message)
    onChanged()
  }

  const done = (left?: boolean) => {
    setPanel(null)
    // Sent to another department: it leaves this department's view.
    if (left) void backOr(ROUTES.staffInquiries)
    else onChanged()
  }

  return (
    <View>
      <InquiryHead q={q} />
      {can('claim') && !panel && <Claim busy={claiming} onClaim={claim} />}
      <InquiryThread q={q} viewer="staff" onOpenImage={openMaterial} />
      {can('sendMessage') && !panel && <Reply q={q} onSent={onChanged} />}
      {panels.length > 0 && !panel && (
        <View className="staff__actions staff-inquiry__actions">
          {panels.map((p, i) => (
            <View key={p} className={i > 0 ? 'staff-inquiry__action-gap' : ''}>
              <BigButton kind="secondary" text={PANEL_LABELS[p]} disabled={claiming} onClick={() => setPanel(p)} />
            </View>
          ))}
        </View>
      )}
      {Open && <Open key={panel} q={q} departments={departments} onCancel={() => setPanel(null)} onDone={done} />}
      {q.allowedActions.length === 0 && (
        <Text className="staff__note">{q.state === 'closed' ? '该咨询已结束。' : '当前您没有可进行的操作。'}</Text>
      )}
      <InquiryRecord q={q} deptName={deptName} />
    </View>
  )
}

/** 咨询处理: the conversation with 认领, 答复, 转交, 改派, 结束 and 发布到常见问题 — the buttons the rule table allows. */
export default function StaffInquiry() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.staffInquiry).id ?? ''
  const q = useLoad(() => inquiryApi.getInquiry({ inquiryId: id }), [id], { intervalMs: 30_000 })
  const list = useLoad(() => catalogApi.listDepartments(), [], { onShow: false })
  const departments = list.data?.departments.map((d) => ({ id: d.id, name: d.name })) ?? []

  return (
    <View className={`${rootClass} staff staff-inquiry`}>
      {!q.data && <LoadStatus of={q} />}
      {q.data && <Detail q={q.data} departments={departments} onChanged={q.refresh} />}
    </View>
  )
}
