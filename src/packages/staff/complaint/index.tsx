import { Text, View } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import { caseIdSchema } from '../../../../types/contracts/case'
import type { StaffComplaint } from '../../../../types/contracts/complaint'
import { aboutLabel, COMPLAINT_RATING_LABELS, COMPLAINT_STATE_TONES } from '../../../../types/domain/complaint'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ComplaintContent } from '../../../components/complaint-content'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { complaintApi } from '../../../services/api/complaint'
import { beijingDateTime } from '../../../utils/case'
import { longDate } from '../../../utils/dates'
import { navigate, useQuery } from '../../../utils/nav'
import { windowLabel } from '../../../utils/windows'
import {
  DecidePanel,
  PANEL_LABELS,
  panelsOf,
  PhonePanel,
  ReplyPanel,
  ResolvePanel,
  type Departments,
  type Panel,
  type PanelProps,
} from './panels'
import '../staff.scss'
import './index.scss'

const PANEL_VIEWS: Record<Panel, ComponentType<PanelProps>> = {
  decide: DecidePanel,
  resolve: ResolvePanel,
  reply: ReplyPanel,
  phone: PhonePanel,
}

function Facts({ c }: { c: StaffComplaint }) {
  const caseId = c.view === 'office' ? c.about.caseId : undefined
  return (
    <Section title="投诉信息">
      {c.view === 'office' ? (
        <>
          <InfoRow label="提交">{beijingDateTime(c.submittedAt)}</InfoRow>
          <InfoRow label="投诉人">
            {c.anonymous ? '匿名' : `实名${c.contactPhoneMasked ? ` · ${c.contactPhoneMasked}` : ' · 未留电话'}`}
          </InfoRow>
          <InfoRow label="受理期限">{longDate(c.decideDue)}</InfoRow>
          {c.resolveDue && <InfoRow label="办结期限">{longDate(c.resolveDue)}</InfoRow>}
          {c.departmentName && <InfoRow label="承办部门">{c.departmentName}</InfoRow>}
          {caseId && (
            <InfoRow label="办件">
              {caseIdSchema.safeParse(caseId).success ? (
                <Text className="staff-complaint__link" onClick={() => void navigate(ROUTES.staffCase, { id: caseId })}>
                  查看办件 ›
                </Text>
              ) : (
                <Text>{caseId}（投诉人填写）</Text>
              )}
            </InfoRow>
          )}
        </>
      ) : (
        <>
          <InfoRow label="转来">{beijingDateTime(c.transferredAt)}</InfoRow>
          <InfoRow label="办结期限">{longDate(c.resolveDue)}</InfoRow>
        </>
      )}
      {c.overdue && <Text className="staff-complaint__overdue">已超过期限，请尽快处理</Text>}
    </Section>
  )
}

function Content({ c }: { c: StaffComplaint }) {
  return (
    <ComplaintContent text={c.text} photos={c.photos}>
      <Text className="staff__note staff-complaint__privacy">为保护投诉人，系统不显示投诉人身份；被投诉的工作人员看不到本投诉。</Text>
    </ComplaintContent>
  )
}

function Record({ c }: { c: StaffComplaint }) {
  const rows: Array<{ key: string; title: string; text: string }> = []
  if (c.transferNote) rows.push({ key: 'note', title: '转办说明（仅工作人员可见）', text: c.transferNote })
  if (c.view === 'office' && c.notAcceptReason) rows.push({ key: 'notAccept', title: '不予受理原因', text: c.notAcceptReason })
  if (c.departmentReply)
    rows.push({
      key: 'deptReply',
      title: `部门答复 · ${c.departmentReply.staffNo} · ${beijingDateTime(c.departmentReply.at)}`,
      text: c.departmentReply.text,
    })
  if (c.view === 'office' && c.officeReply)
    rows.push({ key: 'officeReply', title: `办结答复 · ${beijingDateTime(c.officeReply.at)}`, text: c.officeReply.text })
  if (c.view === 'office' && c.rating)
    rows.push({
      key: 'rating',
      title: `投诉人评价：${COMPLAINT_RATING_LABELS[c.rating.rating]}`,
      text: c.rating.comment ?? '（未填写意见）',
    })
  if (rows.length === 0) return null
  return (
    <Section title="办理记录">
      {rows.map((r) => (
        <View key={r.key} className={`staff-complaint__record staff-complaint__record--${r.key}`}>
          <Text className="staff-complaint__record-title">{r.title}</Text>
          <Text className="staff-complaint__record-text">{r.text}</Text>
        </View>
      ))}
    </Section>
  )
}

function Detail({
  c,
  departments,
  windowName,
  departmentOfWindow,
  onChanged,
}: {
  c: StaffComplaint
  departments: Departments
  windowName: (id: string) => string
  departmentOfWindow: (id: string) => string | undefined
  onChanged: () => void
}) {
  const [panel, setPanel] = useState<Panel | null>(null)
  const panels = panelsOf(c)
  const Open = panel && PANEL_VIEWS[panel]
  return (
    <View>
      <View className={`staff-complaint__head staff-complaint__head--${c.state}`}>
        <Text className="staff-complaint__kind">{c.view === 'office' ? '中心办公室 · 投诉' : '转办投诉'}</Text>
        <Text className="staff-complaint__title">对{aboutLabel(c.about, windowName)}的投诉</Text>
        <View className="staff-complaint__state">
          <Tag text={c.stateLabel} tone={COMPLAINT_STATE_TONES[c.state]} />
        </View>
      </View>
      <Facts c={c} />
      <Content c={c} />
      {panels.length > 0 && !panel && (
        <View className="staff__actions staff-complaint__actions">
          {panels.map((p, i) => (
            <View key={p} className={i > 0 ? 'staff-complaint__action-gap' : ''}>
              <BigButton kind={p === 'phone' ? 'secondary' : 'primary'} text={PANEL_LABELS[p]} onClick={() => setPanel(p)} />
            </View>
          ))}
        </View>
      )}
      {Open && (
        <Open
          key={panel}
          c={c}
          departments={departments}
          suggested={c.about.windowId ? departmentOfWindow(c.about.windowId) : undefined}
          onCancel={() => setPanel(null)}
          onDone={() => {
            setPanel(null)
            onChanged()
          }}
        />
      )}
      {panels.length === 0 && (
        <Text className="staff__note">
          {c.state === 'resolved' || c.state === 'not_accepted' ? '该投诉已办结。' : '当前您没有可进行的操作。'}
        </Text>
      )}
      <Record c={c} />
    </View>
  )
}

/** 投诉处理: one complaint with its photos and due dates, and the actions the server allows (受理决定, 办结答复, 部门答复, 查看完整电话). */
export default function StaffComplaintPage() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.staffComplaint).id ?? ''
  const c = useLoad(() => complaintApi.get({ complaintId: id }), [id], { intervalMs: 60_000 })
  const catalog = useLoad(() => catalogApi.listDepartments(), [], { onShow: false })
  const departments = catalog.data?.departments.map((d) => ({ id: d.id, name: d.name })) ?? []
  const windows = catalog.data?.departments.flatMap((d) => d.windows)
  const departmentOfWindow = (w: string) => catalog.data?.departments.find((d) => d.windows.some((x) => x.id === w))?.id
  return (
    <View className={`${rootClass} staff staff-complaint`}>
      {!c.data && <LoadStatus of={c} />}
      {c.data && (
        <Detail
          c={c.data}
          departments={departments}
          windowName={(w) => windowLabel(windows, w)}
          departmentOfWindow={departmentOfWindow}
          onChanged={c.refresh}
        />
      )}
    </View>
  )
}
