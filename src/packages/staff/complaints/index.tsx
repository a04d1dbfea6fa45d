import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DepartmentComplaint, OfficeComplaint } from '../../../../types/contracts/complaint'
import { COMPLAINT_STATE_LABELS, COMPLAINT_STATES, type ComplaintState } from '../../../../types/domain/complaint'
import { ROUTES } from '../../../../types/routes'
import { CheckBox } from '../../../components/check-box'
import { ChoiceChips } from '../../../components/choice-chips'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { complaintApi } from '../../../services/api/complaint'
import { navigate } from '../../../utils/nav'
import { windowLabel } from '../../../utils/windows'
import { ListStatus, StaffOnly } from '../load-status'
import { loadPages, MoreButton, PAGE_SIZE } from '../paging'
import { useStaffMe, type StaffWindow } from '../staff'
import { ComplaintCard, type ComplaintCardItem } from './card'
import '../staff.scss'
import './index.scss'

const POLL_MS = 60_000
type OfficeFilter = ComplaintState | 'all'
const OFFICE_FILTERS = [
  { value: 'all' as const, label: '全部' },
  ...COMPLAINT_STATES.map((s) => ({ value: s, label: COMPLAINT_STATE_LABELS[s] })),
]
type DeptFilter = 'transferred' | 'replied' | 'all'
const DEPT_FILTERS = [
  { value: 'transferred' as const, label: '待答复' },
  { value: 'replied' as const, label: '已答复' },
  { value: 'all' as const, label: '全部' },
]

const officeCard = (c: OfficeComplaint): ComplaintCardItem => ({
  ...c,
  since: c.submittedAt,
  dueDate: c.state === 'submitted' ? c.decideDue : c.state === 'not_accepted' || c.state === 'resolved' ? undefined : c.resolveDue,
  anonymous: c.anonymous,
})
const departmentCard = (c: DepartmentComplaint): ComplaintCardItem => ({
  ...c,
  since: c.transferredAt,
  dueDate: c.state === 'transferred' || c.state === 'replied' ? c.resolveDue : undefined,
})

type Open = (id: string) => void

/** The centre office's inbox: every complaint, by state, or only those past a deadline (decision or final reply). */
function OfficeInbox({ windowName, open }: { windowName: (id: string) => string; open: Open }) {
  const [filter, setFilter] = useState<OfficeFilter>('submitted')
  const [overdue, setOverdue] = useState(false)
  const [pages, setPages] = useState(1)
  const list = useLoad(
    () =>
      loadPages(pages, (page) =>
        complaintApi.inbox({ ...(filter === 'all' ? {} : { state: filter }), overdue, page, pageSize: PAGE_SIZE }),
      ),
    [filter, overdue, pages],
    { intervalMs: POLL_MS },
  )
  return (
    <View>
      <View className="staff-complaints__tabs">
        <ChoiceChips
          name="state"
          options={OFFICE_FILTERS}
          value={filter}
          onChange={(v) => {
            setPages(1)
            setFilter(v)
          }}
        />
        <CheckBox
          name="overdue"
          label="只看超期"
          checked={overdue}
          onChange={(v) => {
            setPages(1)
            setOverdue(v)
          }}
        />
        <Text className="staff-complaints__hint">5个工作日内决定是否受理，受理后10个工作日内办结答复。</Text>
      </View>
      <ListStatus list={list} empty={overdue ? '没有超期的投诉' : '没有这类投诉'} />
      {list.data?.items.map((c) => (
        <ComplaintCard key={c.complaintId} c={officeCard(c)} windowName={windowName} onClick={() => open(c.complaintId)} />
      ))}
      <MoreButton list={list} onMore={() => setPages((n) => n + 1)} />
    </View>
  )
}

/** A department's complaints, transferred to it to answer; the ones about the viewer are not listed. */
function DepartmentInbox({ windowName, open }: { windowName: (id: string) => string; open: Open }) {
  const [filter, setFilter] = useState<DeptFilter>('transferred')
  const list = useLoad(() => complaintApi.departmentList(filter === 'all' ? {} : { state: filter }), [filter], { intervalMs: POLL_MS })
  return (
    <View>
      <View className="staff-complaints__tabs">
        <ChoiceChips name="state" options={DEPT_FILTERS} value={filter} onChange={setFilter} />
        <Text className="staff-complaints__hint">中心办公室转来的投诉，请在办结期限前核实并答复。</Text>
      </View>
      <ListStatus list={list} empty={filter === 'transferred' ? '没有待答复的投诉' : '没有投诉'} />
      {list.data?.items.map((c) => (
        <ComplaintCard key={c.complaintId} c={departmentCard(c)} windowName={windowName} onClick={() => open(c.complaintId)} />
      ))}
    </View>
  )
}

const nameIn = (windows: StaffWindow[]) => (id: string) => windowLabel(windows, id)

/** 投诉: the centre office's inbox (supervisors) or the complaints transferred to my department (window staff, leads). */
export default function StaffComplaints() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  const open: Open = (id) => void navigate(ROUTES.staffComplaint, { id })
  return (
    <View className={`${rootClass} staff staff-complaints`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="投诉处理仅限中心工作人员使用" />}>
        {(m) =>
          m.role === 'supervisor' ? (
            <OfficeInbox windowName={nameIn(m.allWindows)} open={open} />
          ) : m.role === 'window_staff' || m.role === 'dept_lead' ? (
            <DepartmentInbox windowName={nameIn(m.allWindows)} open={open} />
          ) : (
            <StatusView kind="empty" message="投诉由中心办公室和承办部门处理" />
          )
        }
      </StaffOnly>
    </View>
  )
}
