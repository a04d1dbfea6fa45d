import {
  monthOf,
  scoreMonth,
  windowScore,
  workingDaysOfMonth,
  type AttendancePolicy,
  type MonthScore,
  type ScoredViolation,
  type ShiftSpan,
} from '../../../types/domain/attendance'
import { addCalendarDays, beijingDate } from '../../../types/domain/dates'
import type { Staff } from '../../../types/domain/staff'
import { allDepartments, windowsById } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import { fetchAll } from '../../_kit/fetchAll'
import type { Caller } from '../../_kit/identity'
import { workCalendar } from '../../_kit/work-calendar'
import type { ShiftDoc } from '../actions/shifts'
import { attendancePolicy, periodsOf } from './policy'

/**
 * Gathers one month of attendance for the people the caller may see and scores it with
 * types/domain/attendance.ts. Reads, per request, a fixed number of queries: the people, the
 * month's records of their scope, the month's violations and 好评 of that scope (paged), the
 * lights that name the violations' handlers, and the schedules. Nothing is stored: a correction
 * (a dismissed appeal, a calendar change) shows in the next read.
 */

/**
 * Written by the supervision function's lights part (one document per detected violation, and one
 * light per open case naming its handler); read here only.
 */
const VIOLATIONS = 'violations'
const CASE_LIGHTS = 'case_lights'
const GOOD_LEVELS = ['very_satisfied', 'satisfied']
/** The violations that cost the handler points (the county rules: 办件超期 −5, 违规收费 −5). */
const SCORED_CODES = ['overdue', 'fee_mismatch']

export type Scope =
  { scope: 'self'; staff: Staff } | { scope: 'department'; departmentId: string } | { scope: 'all'; departmentId?: string }

/** What the caller may see: window staff themselves, a lead the department, the office and the admin everyone. */
export function scopeOf(caller: Caller, departmentId?: string): Scope {
  const staff = caller.staff!
  if (staff.role === 'window_staff') return { scope: 'self', staff }
  if (staff.role === 'dept_lead') {
    if (departmentId && departmentId !== staff.departmentId) throw new AppError('FORBIDDEN', '只能查看本部门的考勤')
    return { scope: 'department', departmentId: staff.departmentId }
  }
  return { scope: 'all', ...(departmentId ? { departmentId } : {}) }
}

export interface PersonMonth extends MonthScore {
  staff: Staff
  departmentName: string
}

