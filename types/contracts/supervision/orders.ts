import { z } from '../../zod'
import { requestIdSchema } from '../../domain/booking'
import { idSchema } from '../../domain/catalog'
import {
  ESCALATION_CAUSES,
  ORDER_ACTIONS,
  ORDER_FILTERS,
  ORDER_OBJECT_KINDS,
  ORDER_STATES,
  ORDER_STEP_KINDS,
} from '../../domain/supervision-orders'
import { action, type ActionContract } from '../contract'
import { caseIdSchema } from '../case'
import { complaintIdSchema } from '../complaint'
import { ratingIdSchema } from '../rating'

export const orderIdSchema = z.string().regex(/^so-[0-9a-f]{20}$/, '督办单编号格式不正确')

const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `请写明${what}（至少${min}个字）`).max(max, `${what}最多${max}个字`)

/** What an order is about, as the office names it: a case, a rating or a complaint by id, or a pattern (no single object). */
export const orderObjectInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('case'), caseId: caseIdSchema }),
    z.strictObject({ kind: z.literal('rating'), ratingId: ratingIdSchema }),
    z.strictObject({ kind: z.literal('complaint'), complaintId: complaintIdSchema }),
    z.strictObject({ kind: z.literal('pattern') }),
  ],
  { error: '请选择督办对象' },
)
export type OrderObjectInput = z.input<typeof orderObjectInput>

/**
 * The object as an order shows it. A case: its number and matter, never the applicant. A rating
 * or a complaint: what it is about, never who rated or complained.
 */
export const orderObjectSchema = z.object({
  kind: z.enum(ORDER_OBJECT_KINDS),
  kindLabel: z.string(),
  /** The case, rating or complaint id (none for a pattern). */
  id: z.string().optional(),
  /** One line naming it: 护照签发 · 办件 2026…, 差评：…, 对窗口的投诉. */
  title: z.string(),
  caseNo: z.string().optional(),
  matterName: z.string().optional(),
})
export type OrderObjectView = z.infer<typeof orderObjectSchema>

const iso = z.string()
const who = z.object({ staffNo: z.string(), name: z.string() })

export const orderStepSchema = z.object({
  kind: z.enum(ORDER_STEP_KINDS),
  label: z.string(),
  at: iso,
  /** Who took the step; none for the system (an automatic order, a 通报). */
  by: who.optional(),
  text: z.string().optional(),
  dueDate: z.string().optional(),
})

export const orderViewSchema = z.object({
  orderId: orderIdSchema,
  object: orderObjectSchema,
  departmentId: z.string(),
  departmentName: z.string(),
  reason: z.string(),
  requirement: z.string(),
  auto: z.boolean(),
  issuedAt: iso,
  issuedBy: who.optional(),
  dueDate: z.string(),
  state: z.enum(ORDER_STATES),
  stateLabel: z.string(),
  overdue: z.boolean(),
  reply: z.object({ text: z.string(), at: iso, by: who, late: z.boolean() }).optional(),
  sendBack: z.object({ reason: z.string(), at: iso }).optional(),
  closeNote: z.string().optional(),
  escalation: z.object({ at: iso, cause: z.enum(ESCALATION_CAUSES), causeLabel: z.string() }).optional(),
  steps: z.array(orderStepSchema),
  allowedActions: z.array(z.enum(ORDER_ACTIONS)),
})
export type OrderView = z.infer<typeof orderViewSchema>

export const orderSummarySchema = orderViewSchema.pick({
  orderId: true,
  object: true,
  departmentName: true,
  reason: true,
  auto: true,
  issuedAt: true,
  dueDate: true,
  state: true,
  stateLabel: true,
  overdue: true,
  escalation: true,
})
export type OrderSummary = z.infer<typeof orderSummarySchema>

const office = ['supervisor'] as const
const lead = ['dept_lead'] as const
/** The office and the director (admin: 通报 go to them) read every department's orders; a lead their own department's. */
const readers = ['dept_lead', 'supervisor', 'admin'] as const

/** 效能监督 — 督办：督办单、回复、办结、退回与通报. Spread into the supervision contract (types/contracts/supervision.ts). */
export const orderActions = {
  orderDraft: action({
    summary: '发出督办前：督办对象（办件只显示办件编号和事项，评价、投诉不显示评价人、投诉人）、应督办的部门和默认期限',
    access: office,
    input: z.strictObject({ object: orderObjectInput }),
    output: z.object({
      object: orderObjectSchema,
      /** The department the object belongs to; none for a pattern (the office picks it). */
      departmentId: z.string().optional(),
      departmentName: z.string().optional(),
      replyWorkingDays: z.number().int(),
      maxWorkingDays: z.number().int(),
      defaultDueDate: z.string(),
      /** An order about the object that is not closed yet: a second is refused. */
      openOrderId: orderIdSchema.optional(),
    }),
  }),
  issueOrder: action({
    summary:
      '效能监督发出督办单：对象（办件、差评、投诉或共性问题）、部门、事由、要求、回复期限（默认5个工作日，可在设置中修改）；同一对象同时只能有一张未办结的督办单；通知部门负责人',
    access: office,
    input: z.strictObject({
      object: orderObjectInput,
      /** Required for a pattern; for an object, its own department (another is refused). */
      departmentId: idSchema.optional(),
      reason: text(4, 200, '督办事由'),
      requirement: text(4, 300, '整改要求'),
      /** Working days to reply; the policy's default without it. */
      workingDays: z.number().int().min(1).max(30).optional(),
      requestId: requestIdSchema,
    }),
    output: orderViewSchema,
  }),
  listOrders: action({
    summary:
      '督办单列表：待回复（含退回）、待核查、已办结、通报；待回复的超期在前。部门负责人只看本部门的，效能监督和中心主任看全部（可按部门筛选）',
    access: readers,
    input: z.strictObject({
      filter: z.enum(ORDER_FILTERS).default('open'),
      departmentId: idSchema.optional(),
      page: z.number().int().min(1).max(200).default(1),
      pageSize: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ items: z.array(orderSummarySchema), hasMore: z.boolean() }),
  }),
  getOrder: action({
    summary: '查看一张督办单和处理记录；部门负责人只能查看本部门的',
    access: readers,
    input: z.strictObject({ orderId: orderIdSchema }),
    output: orderViewSchema,
  }),
  replyOrder: action({
    summary: '被督办部门的负责人回复整改情况；超过期限回复的记为超期回复并通报（每张督办单只通报一次）；通知效能监督核查',
    access: lead,
    input: z.strictObject({ orderId: orderIdSchema, text: text(10, 500, '整改情况') }),
    output: orderViewSchema,
  }),
  closeOrder: action({
    summary: '效能监督核查部门回复后办结督办单（核查意见选填）；通知部门负责人',
    access: office,
    input: z.strictObject({ orderId: orderIdSchema, note: z.string().trim().max(200, '核查意见最多200个字').optional() }),
    output: orderViewSchema,
  }),
  sendBackOrder: action({
    summary: '效能监督核查后退回重办：写明原因，可延长回复期限（已过期限时必须延长）；通知部门负责人',
    access: office,
    input: z.strictObject({
      orderId: orderIdSchema,
      reason: text(4, 200, '退回原因'),
      extendDays: z.number().int().min(0).max(30).default(0),
    }),
    output: orderViewSchema,
  }),
} satisfies Record<string, ActionContract>
