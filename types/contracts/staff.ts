import { z } from '../zod'
import { STAFF_ROLES } from '../roles'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { dateSchema } from './appointment'

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
  signedInAt: z.string(),
  signedOutAt: z.string().optional(),
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
    summary: '上岗签到（可注明所在窗口）',
    access: staffRoles,
    input: z.strictObject({ windowId: idSchema.optional() }),
    output: shiftSchema,
  }),
  signOut: action({
    summary: '下岗签退',
    access: staffRoles,
    input: noInput,
    output: shiftSchema.extend({ signedOutAt: z.string(), minutes: z.number().int() }),
  }),
  myShifts: action({
    summary: '我今天的签到签退记录',
    access: staffRoles,
    input: noInput,
    output: z.object({ date: dateSchema, shifts: z.array(shiftSchema), onDuty: z.boolean() }),
  }),
})

/** What a staff action receives: its input as the schema parsed it (defaults filled in). */
export type StaffInput<K extends ActionName<typeof staffContract>> = ParsedInput<typeof staffContract, K>
