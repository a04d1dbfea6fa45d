import type { SupervisionInput } from '../../../types/contracts/supervision'
import { EXPORT_LABELS } from '../../../types/contracts/supervision/console'
import { beijingDate, beijingIso } from '../../../types/domain/dates'
import { ORDER_STATE_LABELS, type OrderState } from '../../../types/domain/supervision-orders'
import { figuresOf, type Figures } from '../../../types/domain/supervision-figures'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'
import type { ActionContext } from '../../_kit/handler'
import { buildXlsx, storeExport, type XlsxSheet } from '../../_kit/xlsx'
import { countersOf, departmentNames, periodOf, scopeOf } from './figures'

/** A list export stops here: far above a county centre's open red and yellow cases, and a file a phone still opens. */
const LIST_MAX = 5000

const LIGHT_LABELS: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' }
const VIOLATION_STATUS_LABELS: Record<string, string> = { open: '待处理', appealed: '申诉中', upheld: '申诉成立', dismissed: '维持认定' }
const when = (d: Date | string | undefined) => (d ? beijingIso(new Date(d)).slice(0, 16).replace('T', ' ') : '')
const pct = (x: number | null) => (x === null ? '—' : `${x}%`)

/** Only what supervision needs: case numbers, matters, departments, reasons. No applicant, address, phone or form field ever. */
interface LightRow {
  _id: string
  caseNo: string
  matterName: string
  departmentId: string
  handlerStaffNo?: string
  light: string
  reasons?: Array<{ label: string; detail: string }>
  yellowSince?: Date
  redSince?: Date
  dueDate?: string
}
interface ViolationRow {
  _id: string
  caseNo: string
  departmentId: string
  category: string
  code: string
  detail: string
  detectedAt: Date
  status: string
}
interface OrderRow {
  _id: string
  object: { kind: string; title: string; caseNo?: string }
  departmentId: string
  departmentName?: string
  reason: string
  requirement: string
  auto: boolean
  issuedOn: string
  dueDate: string
  state: OrderState
  escalated: boolean
}

/**
 * The monthly report's columns, in the order provincial 政务服务 supervision reports print them
 * (纳入监督事项数, 受理/办结 by outcome, 办结率, 超期, 差评 and 整改率, 投诉).
 */
const MONTHLY_COLUMNS = [
  { header: '部门', key: 'department', width: 22 },
  { header: '纳入监督事项数', key: 'matters', width: 14 },
  { header: '收件数', key: 'received' },
  { header: '受理数', key: 'accepted' },
  { header: '办结数', key: 'finished' },
  { header: '其中准予', key: 'approved' },
  { header: '其中不予', key: 'rejected' },
  { header: '其中即办', key: 'immediate' },
  { header: '应办结数', key: 'due' },
  { header: '按期办结数', key: 'dueOnTime', width: 12 },
  { header: '办结率', key: 'completionRate' },
  { header: '超期件数', key: 'overdue' },
  { header: '平均办理用时（工作日）', key: 'averageWorkDays', width: 22 },
  { header: '补正率', key: 'supplementRate' },
  { header: '预约数', key: 'bookings' },
  { header: '爽约数', key: 'noShows' },
  { header: '取号数', key: 'tickets' },
  { header: '平均等候（分钟）', key: 'waitAverage', width: 16 },
  { header: '评价数', key: 'ratings' },
  { header: '差评数', key: 'bad' },
  { header: '差评按期整改数', key: 'badHandledOnTime', width: 14 },
  { header: '整改率', key: 'badRectifiedRate' },
  { header: '投诉件数', key: 'complaints' },
  { header: '红灯件数', key: 'red' },
  { header: '黄灯件数', key: 'yellow' },
]
const reportRow = (department: string, matters: number, f: Figures) => ({
  department,
  matters,
  received: f.received,
  accepted: f.accepted,
  finished: f.finished,
  approved: f.approved,
  rejected: f.rejected,
  immediate: f.immediate,
  due: f.due,
  dueOnTime: f.dueOnTime,
  completionRate: pct(f.completionRate),
  overdue: f.overdue,
  averageWorkDays: f.averageWorkDays ?? '—',
  supplementRate: pct(f.supplementRate),
  bookings: f.bookings,
  noShows: f.noShows,
  tickets: f.tickets,
  waitAverage: f.waitAverage ?? '—',
  ratings: f.ratings,
  bad: f.bad,
  badHandledOnTime: f.badHandledOnTime,
  badRectifiedRate: pct(f.badRectifiedRate),
  complaints: f.complaints,
  red: f.red,
  yellow: f.yellow,
})

async function monthlySheet(month: string, today: string, departmentId: string | undefined): Promise<XlsxSheet> {
  const { from, to } = periodOf({ period: 'month', date: `${month}-01` }, today)
  const [docs, names, matters] = await Promise.all([
    countersOf(from, to, departmentId, today),
    departmentNames(),
    fetchAll<{ _id: string; departmentId: string }>(COLLECTIONS.matters, departmentId ? { departmentId } : {}, {
      _id: true,
      departmentId: true,
    }),
  ])
  const mattersOf = (dept: string) => matters.filter((m) => m.departmentId === dept).length
  const depts = [...new Set([...docs.map((d) => d.departmentId), ...(departmentId ? [departmentId] : [])])].sort()
  const rows = depts.map((d) =>
    reportRow(
      names.get(d) ?? d,
      mattersOf(d),
      figuresOf(
        docs.filter((x) => x.departmentId === d),
        today,
      ),
    ),
  )
  if (!departmentId) rows.push(reportRow('合计', matters.length, figuresOf(docs, today)))
  return {
    name: `${month}月报`,
    title: [`${EXPORT_LABELS.monthly}（${month}）`, `统计时段：${from} 至 ${to}，制表时间：${when(new Date())}`],
    columns: MONTHLY_COLUMNS,
    rows,
  }
}

