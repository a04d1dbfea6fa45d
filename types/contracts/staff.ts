import { z } from '../zod'
import { STAFF_ROLES } from '../roles'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { dateSchema } from './appointment'
import { displayTokenSchema, hallCodeSchema, ITEM_KINDS, monthSchema } from '../domain/attendance'

export const invitationCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => /^[A-HJKMNP-Z2-9]{10}$/.test(s), '邀请码应为10位字母或数字')

const staffRoles = ['window_staff', 'dept_lead', 'supervisor', 'admin'] as const
const shiftSchema = z.object({
  shiftId: z.string(),
  date: dateSchema,
  windowId: idSchema.optional(),
  /** Missing on a sign-out made without a sign-in that day (漏签到). */
  signedInAt: z.string().optional(),
  signedOutAt: z.string().optional(),
})

/** The hall's current code, required with every sign-in and sign-out (proof of presence). */
const codeField = z.string({ error: '请扫描大厅入口屏幕上的签到二维码' }).pipe(hallCodeSchema)

const displaySchema = z.object({
  displayId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastSeenAt: z.string().optional(),
  revokedAt: z.string().optional(),
})

const countsSchema = z.object(
  Object.fromEntries(ITEM_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof ITEM_KINDS)[number], z.ZodNumber>,
)

const personScoreSchema = z.object({
  staffNo: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  departmentId: idSchema,
  departmentName: z.string(),
  windowIds: z.array(idSchema),
  score: z.number(),
  deductions: z.number(),
  bonus: z.number(),
  counts: countsSchema,
})

const windowScoreSchema = z.object({
  windowId: idSchema,
  name: z.string(),
  departmentId: idSchema,
  staffCount: z.number().int(),
  score: z.number(),
})

const monthHeadSchema = z.object({
  month: z.string(),
  /** The last date scored (today within the current month), and how many working days up to it. */
  scoredThrough: z.string(),
  workingDays: z.number().int(),
  base: z.number(),
  bonusMax: z.number(),
  /** The rules in force (settings/attendance_policy), worded for the page. */
  rules: z.string(),
})

export const staffContract = defineFunction('staff', '工作人员：邀请码绑定微信账号、签到签退', {
  createInvitation: action({
    summary: '系统管理员：为一名工作人员生成一次性邀请码（默认72小时内有效）',
    access: ['admin'],
    input: z.strictObject({
      role: z.enum(STAFF_ROLES),
      departmentId: idSchema,
      windowIds: z.array(idSchema).max(10).default([]),
      staffNo: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{4,12}$/, '工号应为4至12位大写字母或数字'),
      name: z.string().trim().min(2).max(20),
      validHours: z.number().int().min(1).max(168).default(72),
    }),
    output: z.object({ code: z.string(), staffNo: z.string(), expiresAt: z.string() }),
  }),
  bindInvitation: action({
    summary: '用邀请码把当前微信账号绑定为工作人员（每个邀请码只能绑定一次）',
    access: ['citizen'],
    input: z.strictObject({ code: invitationCodeSchema }),
    output: z.object({
      staffNo: z.string(),
      name: z.string(),
      role: z.enum(STAFF_ROLES),
      departmentId: idSchema,
      windowIds: z.array(idSchema),
    }),
  }),
  signIn: action({
    summary: '上岗签到：须带大厅签到屏幕当前（或上一个30秒）的签到码（可注明所在窗口）',
    access: staffRoles,
    input: z.strictObject({ windowId: idSchema.optional(), code: codeField }),
    output: shiftSchema,
  }),
  signOut: action({
    summary: '下岗签退：须带大厅签到屏幕当前（或上一个30秒）的签到码；当天忘记签到时记为漏签到',
    access: staffRoles,
    input: z.strictObject({ code: codeField }),
    output: shiftSchema.extend({ signedOutAt: z.string(), minutes: z.number().int() }),
  }),
  myShifts: action({
    summary: '我今天的签到签退记录',
    access: staffRoles,
    input: noInput,
    output: z.object({ date: dateSchema, shifts: z.array(shiftSchema), onDuty: z.boolean() }),
  }),
  registerDisplay: action({
    summary: '系统管理员：登记一块大厅签到屏幕，答复只显示这一次的屏幕登记码（只存其散列）',
    access: ['admin'],
    input: z.strictObject({ name: z.string().trim().min(2, '请填写屏幕名称').max(20) }),
    output: displaySchema.extend({ token: z.string() }),
  }),
  listDisplays: action({
    summary: '系统管理员：已登记的签到屏幕',
    access: ['admin'],
    input: noInput,
    output: z.object({ displays: z.array(displaySchema) }),
  }),
  revokeDisplay: action({
    summary: '系统管理员：停用一块签到屏幕（之后它取不到签到码）',
    access: ['admin'],
    input: z.strictObject({ displayId: z.string().max(64) }),
    output: displaySchema,
  }),
  hallCode: action({
    summary: '已登记的屏幕取当前签到码（每30秒更换；大厅公示屏也用它）',
    access: 'anyone',
    input: z.strictObject({ token: displayTokenSchema }),
    output: z.object({
      code: z.string(),
      /** What the QR code holds. */
      payload: z.string(),
      displayName: z.string(),
      validFrom: z.string(),
      validUntil: z.string(),
      serverTime: z.string(),
      periodSeconds: z.number().int(),
    }),
  }),
  attendanceMonth: action({
    summary: '月度考勤考核得分：窗口人员只看本人，部门负责人看本部门，效能监督和管理员看全部（可按部门筛选）',
    access: staffRoles,
    input: z.strictObject({ month: monthSchema, departmentId: idSchema.optional() }),
    output: monthHeadSchema.extend({
      scope: z.enum(['self', 'department', 'all']),
      people: z.array(personScoreSchema),
      windows: z.array(windowScoreSchema),
      /** Overdue cases and illegal fees of the month that name no handler (not counted against anyone). */
      unattributed: z.number().int(),
    }),
  }),
  attendanceRecord: action({
    summary: '一名工作人员的月度考勤明细（不填工号为本人；范围同上）',
    access: staffRoles,
    input: z.strictObject({ month: monthSchema, staffNo: z.string().trim().max(12).optional() }),
    output: monthHeadSchema.extend({
      person: personScoreSchema,
      items: z.array(z.object({ date: dateSchema, kind: z.enum(ITEM_KINDS), label: z.string(), points: z.number(), detail: z.string() })),
    }),
  }),
  exportAttendance: action({
    summary: '导出月度考勤考核表（.xlsx，临时链接）：部门负责人本部门，效能监督和管理员全部',
    access: ['dept_lead', 'supervisor', 'admin'],
    input: z.strictObject({ month: monthSchema, departmentId: idSchema.optional() }),
    output: z.object({ url: z.string(), fileName: z.string(), expiresAt: z.string(), rows: z.number().int() }),
  }),
})

/** What a staff action receives: its input as the schema parsed it (defaults filled in). */
export type StaffInput<K extends ActionName<typeof staffContract>> = ParsedInput<typeof staffContract, K>
