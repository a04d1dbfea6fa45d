import type { StaffInput } from '../../../types/contracts/staff'
import { ITEM_KINDS, ITEM_LABELS, rulesText } from '../../../types/domain/attendance'
import type { Staff } from '../../../types/domain/staff'
import { ROLE_LABELS } from '../../../types/roles'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { monthReport, scopeOf, type MonthReport, type PersonMonth } from '../attendance/month'

const personView = (p: PersonMonth) => ({
  staffNo: p.staff.staffNo,
  name: p.staff.name,
  role: p.staff.role,
  departmentId: p.staff.departmentId,
  departmentName: p.departmentName,
  windowIds: p.staff.windowIds,
  score: p.score,
  deductions: p.deductions,
  bonus: p.bonus,
  counts: p.counts,
})

const head = (r: MonthReport) => ({
  month: r.month,
  scoredThrough: r.scoredThrough,
  workingDays: r.workingDays,
  base: r.policy.base,
  bonusMax: r.policy.bonusMax,
  rules: rulesText(r.policy),
})

export async function attendanceMonth({ month, departmentId }: StaffInput<'attendanceMonth'>, ctx: ActionContext) {
  const scope = scopeOf(await ctx.caller(), departmentId)
  const r = await monthReport(scope, month, ctx.now)
  return { ...head(r), scope: scope.scope, people: r.people.map(personView), windows: r.windows, unattributed: r.unattributed }
}

/**
 * One person's items. Someone outside the caller's scope is answered "not found", as a staff
 * number that does not exist: the answer tells nothing about other departments.
 */
export async function attendanceRecord({ month, staffNo }: StaffInput<'attendanceRecord'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const me = caller.staff!
  const scope = scopeOf(caller)
  let person: Staff = me
  if (staffNo && staffNo.toUpperCase() !== me.staffNo) {
    const { data } = await db().collection<Staff>(COLLECTIONS.staff).where({ staffNo: staffNo.toUpperCase() }).limit(1).get()
    const found = data[0]
    const visible = found && (scope.scope === 'all' || (scope.scope === 'department' && found.departmentId === scope.departmentId))
    if (!visible) throw notFound('未找到该工作人员')
    person = found
  }
  const r = await monthReport(scope, month, ctx.now, person)
  const p = r.people[0]
  return {
    ...head(r),
    person: personView(p),
    items: p.items.map((i) => ({ date: i.date, kind: i.kind, label: ITEM_LABELS[i.kind], points: i.points, detail: i.detail })),
  }
}

/** The month's table as .xlsx: one row per person (the counts of each item), one sheet of windows, one of every item. */
export async function exportAttendance({ month, departmentId }: StaffInput<'exportAttendance'>, ctx: ActionContext) {
  const scope = scopeOf(await ctx.caller(), departmentId)
  const r = await monthReport(scope, month, ctx.now)
  // Loaded on demand: exceljs is most of this function's size, and sign-in should not wait for it on a cold start.
  const { buildXlsx, storeExport } = await import('../../_kit/xlsx')
  const title = [
    `${month} 窗口工作人员考勤考核表`,
    `统计至 ${r.scoredThrough}，工作日 ${r.workingDays} 天；基础分 ${r.policy.base}，加分上限 ${r.policy.bonusMax}`,
  ]
  const countColumns = ITEM_KINDS.map((k) => ({ header: `${ITEM_LABELS[k]}（次）`, key: `n_${k}`, width: 12 }))
  const buffer = await buildXlsx([
    {
      name: '人员得分',
      title,
      columns: [
        { header: '工号', key: 'staffNo', width: 10 },
        { header: '姓名', key: 'name', width: 10 },
        { header: '岗位', key: 'role', width: 14 },
        { header: '部门', key: 'department', width: 24 },
        { header: '得分', key: 'score', width: 8 },
        { header: '扣分', key: 'deductions', width: 8 },
        { header: '加分', key: 'bonus', width: 8 },
        ...countColumns,
      ],
      rows: r.people.map((p) => ({
        staffNo: p.staff.staffNo,
        name: p.staff.name,
        role: ROLE_LABELS[p.staff.role],
        department: p.departmentName,
        score: p.score,
        deductions: p.deductions,
        bonus: p.bonus,
        ...Object.fromEntries(ITEM_KINDS.map((k) => [`n_${k}`, p.counts[k]])),
      })),
    },
    {
      name: '窗口得分',
      title,
      columns: [
        { header: '窗口', key: 'name', width: 30 },
        { header: '人数', key: 'staffCount', width: 8 },
        { header: '平均得分', key: 'score', width: 10 },
      ],
      rows: r.windows,
    },
    {
      name: '明细',
      title,
      columns: [
        { header: '日期', key: 'date', width: 12 },
        { header: '工号', key: 'staffNo', width: 10 },
        { header: '姓名', key: 'name', width: 10 },
        { header: '项目', key: 'label', width: 18 },
        { header: '分值', key: 'points', width: 8 },
        { header: '说明', key: 'detail', width: 40 },
      ],
      rows: r.people.flatMap((p) =>
        p.items.map((i) => ({
          date: i.date,
          staffNo: p.staff.staffNo,
          name: p.staff.name,
          label: ITEM_LABELS[i.kind],
          points: i.points,
          detail: i.detail,
        })),
      ),
    },
  ])
  const fileName = `attendance-${month}${scope.scope === 'all' && !scope.departmentId ? '' : `-${scope.scope === 'self' ? 'self' : scope.departmentId}`}.xlsx`
  const stored = await storeExport(buffer, fileName)
  return { url: stored.url, fileName, expiresAt: stored.expiresAt.toISOString(), rows: r.people.length }
}