async function listSheet(kind: 'lights' | 'violations' | 'orders', departmentId: string | undefined): Promise<XlsxSheet> {
  const names = await departmentNames()
  const dept = (id: string) => names.get(id) ?? id
  const scope = departmentId ? { departmentId } : {}
  const _ = db().command
  if (kind === 'lights') {
    const docs = await fetchAll<LightRow>(COLLECTIONS.caseLights, { ...scope, open: true, light: _.in(['yellow', 'red']) })
    return {
      name: '红黄灯办件',
      title: [EXPORT_LABELS.lights],
      columns: [
        { header: '办件编号', key: 'caseNo', width: 22 },
        { header: '事项', key: 'matterName', width: 28 },
        { header: '部门', key: 'department', width: 20 },
        { header: '灯色', key: 'light', width: 8 },
        { header: '原因', key: 'reasons', width: 50 },
        { header: '承诺办结日', key: 'dueDate', width: 12 },
        { header: '亮黄灯时间', key: 'yellowSince', width: 18 },
        { header: '亮红灯时间', key: 'redSince', width: 18 },
        { header: '承办人工号', key: 'handler', width: 12 },
      ],
      rows: docs
        .sort((a, b) => (a.light === b.light ? a.caseNo.localeCompare(b.caseNo) : a.light === 'red' ? -1 : 1))
        .slice(0, LIST_MAX)
        .map((d) => ({
          caseNo: d.caseNo,
          matterName: d.matterName,
          department: dept(d.departmentId),
          light: LIGHT_LABELS[d.light] ?? d.light,
          reasons: (d.reasons ?? []).map((r) => `${r.label}：${r.detail}`).join('；'),
          dueDate: d.dueDate ?? '',
          yellowSince: when(d.yellowSince),
          redSince: when(d.redSince),
          handler: d.handlerStaffNo ?? '',
        })),
    }
  }
  if (kind === 'violations') {
    const docs = await fetchAll<ViolationRow>(COLLECTIONS.violations, scope)
    return {
      name: '违规记录',
      title: [EXPORT_LABELS.violations],
      columns: [
        { header: '办件编号', key: 'caseNo', width: 22 },
        { header: '部门', key: 'department', width: 20 },
        { header: '类别', key: 'category', width: 12 },
        { header: '说明', key: 'detail', width: 50 },
        { header: '发现时间', key: 'detectedAt', width: 18 },
        { header: '状态', key: 'status', width: 10 },
      ],
      rows: docs
        .sort((a, b) => new Date(b.detectedAt).getTime() - new Date(a.detectedAt).getTime())
        .slice(0, LIST_MAX)
        .map((d) => ({
          caseNo: d.caseNo,
          department: dept(d.departmentId),
          category: d.category,
          detail: d.detail,
          detectedAt: when(d.detectedAt),
          status: VIOLATION_STATUS_LABELS[d.status] ?? d.status,
        })),
    }
  }
  const docs = await fetchAll<OrderRow>(COLLECTIONS.supervisionOrders, { ...scope, state: _.neq('closed') })
  return {
    name: '在办督办单',
    title: [EXPORT_LABELS.orders],
    columns: [
      { header: '督办对象', key: 'object', width: 30 },
      { header: '办件编号', key: 'caseNo', width: 22 },
      { header: '部门', key: 'department', width: 20 },
      { header: '督办事由', key: 'reason', width: 40 },
      { header: '整改要求', key: 'requirement', width: 40 },
      { header: '来源', key: 'auto', width: 8 },
      { header: '下发日期', key: 'issuedOn', width: 12 },
      { header: '回复期限', key: 'dueDate', width: 12 },
      { header: '状态', key: 'state', width: 10 },
      { header: '通报', key: 'escalated', width: 8 },
    ],
    rows: docs
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .slice(0, LIST_MAX)
      .map((d) => ({
        object: d.object.title,
        caseNo: d.object.caseNo ?? '',
        department: d.departmentName ?? dept(d.departmentId),
        reason: d.reason,
        requirement: d.requirement,
        auto: d.auto ? '自动' : '人工',
        issuedOn: d.issuedOn,
        dueDate: d.dueDate,
        state: ORDER_STATE_LABELS[d.state] ?? d.state,
        escalated: d.escalated ? '已通报' : '',
      })),
  }
}

export async function consoleExport(input: SupervisionInput<'consoleExport'>, ctx: ActionContext) {
  const departmentId = scopeOf(await ctx.caller(), input.departmentId)
  const today = beijingDate(ctx.now)
  const month = input.month ?? today.slice(0, 7)
  const sheet = input.kind === 'monthly' ? await monthlySheet(month, today, departmentId) : await listSheet(input.kind, departmentId)
  const stamp = input.kind === 'monthly' ? month : today
  const fileName = `supervision-${input.kind}-${stamp}${departmentId ? `-${departmentId}` : ''}.xlsx`
  const stored = await storeExport(await buildXlsx([sheet]), fileName)
  return { fileName, fileId: stored.fileId, url: stored.url, expiresAt: stored.expiresAt.toISOString(), rows: sheet.rows.length }
}
