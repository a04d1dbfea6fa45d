import { Text, View } from '@tarojs/components'
import { addDays, dayOfMonth, monthLabel, weekdayOf } from '../../utils/dates'
import './index.scss'

export interface CalendarDay {
  date: string
  remaining: number
  /** In a year whose holidays are not announced yet: the day may still become a holiday. */
  provisional?: boolean
}

export interface CalendarProps {
  /** The open days, as the server lists them (dates come from the server, never the device clock). */
  days: CalendarDay[]
  selected?: string
  /** The centre's date: its cell says 今天. */
  today?: string
  onSelect: (date: string) => void
}

const HEAD = ['一', '二', '三', '四', '五', '六', '日']

/** Monday-first weeks covering the open days; days that are not open stay in place, greyed out. */
function weeksOf(days: CalendarDay[]): string[][] {
  const first = days[0].date
  const last = days[days.length - 1].date
  const start = addDays(first, -((weekdayOf(first) + 6) % 7))
  const weeks: string[][] = []
  for (let d = start; d <= last;) {
    const week: string[] = []
    for (let i = 0; i < 7; i++, d = addDays(d, 1)) week.push(d)
    weeks.push(week)
  }
  return weeks
}

/** A booking calendar: 余N on open days, 约满 (not tappable) on full days. */
export function Calendar({ days, selected, today, onSelect }: CalendarProps) {
  if (days.length === 0) return null
  const open = new Map(days.map((d) => [d.date, d.remaining]))
  const provisional = new Set(days.filter((d) => d.provisional).map((d) => d.date))
  const weeks = weeksOf(days)
  return (
    <View className="calendar">
      <Text className="calendar__month">
        {monthLabel(days[0].date)}
        {monthLabel(days[days.length - 1].date) !== monthLabel(days[0].date) ? ` — ${monthLabel(days[days.length - 1].date)}` : ''}
      </Text>
      <View className="calendar__row calendar__row--head">
        {HEAD.map((h) => (
          <Text key={h} className="calendar__head">
            {h}
          </Text>
        ))}
      </View>
      {weeks.map((week) => (
        <View key={week[0]} className="calendar__row">
          {week.map((date) => {
            const remaining = open.get(date)
            const state = remaining === undefined ? 'closed' : remaining > 0 ? 'open' : 'full'
            const dom = dayOfMonth(date)
            return (
              <View
                key={date}
                className={`calendar__day calendar__day--${state} calendar-day-${date}${provisional.has(date) ? ' calendar__day--provisional' : ''}${selected === date ? ' calendar__day--selected' : ''}`}
                hoverClass={state === 'open' ? 'calendar__day--pressed' : 'none'}
                onClick={state === 'open' ? () => onSelect(date) : undefined}
              >
                {/* The day's number, or 今天; the months are named above the grid, never inside a day. */}
                <Text className="calendar__num">{date === today ? '今天' : dom}</Text>
                <Text className="calendar__left">{state === 'open' ? `余${remaining}` : state === 'full' ? '约满' : ' '}</Text>
              </View>
            )
          })}
        </View>
      ))}
      <View className="calendar__legend">
        <Text>“余N”为剩余名额；灰色日期不开放预约。</Text>
        {provisional.size > 0 && (
          <Text className="calendar__legend-provisional">
            虚线框日期所在年份的放假安排国务院尚未公布，暂按法定节假日开放；如有调整，会通知您改约。
          </Text>
        )}
      </View>
    </View>
  )
}
