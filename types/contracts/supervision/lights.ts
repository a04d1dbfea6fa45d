import { z } from '../../zod'
import { idSchema } from '../../domain/catalog'
import { LIGHTS, VIOLATION_CATEGORIES, VIOLATION_CODES, VIOLATION_STATUSES } from '../../domain/supervision-lights'
import { action, type ActionContract } from '../contract'
import { caseIdSchema } from '../case'

/** A violation's id: `<caseId>:<code>` or `<caseId>:<code>:<n>`. */
export const violationIdSchema = z.string().regex(/^cs-[0-9a-f]{20}:[a-z_]{3,40}(:\d{1,6})?$/, '违规记录编号格式不正确')

const iso = z.string()
const reasonSchema = z.object({ code: z.string(), label: z.string(), detail: z.string() })

/** A lit case as the lists show it: the light and every reason, never the applicant. */
export const lightItemSchema = z.object({
  caseId: caseIdSchema,
  caseNo: z.string(),
  matterName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  light: z.enum(LIGHTS),
  lightLabel: z.string(),
  reasons: z.array(reasonSchema),
  dueDate: z.string().optional(),
  handlerStaffNo: z.string().optional(),
  redSince: iso.optional(),
  yellowSince: iso.optional(),
  updatedAt: iso,
  open: z.boolean(),
})
export type LightItem = z.infer<typeof lightItemSchema>

export const violationViewSchema = z.object({
  violationId: violationIdSchema,
  caseId: caseIdSchema,
  caseNo: z.string(),
  matterName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  code: z.enum(VIOLATION_CODES),
  label: z.string(),
  category: z.enum(VIOLATION_CATEGORIES),
  detail: z.string(),
  staffNo: z.string().optional(),
  detectedAt: iso,
  status: z.enum(VIOLATION_STATUSES),
  statusLabel: z.string(),
  appeal: z
    .object({
      reason: z.string(),
      by: z.object({ staffNo: z.string(), role: z.string() }),
      at: iso,
      decision: z.enum(['upheld', 'dismissed']).optional(),
      note: z.string().optional(),
      decidedBy: z.object({ staffNo: z.string() }).optional(),
      decidedAt: iso.optional(),
    })
    .optional(),
  /** The caller may appeal it (the department: its lead or the staff member whose step it was) or decide its appeal (the centre office). */
  canAppeal: z.boolean(),
  canDecide: z.boolean(),
})
export type ViolationView = z.infer<typeof violationViewSchema>

const paging = {
  page: z.number().int().min(1).max(200).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
}
/** Who watches lights: the centre office and director everywhere, a lead their department, window staff the cases they handle. */
const watchers = ['window_staff', 'dept_lead', 'supervisor', 'admin'] as const

/** 效能监督 — 灯色与违规：红黄灯、违规发现与误报申诉. Spread into the supervision contract (types/contracts/supervision.ts). */
export const lightActions = {
  lightList: action({
    summary: '红黄灯办件：在办的红灯、黄灯办件及全部原因（可按部门、灯色筛选；部门负责人只看本部门，窗口人员只看自己经办的）',
    access: watchers,
    input: z.strictObject({ light: z.enum(['red', 'yellow']).optional(), departmentId: idSchema.optional(), ...paging }),
    output: z.object({ items: z.array(lightItemSchema), hasMore: z.boolean() }),
  }),
  violationList: action({
    summary: '违规记录：办理超时、违规受理、流程错误、违规收费（可按部门、类别、状态筛选，最新在前）',
    access: watchers,
    input: z.strictObject({
      departmentId: idSchema.optional(),
      category: z.enum(VIOLATION_CATEGORIES).optional(),
      status: z.enum(VIOLATION_STATUSES).optional(),
      ...paging,
    }),
    output: z.object({ items: z.array(violationViewSchema), hasMore: z.boolean() }),
  }),
  caseLight: action({
    summary: '一件办件的灯色、全部原因与违规记录（含申诉与监督决定）',
    access: watchers,
    input: z.strictObject({ caseId: caseIdSchema }),
    output: z.object({ light: lightItemSchema.optional(), violations: z.array(violationViewSchema) }),
  }),
  appealViolation: action({
    summary: '部门对误报的违规提出申诉（部门负责人或经办人，写明理由；每条违规申诉一次）',
    access: ['window_staff', 'dept_lead'],
    input: z.strictObject({
      violationId: violationIdSchema,
      reason: z.string().trim().min(5, '请写明申诉理由（至少5个字）').max(300, '申诉理由最多300个字'),
    }),
    output: violationViewSchema,
  }),
  decideAppeal: action({
    summary: '效能监督对申诉作出决定：维持（违规成立）或撤销（误报，不再计入，重新计算灯色）',
    access: ['supervisor'],
    input: z.strictObject({
      violationId: violationIdSchema,
      decision: z.enum(['upheld', 'dismissed']),
      note: z.string().trim().min(2, '请写明决定理由').max(300, '决定理由最多300个字'),
    }),
    output: violationViewSchema,
  }),
} satisfies Record<string, ActionContract>
