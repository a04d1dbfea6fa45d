import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { mobileSchema, personNameSchema, requestIdSchema } from '../domain/booking'
import { isBeijingDate } from '../domain/dates'
import {
  HALF_DAYS,
  MAX_PREFERRED,
  VISIT_ACTIONS,
  VISIT_REASONS,
  VISIT_RELATIONS,
  VISIT_STATES,
  OVERDUE_STAGE_LABELS,
} from '../domain/visit'
import { caseNoSchema } from './case'
import { staffNoSchema } from './inquiry'

export const visitIdSchema = z.string().regex(/^vs-[0-9a-f]{20}$/, '上门服务编号格式不正确')
const dateSchema = z.string().refine(isBeijingDate, '日期格式应为YYYY-MM-DD')
export const visitSlotSchema = z.strictObject({
  date: dateSchema,
  half: z.enum(HALF_DAYS, { error: '请选择上午或下午' }),
})
const noteSchema = (max: number, what: string) => z.string().trim().max(max, `${what}最多${max}个字`)
const reasonTextSchema = z.string().trim().min(4, '请写明原因（至少4个字）').max(200, '原因最多200个字')

const iso = z.string()
const stateSchema = z.enum(VISIT_STATES)
const slotOut = z.object({ date: z.string(), half: z.enum(HALF_DAYS), label: z.string() })

/**
 * One request as its reader may see it. The served person's name, phone and address are in full
 * for the citizen who asked, the department lead and the assigned staff member; a supervisor
 * reads them masked (`masked: true`).
 */
export const visitViewSchema = z.object({
  visitId: visitIdSchema,
  matterId: z.string(),
  matterName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  departmentPhone: z.string(),
  reason: z.enum(VISIT_REASONS),
  reasonLabel: z.string(),
  reasonNote: z.string().optional(),
  relation: z.enum(VISIT_RELATIONS),
  relationLabel: z.string(),
  personName: z.string(),
  personPhone: z.string(),
  contactPhone: z.string().optional(),
  address: z.string(),
  masked: z.boolean(),
  preferred: z.array(slotOut),
  note: z.string().optional(),
  state: stateSchema,
  stateLabel: z.string(),
  submittedAt: iso,
  contactDue: z.string(),
  visitDue: z.string(),
  overdue: z.enum(Object.keys(OVERDUE_STAGE_LABELS) as ['contact', 'visit']).optional(),
  assignee: z.object({ staffNo: z.string(), name: z.string() }).optional(),
  slot: slotOut.optional(),
  rescheduleNote: z.string().optional(),
  declineReason: z.string().optional(),
  /** The matter's materials when the request was made: the checklist of what staff take with them. */
  materials: z.array(z.string()),
  visit: z.object({ at: iso, staffName: z.string(), materials: z.array(z.string()), note: z.string().optional() }).optional(),
  linkedCase: z.object({ caseId: z.string(), caseNo: z.string() }).optional(),
  /** Whether the citizen may apply for the matter online now (the matter allows it, no case is linked, the request did not end unvisited). */
  canApplyOnline: z.boolean(),
  allowedActions: z.array(z.enum(VISIT_ACTIONS)),
})
export type VisitView = z.infer<typeof visitViewSchema>

export const visitSummarySchema = visitViewSchema.pick({
  visitId: true,
  matterName: true,
  departmentName: true,
  personName: true,
  address: true,
  state: true,
  stateLabel: true,
  submittedAt: true,
  contactDue: true,
  visitDue: true,
  overdue: true,
  assignee: true,
  slot: true,
})
export type VisitSummary = z.infer<typeof visitSummarySchema>

const everyone = ROLES
const deptStaff = ['window_staff', 'dept_lead'] as const
const readers = ['window_staff', 'dept_lead', 'supervisor'] as const
const lead = ['dept_lead'] as const

export const VISIT_BOXES = ['open', 'scheduled', 'done'] as const
export type VisitBox = (typeof VISIT_BOXES)[number]

const requestInput = z
  .strictObject({
    matterId: idSchema,
    reason: z.enum(VISIT_REASONS, { error: '请选择申请上门服务的原因' }),
    reasonNote: noteSchema(100, '原因说明').optional(),
    relation: z.enum(VISIT_RELATIONS, { error: '请选择您与被服务人的关系' }),
    personName: personNameSchema,
    personPhone: mobileSchema,
    /** The asker's own phone, when they ask for someone else. */
    contactPhone: mobileSchema.optional(),
    address: z.string().trim().min(6, '请填写详细地址（至少6个字）').max(100, '地址最多100个字'),
    preferred: z
      .array(visitSlotSchema)
      .min(1, '请至少选择一个方便的时间')
      .max(MAX_PREFERRED, `最多选择${MAX_PREFERRED}个时间`)
      .refine((xs) => new Set(xs.map((x) => `${x.date}${x.half}`)).size === xs.length, '时间不能重复'),
    note: noteSchema(200, '备注').optional(),
    requestId: requestIdSchema,
  })
  .refine((v) => v.reason !== 'other' || !!v.reasonNote, { message: '选择「其他」时请写明原因', path: ['reasonNote'] })
  .refine((v) => v.relation === 'self' || !!v.contactPhone, { message: '代他人申请时请留下您的手机号码', path: ['contactPhone'] })

