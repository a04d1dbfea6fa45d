import type { CalendarInput } from '../../../types/contracts/calendar'
import type { z } from '../../../types/zod'
import type { calendarChangeSchema } from '../../../types/contracts/calendar'
import { changeSummary, closedDates, diffCalendars, yearFromNotice, yearWithDay, type DayDiff } from '../../../types/domain/calendar-change'
import { parseHolidayNotice, type NoticeItem } from '../../../types/domain/holiday-notice'
import type { CalendarYear } from '../../../types/domain/working-days'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { previewImpact, type WorkingDayShift } from '../consequences'
import { calendarWith, yearState, type CalendarChangeDoc, type YearState } from '../years'
import { finishPending } from '../recompute'

type Change = z.output<typeof calendarChangeSchema>

interface Plan {
  state: YearState
  proposed: CalendarYear
  items: NoticeItem[]
  diff: DayDiff[]
  shift: WorkingDayShift
  unchanged: boolean
}

/** The year the change proposes, checked against the current calendar. Nothing is written. */
async function plan(year: number, change: Change): Promise<Plan> {
  const state = await yearState(year)
  let proposed: CalendarYear
  let items: NoticeItem[] = []
  if (change.type === 'notice') {
    const parsed = parseHolidayNotice(change.text, year)
    if (!parsed.ok)
      throw new AppError(
        'INVALID_INPUT',
        '通知内容无法解析，请核对后重试',
        parsed.issues.map((i) => ({ path: `change.${i.path}`, message: i.message })),
      )
    items = parsed.notice.items
    const title = change.source.title || parsed.notice.title || `国务院办公厅关于${year}年部分节假日安排的通知`
    const number = change.source.number || parsed.notice.number
    proposed = yearFromNotice(parsed.notice, {
      title,
      ...(number ? { number } : {}),
      ...(change.source.url ? { url: change.source.url } : {}),
    })
  } else {
    if (Number(change.date.slice(0, 4)) !== year)
      throw new AppError('INVALID_INPUT', `日期不在${year}年`, [{ path: 'change.date', message: `请选择${year}年的日期` }])
    proposed = yearWithDay(state.current, change.date, change.set, change.name)
  }
  const diff = diffCalendars(state.calendar, calendarWith(state.docs, proposed), year)
  const changed = diff.filter((d) => d.before.working !== d.after.working).map((d) => d.date)
  const reopened = diff.filter((d) => !d.before.working && d.after.working).map((d) => d.date)
  const unchanged = diff.length === 0 && proposed.status === state.current.status
  return { state, proposed, items, diff, shift: { changed, closed: closedDates(diff), reopened }, unchanged }
}

export async function previewChange(input: CalendarInput<'previewChange'>, ctx: ActionContext) {
  const p = await plan(input.year, input.change)
  const after = calendarWith(p.state.docs, p.proposed)
  return {
    year: input.year,
    version: p.state.version,
    status: p.proposed.status,
    ...(p.proposed.source?.title ? { title: p.proposed.source.title } : {}),
    ...(p.proposed.source?.number ? { number: p.proposed.source.number } : {}),
    items: p.items,
    diff: p.diff,
    unchanged: p.unchanged,
    impact: await previewImpact(p.shift, after, ctx.now),
  }
}

/**
 * Saves the change and applies its consequences. The year and its change-log entry are written in
 * one transaction, the year carrying a `pending` note of the dates whose status changed; the
 * consequences follow, and the note is cleared. Should the function die in between, the sweep
 * (every 5 minutes) finds the note and applies them, which is safe to do twice.
 */
export async function applyChange(input: CalendarInput<'applyChange'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const p = await plan(input.year, input.change)
  if (p.state.version !== input.expectedVersion) throw new AppError('CONFLICT', '工作日历已被他人修改，请重新预览后再保存')
  if (p.unchanged) return { year: input.year, version: p.state.version, changed: false, status: p.proposed.status, impact: emptyImpact() }
  const version = p.state.version + 1
  const by = { staffNo: caller.staff!.staffNo, name: caller.staff!.name }
  const reason = input.change.type === 'notice' ? `国务院公布${input.year}年放假安排` : `工作日历调整：${input.change.note}`
  const pending = { version, ...p.shift, reason, at: ctx.now }
  const entry: CalendarChangeDoc = {
    _id: `${input.year}:${version}`,
    year: input.year,
    version,
    at: ctx.now,
    by,
    kind: input.change.type,
    summary: changeSummary(
      input.change.type,
      p.diff,
      p.proposed.source,
      input.change.type === 'day' ? input.change.date : undefined,
      input.change.type === 'day' ? input.change.set : undefined,
    ),
    before: { status: p.state.current.status, days: p.state.current.days },
    after: { status: p.proposed.status, days: p.proposed.days },
    ...(p.proposed.source ? { source: p.proposed.source } : {}),
    ...(input.change.type === 'day' ? { note: input.change.note } : {}),
  }
  await db().runTransaction(async (t) => {
    const ref = t.collection(COLLECTIONS.calendarYears).doc(String(input.year))
    const found = await ref.get().then(
      (r) => r.data as { version?: number } | undefined,
      () => undefined,
    )
    if ((found?.version ?? 0) !== p.state.version) throw new AppError('CONFLICT', '工作日历已被他人修改，请重新预览后再保存')
    await ref.set({
      data: {
        year: input.year,
        status: p.proposed.status,
        days: p.proposed.days,
        ...(p.proposed.source ? { source: p.proposed.source } : {}),
        version,
        enteredBy: by,
        enteredAt: ctx.now,
        pending,
      },
    })
    await t.collection(COLLECTIONS.calendarChanges).add({ data: entry })
  })
  const impact = await finishPending(input.year, ctx.now)
  return { year: input.year, version, changed: true, status: p.proposed.status, impact: impact ?? emptyImpact() }
}

const emptyImpact = () => ({ cases: { count: 0, samples: [] }, inquiries: { count: 0 }, bookings: { count: 0, items: [] } })
