import { z } from '../../zod'
import { idSchema } from '../../domain/catalog'
import { isBeijingDate } from '../../domain/dates'
import { action, type ActionContract } from '../contract'

/** Who reads the console: the centre office and director see every department, a department lead their own (scoped on the server). */
const readers = ['supervisor', 'admin', 'dept_lead'] as const

const dateSchema = z.string().refine(isBeijingDate, '日期格式应为YYYY-MM-DD')
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM')
const rate = z.number().nullable()

export const PERIODS = ['today', 'day', 'week', 'month', 'range'] as const
export const PERIOD_LABELS: Record<(typeof PERIODS)[number], string> = {
  today: '今日',
  day: '按日',
  week: '本周',
  month: '本月',
  range: '自定义',
}

export const figuresSchema = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  finished: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  immediate: z.number().int(),
  withdrawn: z.number().int(),
  finishedOnTime: z.number().int(),
  /** Cases whose promised date fell in the period (those due today and still open not yet). */
  due: z.number().int(),
  dueOnTime: z.number().int(),
  /** 办结率 in percent: decided by the promised date ÷ due in the period. */
  completionRate: rate,
  overdue: z.number().int(),
  /** Working days from acceptance to decision. */
  averageWorkDays: rate,
  supplemented: z.number().int(),
  supplementRate: rate,
  bookings: z.number().int(),
  noShows: z.number().int(),
  tickets: z.number().int(),
  served: z.number().int(),
  /** Minutes from taking a ticket to its first call. */
  waitAverage: rate,
  waitP90: rate,
  ratings: z.number().int(),
  bad: z.number().int(),
  badHandledOnTime: z.number().int(),
  badRectifiedRate: rate,
  complaints: z.number().int(),
  complaintsClosed: z.number().int(),
  /** Open cases with a yellow or red light now (the latest picture in the period). */
  yellow: z.number().int(),
  red: z.number().int(),
})

const exportSchema = z.object({
  fileName: z.string(),
  fileId: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  rows: z.number().int(),
})

export const EXPORT_KINDS = ['monthly', 'lights', 'violations', 'orders'] as const
export const EXPORT_LABELS: Record<(typeof EXPORT_KINDS)[number], string> = {
  monthly: '月度效能监督报表',
  lights: '红黄灯办件清单',
  violations: '违规记录清单',
  orders: '在办督办单清单',
}

/** 效能监督 — 监督台：统计、列表、图表与导出. Spread into the supervision contract (types/contracts/supervision.ts). */
export const consoleActions = {
  consoleFigures: action({
    summary:
      '监督台统计（今日或所选时段，全中心、各部门、各窗口）：收件、受理、办结、办结率、超期、红黄灯、平均办理用时、补正率、预约与爽约、等候时长（平均与90分位）与服务人次、评价与差评按期整改、投诉；读每日计数，不逐件读办件；部门负责人只看本部门',
    access: readers,
    input: z
      .strictObject({
        period: z.enum(PERIODS).default('today'),
        /** The day of `day`, or any day inside the `week`/`month` wanted; default today. */
        date: dateSchema.optional(),
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        departmentId: idSchema.optional(),
        windowId: idSchema.optional(),
      })
      .refine((v) => v.period !== 'range' || (v.from && v.to && v.from <= v.to), { message: '请选择起止日期', path: ['from'] }),
    output: z.object({
      from: z.string(),
      to: z.string(),
      today: z.string(),
      /** Set when the answer is one department's (a department lead always). */
      departmentId: z.string().optional(),
      windowId: z.string().optional(),
      total: figuresSchema,
      departments: z.array(z.object({ departmentId: z.string(), departmentName: z.string(), figures: figuresSchema })),
      windows: z.array(z.object({ windowId: z.string(), windowName: z.string(), departmentId: z.string(), figures: figuresSchema })),
      trend: z.array(z.object({ day: z.string(), received: z.number().int(), finished: z.number().int() })),
      waitByHour: z.array(z.object({ hour: z.number().int(), average: z.number(), tickets: z.number().int() })),
      matters: z.array(z.object({ matterId: z.string(), matterName: z.string(), finished: z.number().int(), averageWorkDays: rate })),
      /** When the counters last took in new events (they lag the events by at most a few minutes). */
      foldedAt: z.string().optional(),
    }),
  }),
  consoleExport: action({
    summary:
      '导出Excel：月度效能监督报表（纳入监督事项数、受理、办结（准予/不予/即办）、办结率、超期、差评与整改率、投诉），或红黄灯办件、违规记录、在办督办单清单（不含个人信息）；文件存入云存储，返回临时链接',
    access: readers,
    input: z.strictObject({
      kind: z.enum(EXPORT_KINDS),
      month: monthSchema.optional(),
      departmentId: idSchema.optional(),
    }),
    output: exportSchema,
  }),
} satisfies Record<string, ActionContract>
