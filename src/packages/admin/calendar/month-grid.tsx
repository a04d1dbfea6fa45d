import { Text, View } from '@tarojs/components'
import type { CalendarYearView } from '../../../../types/contracts/calendar'
import { byDateOf, monthWeeks, type GridDay } from './model'

const HEAD = ['一', '二', '三', '四', '五', '六', '日']
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/** The small mark under a day's number: the holiday's name on the first day of a run, else 休 / 班. */
const markOf = (d: GridDay) => (d.type === 'holiday' ? (d.first && d.name ? d.name : '休') : d.type === 'makeup' ? '班' : '')

export interface MonthGridProps {
  year: number
  month: number
  byDate: ReturnType<typeof byDateOf>
  /** Tapping a day (the administrator's hand edit); without it the grid is read-only. */
  onPick?: (day: GridDay) => void
}

/** One month: 7 columns, weeks start on Monday; the colour and the 休 / 班 mark both say the day's type. */
export function MonthGrid({ year, month, byDate, onPick }: MonthGridProps) {
  return (
    <View className={`cal-month cal-month--${month}`}>
      <Text className="cal-month__title">{month}月</Text>
      <View className="cal-month__row">
        {HEAD.map((h, i) => (
          <Text key={h} className={`cal-month__head${i >= 5 ? ' cal-month__head--weekend' : ''}`}>
            {h}
          </Text>
        ))}
      </View>
      {monthWeeks(year, month, byDate).map((week, w) => (
        <View key={w} className="cal-month__row">
          {week.map((d, i) =>
            d ? (
              <View
                key={d.date}
                className={`cal-day cal-day--${d.type} cal-day-${d.date}`}
                hoverClass={onPick ? 'cal-day--pressed' : 'none'}
                onClick={onPick ? () => onPick(d) : undefined}
              >
                <Text className="cal-day__num">{d.dom}</Text>
                <Text className="cal-day__mark">{markOf(d) || ' '}</Text>
              </View>
            ) : (
              <View key={`pad-${i}`} className="cal-day cal-day--pad" />
            ),
          )}
        </View>
      ))}
    </View>
  )
}

/** What the colours mean, in words too (never colour alone). */
export function Legend() {
  return (
    <View className="cal-legend">
      <View className="cal-legend__item">
        <View className="cal-legend__swatch cal-day--workday" />
        <Text>工作日</Text>
      </View>
      <View className="cal-legend__item">
        <View className="cal-legend__swatch cal-day--weekend" />
        <Text>周末</Text>
      </View>
      <View className="cal-legend__item">
        <View className="cal-legend__swatch cal-day--holiday">休</View>
        <Text>节假日休息</Text>
      </View>
      <View className="cal-legend__item">
        <View className="cal-legend__swatch cal-day--makeup">班</View>
        <Text>调休上班</Text>
      </View>
    </View>
  )
}

/** The whole year: the legend and twelve months, one per row (a 375 px phone fits 7 readable columns). */
export function YearGrid({ view, onPick }: { view: CalendarYearView; onPick?: (day: GridDay) => void }) {
  const byDate = byDateOf(view.days)
  return (
    <View className="cal-year">
      <Legend />
      {onPick && <Text className="cal-year__hint">点击某一天可单独调整（如临时闭厅、补充调休）。</Text>}
      <View className="cal-year__months">
        {MONTHS.map((m) => (
          <MonthGrid key={m} year={view.year} month={m} byDate={byDate} onPick={onPick} />
        ))}
      </View>
    </View>
  )
}