export const visitContract = defineFunction('visit', '上门服务：群众申请、部门负责人派单并约定时间、群众确认、工作人员上门并关联办件', {
  options: action({
    summary: '申请上门服务前：事项是否提供上门服务、可选择的日期（工作日，预约期限内）、原因和关系的选项',
    access: everyone,
    input: z.strictObject({ matterId: idSchema }),
    output: z.object({
      matterId: z.string(),
      matterName: z.string(),
      departmentName: z.string(),
      dates: z.array(z.string()),
      contactWorkingDays: z.number().int(),
      visitWorkingDays: z.number().int(),
      /** The caller's unfinished request for this matter, if any (one at a time). */
      activeVisitId: visitIdSchema.optional(),
    }),
  }),
  request: action({
    summary:
      '申请上门服务（仅限提供上门服务的事项；同一账号同一事项同时只能有一个进行中的申请；同一requestId重复提交返回首次结果）；通知部门负责人',
    access: everyone,
    input: requestInput,
    output: z.object({ visitId: visitIdSchema, state: stateSchema, contactDue: z.string(), visitDue: z.string() }),
  }),
  mine: action({
    summary: '我的上门服务申请（最新在前，最近100条）',
    access: everyone,
    input: noInput,
    output: z.object({ items: z.array(visitSummarySchema) }),
  }),
  get: action({
    summary: '申请人查看自己的一个上门服务申请；他人的申请一律答“未找到”',
    access: everyone,
    input: z.strictObject({ visitId: visitIdSchema }),
    output: visitViewSchema,
  }),
  confirm: action({
    summary: '申请人确认部门安排的上门时间',
    access: everyone,
    input: z.strictObject({ visitId: visitIdSchema }),
    output: visitViewSchema,
  }),
  reschedule: action({
    summary: '申请人申请另约时间（可重新选择方便的时间），由部门负责人重新安排',
    access: everyone,
    input: z.strictObject({
      visitId: visitIdSchema,
      note: noteSchema(200, '说明').optional(),
      preferred: requestInput.shape.preferred.optional(),
    }),
    output: visitViewSchema,
  }),
  cancel: action({
    summary: '申请人在上门前取消申请',
    access: everyone,
    input: z.strictObject({ visitId: visitIdSchema }),
    output: visitViewSchema,
  }),
  inbox: action({
    summary:
      '工作人员的上门服务列表：部门负责人看本部门事项的申请，窗口人员只看派给自己的，效能监督看全部（个人信息脱敏）；open 待派单，scheduled 已派单，done 已结束',
    access: readers,
    input: z.strictObject({
      box: z.enum(VISIT_BOXES).default('open'),
      page: z.number().int().min(1).max(200).default(1),
      pageSize: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ items: z.array(visitSummarySchema), hasMore: z.boolean() }),
  }),
  staffGet: action({
    summary: '工作人员查看一个上门服务申请（本部门负责人、被派单人看完整地址和电话；效能监督看脱敏信息）',
    access: readers,
    input: z.strictObject({ visitId: visitIdSchema }),
    output: visitViewSchema,
  }),
  staffOptions: action({
    summary: '部门负责人派单时可选的本部门工作人员和日期',
    access: lead,
    input: z.strictObject({ visitId: visitIdSchema }),
    output: z.object({
      staff: z.array(z.object({ staffNo: z.string(), name: z.string(), roleLabel: z.string() })),
      dates: z.array(z.string()),
    }),
  }),
  assign: action({
    summary: '部门负责人派单：指定本部门一名工作人员和上门时间（工作日上午或下午），通知申请人确认；已派单的可改派',
    access: lead,
    input: z.strictObject({ visitId: visitIdSchema, staffNo: staffNoSchema, slot: visitSlotSchema }),
    output: visitViewSchema,
  }),
  decline: action({
    summary: '部门负责人说明原因后不予安排上门（告知申请人）',
    access: lead,
    input: z.strictObject({ visitId: visitIdSchema, reason: reasonTextSchema }),
    output: visitViewSchema,
  }),
  record: action({
    summary: '被派单的工作人员登记上门情况：带去的材料（事项材料清单中勾选）、情况说明，可同时按办件编号关联申请人本人本事项的办件',
    access: deptStaff,
    input: z.strictObject({
      visitId: visitIdSchema,
      materials: z.array(z.number().int().min(0).max(49)).max(50),
      note: noteSchema(500, '情况说明').optional(),
      caseNo: caseNoSchema.optional(),
    }),
    output: visitViewSchema,
  }),
  linkCase: action({
    summary: '上门后关联办件：只能关联同一申请人（同一微信账号）同一事项的办件，草稿和已撤回的不能关联',
    access: deptStaff,
    input: z.strictObject({ visitId: visitIdSchema, caseNo: caseNoSchema }),
    output: visitViewSchema,
  }),
})

/** What a visit action receives: its input as the schema parsed it (defaults filled in). */
export type VisitInput<K extends ActionName<typeof visitContract>> = ParsedInput<typeof visitContract, K>
export type VisitRequestInput = z.input<typeof requestInput>
