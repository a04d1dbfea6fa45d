import { Picker, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { staffContract } from '../../../../types/contracts/staff'
import { addCalendarDays, beijingDate } from '../../../../types/domain/dates'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { staffApi } from '../../../services/api/staff'
import { alertError, toast } from '../../../utils/alert'
import { useQuery } from '../../../utils/nav'
import { StaffOnly } from '../../staff/load-status'
import { useStaffMe, type StaffMe } from '../../staff/staff'
import { Displays } from './displays'
import '../../staff/staff.scss'
import { openExport } from '../open-export'
import './index.scss'

type Person = ActionOutput<typeof staffContract, 'attendanceMonth'>['people'][number]

const thisMonth = () => beijingDate().slice(0, 7)
const shiftMonth = (month: string, by: -1 | 1) =>
  (by < 0 ? addCalendarDays(`${month}-01`, -1) : addCalendarDays(`${month}-28`, 7)).slice(0, 7)
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`
const points = (n: number) => (n > 0 ? `+${n}` : String(n))

function MonthBar({ month, onChange }: { month: string; onChange: (m: string) => void }) {
  const last = month >= thisMonth()
  return (
    <View className="attendance__months">
      <Text className="attendance__month-step" onClick={() => onChange(shiftMonth(month, -1))}>
        ‹ 上月
      </Text>
      <Text className="attendance__month">{monthLabel(month)}</Text>
      <Text
        className={`attendance__month-step${last ? ' attendance__month-step--off' : ''}`}
        onClick={last ? undefined : () => onChange(shiftMonth(month, 1))}
      >
        下月 ›
      </Text>
    </View>
  )
}

/** One person's month: the score and every item that moved it. */
function Record({ month, staffNo }: { month: string; staffNo?: string }) {
  const r = useLoad(() => staffApi.attendanceRecord({ month, ...(staffNo ? { staffNo } : {}) }), [month, staffNo], { onShow: false })
  const d = r.data
  return (
    <View className="attendance__record">
      <LoadStatus of={r} />
      {d && !staffNo && (
        <View className="attendance__score-card">
          <Text className="attendance__score">{d.person.score}</Text>
          <Text className="attendance__score-sub">
            基础分 {d.base}，扣 {d.person.deductions} 分，加 {d.person.bonus} 分（统计至 {d.scoredThrough}，工作日 {d.workingDays} 天）
          </Text>
        </View>
      )}
      {d && d.items.length === 0 && <Text className="attendance__none">本月没有扣分或加分记录</Text>}
      {d?.items.map((i, n) => (
        <View key={n} className="attendance__item">
          <View className="attendance__item-text">
            <Text className="attendance__item-title">
              {i.date.slice(5)} {i.label}
            </Text>
            <Text className="attendance__item-desc">{i.detail}</Text>
          </View>
          <Text className={`attendance__points${i.points > 0 ? ' attendance__points--plus' : ''}`}>{points(i.points)}</Text>
        </View>
      ))}
    </View>
  )
}

function ExportButton({ month, departmentId }: { month: string; departmentId?: string }) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    const r = await staffApi.exportAttendance({ month, ...(departmentId ? { departmentId } : {}) })
    setBusy(false)
    if (!r.ok) return alertError('导出失败', r.error)
    try {
      await openExport(r.data.url, r.data.fileName)
    } catch {
      toast('文件打开失败，请稍后重试')
    }
  }
  return <BigButton kind="secondary" text="导出 Excel" loading={busy} loadingText="正在导出…" onClick={run} />
}

function PersonRow({ p, month, open, onToggle }: { p: Person; month: string; open: boolean; onToggle: () => void }) {
  return (
    <View className="attendance__person">
      <View className="attendance__person-head" hoverClass="attendance__person-head--pressed" onClick={onToggle}>
        <View className="attendance__person-text">
          <Text className="attendance__person-name">
            {p.name}（{p.staffNo}）
          </Text>
          <Text className="attendance__person-desc">
            {p.departmentName} · 扣 {p.deductions} 分 · 加 {p.bonus} 分
          </Text>
        </View>
        <Text className="attendance__person-score">{p.score}</Text>
        <Text className="attendance__person-more">{open ? '收起' : '明细'}</Text>
      </View>
      {open && <Record month={month} staffNo={p.staffNo} />}
    </View>
  )
}

/** A lead's department, or the whole hall for the office: people (lowest score first), windows, export. */
function Table({ me, month }: { me: StaffMe; month: string }) {
  const office = me.role === 'supervisor' || me.role === 'admin'
  const departments = useMemo(() => {
    const seen = new Map<string, string>()
    for (const w of me.allWindows) seen.set(w.departmentId, w.departmentName)
    return [{ id: '', name: '全部部门' }, ...[...seen.entries()].map(([id, name]) => ({ id, name }))]
  }, [me.allWindows])
  const [deptIndex, setDeptIndex] = useState(0)
  const departmentId = departments[deptIndex]?.id ?? ''
  const [open, setOpen] = useState<string | undefined>()
  const m = useLoad(() => staffApi.attendanceMonth({ month, ...(departmentId ? { departmentId } : {}) }), [month, departmentId])
  const d = m.data
  const people = useMemo(() => [...(d?.people ?? [])].sort((a, b) => a.score - b.score || a.staffNo.localeCompare(b.staffNo)), [d])
  return (
    <View>
      {office && (
        <View className="attendance__filter">
          <Picker
            mode="selector"
            range={departments.map((x) => x.name)}
            value={deptIndex}
            onChange={(e) => setDeptIndex(Number(e.detail.value))}
          >
            <View className="attendance__picker">部门：{departments[deptIndex]?.name} ▾</View>
          </Picker>
        </View>
      )}
      <LoadStatus of={m} />
      {d && (
        <View>
          <Text className="staff__note">
            统计至 {d.scoredThrough}，工作日 {d.workingDays} 天；基础分 {d.base}，好评加分最多 {d.bonusMax} 分。
            {d.unattributed > 0 ? `另有 ${d.unattributed} 件超期或违规收费未落实到经办人，未计入个人。` : ''}
          </Text>
          <View className="staff__actions">
            <ExportButton month={month} {...(departmentId ? { departmentId } : {})} />
          </View>
          <Text className="attendance__section">人员得分（低分在前）</Text>
          {people.length === 0 && <StatusView kind="empty" message="本月没有需考核的人员" />}
          {people.map((p) => (
            <PersonRow
              key={p.staffNo}
              p={p}
              month={month}
              open={open === p.staffNo}
              onToggle={() => setOpen(open === p.staffNo ? undefined : p.staffNo)}
            />
          ))}
          {d.windows.length > 0 && <Text className="attendance__section">窗口得分（窗口人员平均）</Text>}
          {d.windows.map((w) => (
            <View key={w.windowId} className="attendance__window">
              <Text className="attendance__window-name">{w.name}</Text>
              <Text className="attendance__window-score">
                {w.score}（{w.staffCount}人）
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** The rules in force, as the server words them from the policy. */
function Rules({ month }: { month: string }) {
  const r = useLoad(() => staffApi.attendanceRecord({ month }), [month], { onShow: false })
  return r.data ? <Text className="staff__note">考核规则：{r.data.rules}</Text> : null
}

function Body({ me }: { me: StaffMe }) {
  const query = useQuery(ROUTES.supervisionAttendance)
  const [month, setMonth] = useState(query.month && /^\d{4}-\d{2}$/.test(query.month) ? query.month : thisMonth())
  const own = me.role === 'window_staff'
  return (
    <View>
      <View className="staff__head">
        <Text className="staff__title">考勤与考核</Text>
        <Text className="staff__sub">
          {own ? '我的本月考勤与考核得分' : me.role === 'dept_lead' ? '本部门人员与窗口的月度得分' : '全中心人员与窗口的月度得分'}
        </Text>
      </View>
      {me.role === 'admin' && <Displays />}
      <MonthBar month={month} onChange={setMonth} />
      {own ? <Record month={month} /> : <Table me={me} month={month} />}
      <Rules month={month} />
    </View>
  )
}

/** 考勤与考核: staff see their own month, leads their department, the office everyone; the admin also registers the sign-in screens. */
export default function Attendance() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff attendance`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="考勤与考核仅限中心工作人员查看" />}>
        {(m) => <Body me={m} />}
      </StaffOnly>
    </View>
  )
}