export interface MonthReport {
  month: string
  scoredThrough: string
  workingDays: number
  policy: AttendancePolicy
  people: PersonMonth[]
  windows: Array<{ windowId: string; name: string; departmentId: string; staffCount: number; score: number }>
  unattributed: number
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`)
const nextMonth = (month: string) => addCalendarDays(`${month}-28`, 7).slice(0, 7)

export async function monthReport(scope: Scope, month: string, now: Date, only?: Staff): Promise<MonthReport> {
  const today = beijingDate(now)
  if (month > monthOf(today)) throw new AppError('INVALID_INPUT', '该月份尚未开始', [{ path: 'month', message: '该月份尚未开始' }])
  const _ = db().command
  const policy = await attendancePolicy()
  const dept = scope.scope === 'self' ? scope.staff.departmentId : scope.departmentId
  const people = only
    ? [only]
    : scope.scope === 'self'
      ? [scope.staff]
      : await fetchAll<Staff>(COLLECTIONS.staff, { active: true, role: _.in(policy.roles), ...(dept ? { departmentId: dept } : {}) })
  const ids = new Set(people.map((p) => p.staffNo))
  const lastDay = addCalendarDays(`${nextMonth(month)}-01`, -1)
  const through = lastDay < today ? lastDay : today
  const workingDays = workingDaysOfMonth(month, through, (d) => workCalendar().isWorkingDay(d))
  const [shiftDocs, violations, good, periods, departments, windows] = await Promise.all([
    fetchAll<ShiftDoc>(COLLECTIONS.shifts, {
      date: _.and([_.gte(`${month}-01`), _.lte(lastDay)]),
      ...(people.length === 1 ? { staffId: people[0]._id } : dept ? { departmentId: dept } : {}),
    }),
    violationsOf(month, dept),
    fetchAll<{ servedBy?: string }>(
      COLLECTIONS.ratings,
      {
        month,
        isDefault: false,
        level: _.in(GOOD_LEVELS),
        ...(people.length === 1 ? { servedBy: people[0].staffNo } : dept ? { departmentId: dept } : {}),
      },
      { servedBy: true },
    ),
    periodsOf(people, policy),
    allDepartments(),
    windowsById(),
  ])
  const goodBy = new Map<string, number>()
  for (const r of good) if (r.servedBy && ids.has(r.servedBy)) goodBy.set(r.servedBy, (goodBy.get(r.servedBy) ?? 0) + 1)
  const shiftsBy = new Map<string, ShiftSpan[]>()
  for (const s of shiftDocs) {
    const span: ShiftSpan = {
      date: s.date,
      ...(s.signedInAt ? { signedInAt: new Date(s.signedInAt) } : {}),
      ...(s.signedOutAt ? { signedOutAt: new Date(s.signedOutAt) } : {}),
    }
    shiftsBy.set(s.staffNo, [...(shiftsBy.get(s.staffNo) ?? []), span])
  }
  const deptName = new Map(departments.map((d) => [d.id, d.name]))
  const scored: PersonMonth[] = people
    .map((staff) => ({
      staff,
      departmentName: deptName.get(staff.departmentId) ?? staff.departmentId,
      ...scoreMonth({
        month,
        workingDays,
        periods: periods(staff),
        now,
        shifts: shiftsBy.get(staff.staffNo) ?? [],
        violations: violations.byStaff.get(staff.staffNo) ?? [],
        goodRatings: goodBy.get(staff.staffNo) ?? 0,
        policy,
      }),
    }))
    .sort((a, b) => a.staff.departmentId.localeCompare(b.staff.departmentId) || a.staff.staffNo.localeCompare(b.staff.staffNo))

  const byWindow = new Map<string, number[]>()
  for (const p of scored) for (const w of p.staff.windowIds) byWindow.set(w, [...(byWindow.get(w) ?? []), p.score])
  const windowRows = [...byWindow.entries()]
    .flatMap(([windowId, scores]) => {
      const w = windows.get(windowId)
      const score = windowScore(scores)
      return w && score !== undefined
        ? [
            {
              windowId,
              name: `${w.number}号窗口 ${w.name}`,
              departmentId: w.departmentId,
              staffCount: scores.length,
              score,
              number: w.number,
            },
          ]
        : []
    })
    .sort((a, b) => a.number - b.number)
    .map(({ number: _n, ...row }) => row)
  return {
    month,
    scoredThrough: through,
    workingDays: workingDays.length,
    policy,
    people: scored,
    windows: scope.scope === 'self' ? [] : windowRows,
    unattributed: scope.scope === 'self' ? 0 : violations.unattributed,
  }
}

interface ViolationDoc {
  _id: string
  caseId: string
  caseNo: string
  departmentId: string
  code: string
  detectedAt: Date
  status: string
}

/**
 * The month's overdue cases and illegal fees, by the staff number of the case's handler (as the
 * lights name it). A dismissed violation (a false alarm the supervisor accepted) costs nothing.
 */
async function violationsOf(
  month: string,
  departmentId?: string,
): Promise<{ byStaff: Map<string, ScoredViolation[]>; unattributed: number }> {
  const _ = db().command
  const docs = (
    await fetchAll<ViolationDoc>(VIOLATIONS, {
      detectedAt: _.and([_.gte(monthStart(month)), _.lt(monthStart(nextMonth(month)))]),
      code: _.in(SCORED_CODES),
      ...(departmentId ? { departmentId } : {}),
    })
  ).filter((v) => v.status !== 'dismissed')
  const caseIds = [...new Set(docs.map((v) => v.caseId))]
  const handler = new Map<string, string>()
  for (let i = 0; i < caseIds.length; i += 500) {
    const lights = await fetchAll<{ _id: string; handlerStaffNo?: string }>(
      CASE_LIGHTS,
      { _id: _.in(caseIds.slice(i, i + 500)) },
      { handlerStaffNo: true },
    )
    for (const l of lights) if (l.handlerStaffNo) handler.set(l._id, l.handlerStaffNo)
  }
  const byStaff = new Map<string, ScoredViolation[]>()
  let unattributed = 0
  for (const v of docs) {
    const staffNo = handler.get(v.caseId)
    if (!staffNo) {
      unattributed += 1
      continue
    }
    byStaff.set(staffNo, [...(byStaff.get(staffNo) ?? []), { code: v.code, caseNo: v.caseNo, detectedAt: new Date(v.detectedAt) }])
  }
  return { byStaff, unattributed }
}
