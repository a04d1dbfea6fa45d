import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { ratingContract } from '../../../../types/contracts/rating'
import { beijingDate } from '../../../../types/domain/dates'
import { monthOf } from '../../../../types/domain/rating'
import { ROUTES } from '../../../../types/routes'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { ratingApi } from '../../../services/api/rating'
import { monthLabel } from '../../../utils/dates'
import { useQuery } from '../../../utils/nav'
import { windowLabel } from '../../../utils/windows'
import '../feedback.scss'

type Stats = ActionOutput<typeof ratingContract, 'stats'>
type Row = Stats['departments'][number]

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** `YYYY-MM` moved by `n` months. */
function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const k = y * 12 + (m - 1) + n
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
}

/** A rate as a percentage, or — when nothing was rated actively (a rate of nothing says nothing). */
const pct = (rate: number, whole: number) => (whole > 0 ? `${Math.round(rate * 1000) / 10}%` : '—')

function Cell({ value, label, bad = false }: { value: string; label: string; bad?: boolean }) {
  return (
    <View className="feedback-figures__cell">
      <Text className={`feedback-figures__value${bad ? ' feedback-figures__value--bad' : ''}`}>{value}</Text>
      <Text className="feedback-figures__label">{label}</Text>
    </View>
  )
}

function Figures({ row }: { row: Row }) {
  return (
    <View>
      <View className="feedback-figures__grid">
        <Cell value={String(row.ratings)} label={`评价数（默认${row.defaults}）`} />
        <Cell value={pct(row.activeRate, row.ratings)} label="主动评价率" />
        <Cell value={pct(row.goodRate, row.active)} label="好评率" />
        <Cell value={pct(row.badRate, row.active)} label="差评率" bad={row.bad > 0} />
        <Cell value={`${row.badHandledOnTime}/${row.bad}`} label={`差评按期整改${row.badOpen ? `（${row.badOpen}条处理中）` : ''}`} />
        {row.invalid > 0 && <Cell value={String(row.invalid)} label="申诉成立（不计差评）" />}
      </View>
      {row.topTags.length > 0 && (
        <Text className="feedback-figures__tags">常见评价：{row.topTags.map((t) => `${t.tag}（${t.count}）`).join('、')}</Text>
      )}
    </View>
  )
}

function DepartmentCard({ row, windows, names }: { row: Row; windows: Row[]; names: Parameters<typeof windowLabel>[0] }) {
  const [open, setOpen] = useState(false)
  return (
    <View className={`feedback-figures feedback-figures--${row.departmentId}`}>
      <Text className="feedback-figures__name">{row.departmentName}</Text>
      <Figures row={row} />
      {windows.length > 0 && (
        <View className="feedback-figures__toggle" hoverClass="feedback-figures__toggle--pressed" onClick={() => setOpen(!open)}>
          {open ? '收起窗口数据 ▲' : `按窗口查看（${windows.length}个窗口） ▼`}
        </View>
      )}
      {open &&
        windows.map((w) => (
          <View key={w.windowId} className="feedback-figures feedback-figures--window">
            <Text className="feedback-figures__name">{windowLabel(names, w.windowId ?? '')}</Text>
            <Figures row={w} />
          </View>
        ))}
    </View>
  )
}

/**
 * 好差评数据公开 (anyone): a month's figures per department, its windows folded under it. The
 * server gives no staff names, and the page adds none.
 */
export default function FeedbackFigures() {
  const { rootClass } = useLargeText()
  const query = useQuery(ROUTES.feedbackFigures)
  // The default is this month on the centre's calendar; the phone's date only picks what to show first.
  const current = monthOf(beijingDate())
  const [month, setMonth] = useState(query.month && MONTH.test(query.month) ? query.month : current)
  const stats = useLoad(() => ratingApi.stats({ month }), [month])
  const catalog = useLoad(() => catalogApi.listDepartments({}), [], { onShow: false })
  const names = catalog.data?.departments.flatMap((d) => d.windows)
  const rows = stats.data?.departments ?? []
  const later = month < current

  return (
    <View className={`${rootClass} feedback-page feedback-figures-page`}>
      <View className="feedback-page__head">
        <Text className="feedback-page__title">好差评数据公开</Text>
        <Text className="feedback-page__sub">
          好评率、差评率只计群众主动评价；逾期未评价默认记为“基本满意”的不计入，只体现在主动评价率中。
        </Text>
      </View>
      <View className="feedback-month">
        <View className="feedback-month__step" hoverClass="feedback-month__step--pressed" onClick={() => setMonth(shiftMonth(month, -1))}>
          ‹ 上月
        </View>
        <Text className="feedback-month__label">{monthLabel(`${month}-01`)}</Text>
        <View
          className={`feedback-month__step${later ? '' : ' feedback-month__step--off'}`}
          hoverClass={later ? 'feedback-month__step--pressed' : 'none'}
          onClick={later ? () => setMonth(shiftMonth(month, 1)) : undefined}
        >
          下月 ›
        </View>
      </View>
      <LoadStatus of={stats} />
      {stats.data && rows.length === 0 && <StatusView kind="empty" message="本月暂无评价" />}
      {rows.map((row) => (
        <DepartmentCard
          key={row.departmentId}
          row={row}
          names={names}
          windows={(stats.data?.windows ?? []).filter((w) => w.departmentId === row.departmentId)}
        />
      ))}
    </View>
  )
}
