import { Axis, Chart, Interval, Legend, Line, Point, jsx as f2jsx } from '@antv/f2'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { supervisionContract } from '../../../../types/contracts/supervision'
import { F2Chart, type ChartElement } from '../chart'

/** F2's element factory, typed loosely: its component classes are generic in ways its own `jsx` signature does not accept. */
const jsx = f2jsx as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => ChartElement

type Answer = ActionOutput<typeof supervisionContract, 'consoleFigures'>

const PRIMARY = '#1a5fb4'
const FINISHED = '#0a6b36'
const YELLOW = '#c25e00'
const RED = '#c01c28'

/** 11-02 from 2026-11-02: the axis has room for a month of days. */
const shortDay = (day: string) => day.slice(5)
/** A department's name without the county prefix, short enough for an axis label. */
const shortDept = (name: string) => name.replace(/^县/, '').slice(0, 4)

/** A count axis from 0 in whole steps (no 0.75 of a case), about four ticks. */
const countScale = (max: number) => ({ min: 0, max: Math.max(4, max), tickInterval: Math.max(1, Math.ceil(Math.max(4, max) / 4)) })

/** The daily trend of received and finished cases: one line each. */
export function TrendChart({ trend }: { trend: Answer['trend'] }) {
  const data = trend.flatMap((d) => [
    { day: shortDay(d.day), kind: '收件', value: d.received },
    { day: shortDay(d.day), kind: '办结', value: d.finished },
  ])
  return (
    <F2Chart
      id="chart-trend"
      height={200}
      data={data}
      label={`每日收件与办结：${trend.map((d) => `${d.day} 收件${d.received} 办结${d.finished}`).join('，')}`}
      build={() =>
        jsx(
          Chart,
          { data, scale: { value: countScale(Math.max(...data.map((d) => d.value))), day: { tickCount: Math.min(trend.length, 6) } } },
          jsx(Axis, { field: 'day' }),
          jsx(Axis, { field: 'value' }),
          jsx(Line, { x: 'day', y: 'value', color: { field: 'kind', range: [PRIMARY, FINISHED] } }),
          trend.length <= 7 ? jsx(Point, { x: 'day', y: 'value', color: { field: 'kind', range: [PRIMARY, FINISHED] } }) : null,
          jsx(Legend, { position: 'top' }),
        )
      }
    />
  )
}

/** Yellow and red lights per department, side by side. */
export function LightsChart({ departments }: { departments: Answer['departments'] }) {
  const lit = departments.filter((d) => d.figures.yellow + d.figures.red > 0)
  const data = lit.flatMap((d) => [
    { dept: shortDept(d.departmentName), light: '黄灯', value: d.figures.yellow },
    { dept: shortDept(d.departmentName), light: '红灯', value: d.figures.red },
  ])
  return (
    <F2Chart
      id="chart-lights"
      height={200}
      data={data}
      label={`各部门红黄灯：${lit.map((d) => `${d.departmentName} 黄灯${d.figures.yellow} 红灯${d.figures.red}`).join('，')}`}
      build={() =>
        jsx(
          Chart,
          { data, scale: { value: countScale(Math.max(...data.map((d) => d.value))) } },
          jsx(Axis, { field: 'dept' }),
          jsx(Axis, { field: 'value' }),
          jsx(Interval, { x: 'dept', y: 'value', color: { field: 'light', range: [YELLOW, RED] }, adjust: 'dodge' }),
          jsx(Legend, { position: 'top' }),
        )
      }
    />
  )
}

/** The average wait per hour of the day the ticket was taken. */
export function WaitChart({ hours }: { hours: Answer['waitByHour'] }) {
  const data = hours.map((h) => ({ hour: `${h.hour}时`, average: h.average }))
  return (
    <F2Chart
      id="chart-wait"
      height={180}
      data={data}
      label={`各时段平均等候：${hours.map((h) => `${h.hour}时 ${h.average}分钟`).join('，')}`}
      build={() =>
        jsx(
          Chart,
          { data, scale: { average: { min: 0, tickCount: 4 } } },
          jsx(Axis, { field: 'hour' }),
          jsx(Axis, { field: 'average' }),
          jsx(Interval, { x: 'hour', y: 'average', color: PRIMARY }),
        )
      }
    />
  )
}
