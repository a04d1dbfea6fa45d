import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { supervisionContract } from '../../../../types/contracts/supervision'
import { PERIOD_LABELS } from '../../../../types/contracts/supervision/console'
import { beijingDate, beijingIso } from '../../../../types/domain/dates'
import { ROUTES } from '../../../../types/routes'
import { ChoiceChips } from '../../../components/choice-chips'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { supervisionApi } from '../../../services/api/supervision'
import { navigate, useQuery } from '../../../utils/nav'
import { StaffOnly } from '../../staff/load-status'
import { useStaffMe, type StaffMe } from '../../staff/staff'
import { LightsChart, TrendChart, WaitChart } from './charts'
import { Exports } from './exports'
import './index.scss'

type Answer = ActionOutput<typeof supervisionContract, 'consoleFigures'>
type Figures = Answer['total']
type Period = 'today' | 'week' | 'month' | 'day' | 'range'

const PERIOD_OPTIONS = (['today', 'week', 'month', 'day', 'range'] as const).map((value) => ({ value, label: PERIOD_LABELS[value] }))
const READERS = ['supervisor', 'admin', 'dept_lead']
const POLL_MS = 5 * 60_000

const num = (x: number | null, unit = '') => (x === null ? '—' : `${x}${unit}`)

/** The figures as tiles: what a supervisor looks at first, then the service-hall figures. */
function tilesOf(f: Figures): Array<{ label: string; value: string; sub?: string; tone?: 'warn' | 'bad' }> {
  return [
    { label: '收件', value: String(f.received), sub: `受理 ${f.accepted}` },
    { label: '办结', value: String(f.finished), sub: `准予 ${f.approved} · 不予 ${f.rejected}` },
    { label: '办结率', value: num(f.completionRate, '%'), sub: `按期 ${f.dueOnTime} / 应办结 ${f.due}` },
    { label: '超期', value: String(f.overdue), tone: f.overdue > 0 ? 'bad' : undefined },
    { label: '黄灯', value: String(f.yellow), tone: f.yellow > 0 ? 'warn' : undefined },
    { label: '红灯', value: String(f.red), tone: f.red > 0 ? 'bad' : undefined },
    { label: '平均办理用时', value: num(f.averageWorkDays, '个工作日') },
    { label: '补正率', value: num(f.supplementRate, '%'), sub: `补正 ${f.supplemented} 件` },
    { label: '预约', value: String(f.bookings), sub: `爽约 ${f.noShows}` },
    { label: '取号', value: String(f.tickets), sub: `已服务 ${f.served}` },
    { label: '平均等候', value: num(f.waitAverage, '分钟'), sub: `90%在 ${num(f.waitP90, '分钟')} 内` },
    { label: '评价', value: String(f.ratings), sub: `差评 ${f.bad} · 按期整改 ${f.badHandledOnTime}` },
    { label: '差评整改率', value: num(f.badRectifiedRate, '%') },
    { label: '投诉', value: String(f.complaints), sub: `已办结 ${f.complaintsClosed}` },
  ]
}

function Tiles({ f }: { f: Figures }) {
  return (
    <View className="sv-console__tiles">
      {tilesOf(f).map((t) => (
        <View key={t.label} className={`sv-tile${t.tone ? ` sv-tile--${t.tone}` : ''}`}>
          <Text className="sv-tile__label">{t.label}</Text>
          <Text className="sv-tile__value">{t.value}</Text>
          {t.sub && <Text className="sv-tile__sub">{t.sub}</Text>}
        </View>
      ))}
    </View>
  )
}

