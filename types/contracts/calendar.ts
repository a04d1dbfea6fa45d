import { z } from '../zod'
import { STAFF_ROLES } from '../roles'
import { CALENDAR_YEARS } from '../domain/calendar-years'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { dateSchema } from './appointment'

const iso = z.string()
export const calendarYearSchema = z
  .number()
  .int()
  .min(CALENDAR_YEARS.first, `年份应在${CALENDAR_YEARS.first}至${CALENDAR_YEARS.last}之间`)
  .max(CALENDAR_YEARS.last, `年份应在${CALENDAR_YEARS.first}至${CALENDAR_YEARS.last}之间`)

const holidayName = z.string().trim().min(1, '请填写节日名称').max(20, '节日名称不超过20个字')
export const calendarDaySchema = z.object({ date: dateSchema, kind: z.enum(['off', 'work']), name: z.string() })
export const sourceSchema = z.strictObject({
  title: z.string().trim().max(100, '标题不超过100个字').optional(),
  number: z.string().trim().max(40, '文号不超过40个字').optional(),
  url: z
    .string()
    .trim()
    .max(300)
    .regex(/^https?:\/\/\S+$/, '请填写以http://或https://开头的网址')
    .optional()
    .or(z.literal('')),
})

/** One change an administrator proposes: a State Council notice pasted whole, or one day set by hand. */
export const calendarChangeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('notice'), text: z.string().max(20_000, '通知正文不超过20000字'), source: sourceSchema.default({}) }),
  z.strictObject({
    type: z.literal('day'),
    date: dateSchema,
    /** off: a day off; work: a make-up working day; default: back to the ordinary week. */
    set: z.enum(['off', 'work', 'default']),
    name: holidayName.optional(),
    note: z.string().trim().min(2, '请说明调整原因').max(100, '原因不超过100个字'),
  }),
])
export type CalendarChangeInput = z.input<typeof calendarChangeSchema>

const dayInfoSchema = z.object({
  working: z.boolean(),
  type: z.enum(['workday', 'weekend', 'holiday', 'makeup']),
  name: z.string().optional(),
})
const dayDiffSchema = z.object({ date: dateSchema, before: dayInfoSchema, after: dayInfoSchema })

/** What a change would touch (a preview) or touched (once applied). */
const impactSchema = z.object({
  cases: z.object({
    count: z.number().int(),
    /** The first few, for the administrator to see what moves. */
    samples: z.array(z.object({ caseNo: z.string(), matterName: z.string(), from: dateSchema, to: dateSchema })),
  }),
  inquiries: z.object({ count: z.number().int() }),
  bookings: z.object({
    count: z.number().int(),
    items: z.array(
      z.object({
        date: dateSchema,
        time: z.string(),
        matterName: z.string(),
        windowName: z.string(),
        windowNumber: z.number().int(),
        applicantName: z.string(),
      }),
    ),
  }),
})
export type CalendarImpact = z.infer<typeof impactSchema>

const changeRecordSchema = z.object({
  version: z.number().int(),
  kind: z.enum(['notice', 'day']),
  at: iso,
  by: z.string(),
  summary: z.string(),
  source: z.object({ title: z.string().optional(), number: z.string().optional(), url: z.string().optional() }).optional(),
})

export const calendarYearViewSchema = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'provisional']),
  /** Where the year's data comes from: stored by the centre, or built in (the library's years, or computed). */
  stored: z.boolean(),
  version: z.number().int(),
  source: z.object({ title: z.string(), number: z.string().optional(), url: z.string().optional() }).optional(),
  enteredBy: z.string().optional(),
  enteredAt: iso.optional(),
  /** Every day that differs from the ordinary week. */
  days: z.array(calendarDaySchema),
  /** A saved change whose consequences are still being applied. */
  recomputing: z.boolean(),
  changes: z.array(changeRecordSchema),
})
export type CalendarYearView = z.infer<typeof calendarYearViewSchema>

const bannerSchema = z.object({ years: z.array(z.number().int()), text: z.string() })

export const calendarContract = defineFunction('calendar', '工作日历：法定节假日与调休，录入国务院通知并重算期限', {
  getYear: action({
    summary: '某一年的工作日历：休息日、调休上班日、来源、状态（正式/暂定）和修改记录',
    access: STAFF_ROLES,
    input: z.strictObject({ year: calendarYearSchema }),
    output: calendarYearViewSchema,
  }),
  status: action({
    summary: '今天的日历状态：哪些年份尚未公布放假安排（11月1日起提醒下一年）',
    access: STAFF_ROLES,
    input: noInput,
    output: z.object({ today: dateSchema, banner: bannerSchema.optional() }),
  }),
  previewChange: action({
    summary: '系统管理员：解析通知或单日调整，列出变化的日期和受影响的办件、咨询、预约（不保存）',
    access: ['admin'],
    input: z.strictObject({ year: calendarYearSchema, change: calendarChangeSchema }),
    output: z.object({
      year: z.number().int(),
      version: z.number().int(),
      status: z.enum(['official', 'provisional']),
      title: z.string().optional(),
      number: z.string().optional(),
      items: z.array(z.object({ name: z.string(), off: z.array(dateSchema), work: z.array(dateSchema) })),
      diff: z.array(dayDiffSchema),
      /** Nothing would change: saving it again is a no-op. */
      unchanged: z.boolean(),
      impact: impactSchema,
    }),
  }),
  applyChange: action({
    summary: '系统管理员：确认保存（须带预览时的版本号），随后重算受影响的期限并通知群众',
    access: ['admin'],
    input: z.strictObject({ year: calendarYearSchema, change: calendarChangeSchema, expectedVersion: z.number().int().min(0) }),
    output: z.object({
      year: z.number().int(),
      version: z.number().int(),
      changed: z.boolean(),
      status: z.enum(['official', 'provisional']),
      impact: impactSchema,
    }),
  }),
  affectedBookings: action({
    summary: '因工作日历调整而落在休息日的预约（待联系群众改约）',
    access: ['window_staff', 'dept_lead', 'supervisor', 'admin'],
    input: noInput,
    output: z.object({
      items: z.array(
        z.object({
          bookingId: z.string(),
          date: dateSchema,
          time: z.string(),
          matterName: z.string(),
          windowName: z.string(),
          windowNumber: z.number().int(),
          applicantName: z.string(),
          phone: z.string(),
          holiday: z.string(),
        }),
      ),
    }),
  }),
})

/** What a calendar action receives: its input as the schema parsed it (defaults filled in). */
export type CalendarInput<K extends ActionName<typeof calendarContract>> = ParsedInput<typeof calendarContract, K>
