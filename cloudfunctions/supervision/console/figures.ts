import type { SupervisionInput } from '../../../types/contracts/supervision'
import { addCalendarDays, beijingDate, toUtcMs } from '../../../types/domain/dates'
import { figuresOf, MAX_PERIOD_DAYS, mattersOf, trendOf, waitByHourOf, type DailyCounters } from '../../../types/domain/supervision-figures'
import { allDepartments, windowsById } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import { fetchAll } from '../../_kit/fetchAll'
import type { ActionContext } from '../../_kit/handler'
import type { Caller } from '../../_kit/identity'
import { CENTRE, type FoldState } from './fold'

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }])

/**
 * The department a caller may read: the office and the director any (or all), a department lead
 * only their own, whatever the input asks.
 */
export function scopeOf(caller: Caller, asked: string | undefined): string | undefined {
  if (caller.role === 'supervisor' || caller.role === 'admin') return asked
  if (caller.role === 'dept_lead' && caller.staff?.departmentId) {
    if (asked && asked !== caller.staff.departmentId) throw new AppError('FORBIDDEN', '只能查看本部门的统计')
    return caller.staff.departmentId
  }
  throw new AppError('FORBIDDEN', '没有权限查看监督台')
}

/** Monday of the ISO week a date is in. */
const mondayOf = (day: string) => addCalendarDays(day, -((new Date(toUtcMs(day)).getUTCDay() + 6) % 7))
const lastOfMonth = (month: string) => addCalendarDays(`${addCalendarDays(`${month}-28`, 4).slice(0, 7)}-01`, -1)

/** The first and last day of the asked period; a period never reaches past today. */
export function periodOf(input: Pick<SupervisionInput<'consoleFigures'>, 'period' | 'date' | 'from' | 'to'>, today: string) {
  const date = input.date ?? today
  const clamp = (d: string) => (d > today ? today : d)
  let from: string
  let to: string
  switch (input.period) {
    case 'today':
      from = to = today
      break
    case 'day':
      from = to = date
      break
    case 'week':
      from = mondayOf(date)
      to = addCalendarDays(from, 6)
      break
    case 'month':
      from = `${date.slice(0, 7)}-01`
      to = lastOfMonth(date.slice(0, 7))
      break
    default:
      from = input.from!
      to = input.to!
  }
  if (from > today) throw invalid('date', '不能查看未来的日期')
  to = clamp(to)
  const days: string[] = []
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) days.push(d)
  if (days.length > MAX_PERIOD_DAYS) throw invalid('from', '时段最长一年')
  return { from, to, days }
}

/**
 * The counter documents of a period: the roll-up of each whole past month inside it, the daily
 * documents of the rest (the current month, a partial first or last month). One read per 1,000
 * documents; a year is 12 roll-ups per department, whatever the number of cases.
 */
export async function countersOf(from: string, to: string, departmentId: string | undefined, today: string): Promise<DailyCounters[]> {
  const _ = db().command
  const current = today.slice(0, 7)
  const months: string[] = []
  const ranges: Array<[string, string]> = []
  for (let d = from; d <= to;) {
    const m = d.slice(0, 7)
    const last = lastOfMonth(m)
    const end = last < to ? last : to
    if (d === `${m}-01` && end === last && m < current) months.push(m)
    else if (ranges.length && addCalendarDays(ranges[ranges.length - 1][1], 1) === d) ranges[ranges.length - 1][1] = end
    else ranges.push([d, end])
    d = addCalendarDays(end, 1)
  }
  const scope = departmentId ? { departmentId } : {}
  const parts = await Promise.all([
    months.length ? fetchAll<DailyCounters>(COLLECTIONS.supervisionMonthly, { month: _.in(months), ...scope }) : [],
    ...ranges.map(([a, b]) => fetchAll<DailyCounters>(COLLECTIONS.supervisionDaily, { day: _.and([_.gte(a), _.lte(b)]), ...scope })),
  ])
  return parts.flat()
}

export const departmentNames = async () => {
  const names = new Map((await allDepartments()).map((d) => [d.id, d.name]))
  names.set(CENTRE, '中心（未分部门）')
  return names
}

export async function consoleFigures(input: SupervisionInput<'consoleFigures'>, ctx: ActionContext) {
  const departmentId = scopeOf(await ctx.caller(), input.departmentId)
  const today = beijingDate(ctx.now)
  const { from, to, days } = periodOf(input, today)
  const [docs, names, windows, state] = await Promise.all([
    countersOf(from, to, departmentId, today),
    departmentNames(),
    windowsById(),
    db().collection(COLLECTIONS.supervisionFold).where({ _id: 'watermarks' }).limit(1).get(),
  ])
  const window = input.windowId ? windows.get(input.windowId) : undefined
  if (input.windowId && (!window || (departmentId && window.departmentId !== departmentId))) throw invalid('windowId', '未找到该窗口')
  const byDept = new Map<string, DailyCounters[]>()
  for (const d of docs) byDept.set(d.departmentId, [...(byDept.get(d.departmentId) ?? []), d])
  const windowIds = new Set<string>()
  for (const d of docs) for (const s of [d.queue, d.bookings, d.ratings]) for (const w of Object.keys(s?.windows ?? {})) windowIds.add(w)
  const foldedAt = (state.data[0] as FoldState | undefined)?.foldedAt
  const scoped = window ? docs.filter((d) => d.departmentId === window.departmentId) : docs
  return {
    from,
    to,
    today,
    ...(departmentId ? { departmentId } : {}),
    ...(window ? { windowId: window.id } : {}),
    total: figuresOf(scoped, today, window?.id),
    departments: [...byDept.entries()]
      .map(([id, ds]) => ({ departmentId: id, departmentName: names.get(id) ?? id, figures: figuresOf(ds, today) }))
      .sort((a, b) => b.figures.received - a.figures.received || a.departmentId.localeCompare(b.departmentId)),
    windows: [...windowIds]
      .map((id) => windows.get(id))
      .filter((w): w is NonNullable<typeof w> => !!w)
      .map((w) => ({
        windowId: w.id,
        windowName: `${w.number}号 ${w.name}`,
        departmentId: w.departmentId,
        figures: figuresOf(byDept.get(w.departmentId) ?? [], today, w.id),
      }))
      .sort((a, b) => a.windowName.localeCompare(b.windowName, 'zh')),
    trend: trendOf(window ? [] : scoped, days),
    waitByHour: waitByHourOf(scoped, window?.id),
    matters: window ? [] : mattersOf(scoped),
    ...(foldedAt ? { foldedAt: new Date(foldedAt).toISOString() } : {}),
  }
}