function Board({ me, initialPeriod }: { me: StaffMe; initialPeriod: Period }) {
  const office = me.role === 'supervisor' || me.role === 'admin'
  const today = beijingDate(new Date())
  const [period, setPeriod] = useState<Period>(initialPeriod)
  const [day, setDay] = useState(today)
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`)
  const [to, setTo] = useState(today)
  const [deptIndex, setDeptIndex] = useState(0)
  const deptOptions = [
    { id: '', name: '全中心' },
    ...[...new Map(me.allWindows.map((w) => [w.departmentId, { id: w.departmentId, name: w.departmentName }])).values()],
  ]
  const departmentId = office ? deptOptions[deptIndex]?.id || undefined : undefined
  const input = {
    period,
    ...(period === 'day' ? { date: day } : {}),
    ...(period === 'range' ? { from, to } : {}),
    ...(departmentId ? { departmentId } : {}),
  }
  const view = useLoad(() => supervisionApi.consoleFigures(input), [period, day, from, to, departmentId], { intervalMs: POLL_MS })
  const data = view.data
  const scopeName = office ? (deptOptions[deptIndex]?.name ?? '全中心') : (data?.departments[0]?.departmentName ?? '本部门')

  return (
    <View>
      <View className="sv-console__head">
        <Text className="sv-console__title">效能监督台</Text>
        <Text className="sv-console__sub">
          {scopeName}
          {data ? ` · ${data.from === data.to ? data.from : `${data.from} 至 ${data.to}`}` : ''}
        </Text>
      </View>
      <View className="sv-console__filters">
        <ChoiceChips name="period" options={PERIOD_OPTIONS} value={period} onChange={setPeriod} />
        {period === 'day' && (
          <Picker mode="date" value={day} end={today} onChange={(e) => setDay(String(e.detail.value))}>
            <View className="sv-console__picker">日期：{day} ▾</View>
          </Picker>
        )}
        {period === 'range' && (
          <View className="sv-console__range">
            <Picker mode="date" value={from} end={today} onChange={(e) => setFrom(String(e.detail.value))}>
              <View className="sv-console__picker">从：{from} ▾</View>
            </Picker>
            <Picker mode="date" value={to} start={from} end={today} onChange={(e) => setTo(String(e.detail.value))}>
              <View className="sv-console__picker">到：{to} ▾</View>
            </Picker>
          </View>
        )}
        {office && (
          <Picker
            mode="selector"
            range={deptOptions.map((d) => d.name)}
            value={deptIndex}
            onChange={(e) => setDeptIndex(Number(e.detail.value))}
          >
            <View className="sv-console__picker">部门：{deptOptions[deptIndex]?.name ?? '全中心'} ▾</View>
          </Picker>
        )}
      </View>
      {data === undefined ? (
        <LoadStatus of={view} />
      ) : (
        <>
          {view.error && <Text className="sv-console__error">刷新失败：{view.error.message}</Text>}
          <Tiles f={data.total} />
          <View className="sv-console__links">
            <View
              className="sv-console__go"
              hoverClass="sv-console__go--pressed"
              onClick={() => navigate(ROUTES.supervisionCases, { light: 'red', ...(departmentId ? { departmentId } : {}) })}
            >
              红黄灯办件 ›
            </View>
            <View className="sv-console__go" hoverClass="sv-console__go--pressed" onClick={() => navigate(ROUTES.supervisionOrders, {})}>
              督办单 ›
            </View>
          </View>
          <View className="sv-console__card">
            <Text className="sv-console__card-title">每日收件与办结</Text>
            {data.trend.length > 1 ? (
              <TrendChart trend={data.trend} />
            ) : (
              <Text className="sv-console__none">选择本周、本月或自定义时段查看每日趋势</Text>
            )}
          </View>
          {data.departments.some((d) => d.figures.yellow + d.figures.red > 0) && (
            <View className="sv-console__card">
              <Text className="sv-console__card-title">各部门红黄灯（当前）</Text>
              <LightsChart departments={data.departments} />
            </View>
          )}
          <View className="sv-console__card">
            <Text className="sv-console__card-title">各时段平均等候（分钟）</Text>
            {data.waitByHour.length ? <WaitChart hours={data.waitByHour} /> : <Text className="sv-console__none">该时段没有叫号记录</Text>}
          </View>
          {data.departments.length > 0 && (
            <View className="sv-console__card">
              <Text className="sv-console__card-title">各部门</Text>
              {data.departments.map((d) => (
                <View key={d.departmentId} className="sv-row">
                  <Text className="sv-row__name">{d.departmentName}</Text>
                  <Text className="sv-row__meta">
                    收件 {d.figures.received} · 办结 {d.figures.finished} · 办结率 {num(d.figures.completionRate, '%')} · 超期{' '}
                    {d.figures.overdue} · 红灯 {d.figures.red} · 差评 {d.figures.bad}
                  </Text>
                </View>
              ))}
            </View>
          )}
          {data.matters.length > 0 && (
            <View className="sv-console__card">
              <Text className="sv-console__card-title">各事项平均办理用时</Text>
              {data.matters.slice(0, 10).map((m) => (
                <View key={m.matterId} className="sv-row">
                  <Text className="sv-row__name">{m.matterName}</Text>
                  <Text className="sv-row__meta">
                    办结 {m.finished} 件 · 平均 {num(m.averageWorkDays, ' 个工作日')}
                  </Text>
                </View>
              ))}
            </View>
          )}
          <Exports month={data.from.slice(0, 7)} departmentId={departmentId} />
          <Text className="sv-console__note">
            统计每5分钟更新{data.foldedAt ? `，最近一次 ${beijingIso(new Date(data.foldedAt)).slice(11, 16)}` : ''}
            。办结率＝按承诺时限办结数÷期内应办结数。
          </Text>
        </>
      )}
    </View>
  )
}

const periodOf = (p: string | undefined): Period => (PERIOD_OPTIONS.some((o) => o.value === p) ? (p as Period) : 'today')

/** 效能监督台: the centre's figures today or for a period, the charts, the links to the lists, and the Excel exports. */
export default function SupervisionConsole() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  const q = useQuery(ROUTES.supervisionConsole)
  return (
    <View className={`${rootClass} sv-console`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="效能监督台仅限中心工作人员使用" />}>
        {(m) =>
          READERS.includes(m.role) ? (
            <Board me={m} initialPeriod={periodOf(q.period)} />
          ) : (
            <StatusView kind="empty" message="效能监督台供中心效能监督、主任和部门负责人使用" />
          )
        }
      </StaffOnly>
    </View>
  )
}
