import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, noInput, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { requestIdSchema } from '../domain/booking'
import {
  LIGHTS,
  LOOP_ACTIONS,
  LOOP_STATES,
  RATING_CHANNELS,
  RATING_KINDS,
  RATING_LEVELS,
  RATING_TAGS,
  RATING_TEXT_MAX,
  STAGES,
} from '../domain/rating'

export const ratingIdSchema = z.string().regex(/^rt-[0-9a-f]{20}$/, '评价编号格式不正确')
/** A case id, a ticket id (`20260921-A-12`) or an inquiry id. */
const objectIdSchema = z.string().regex(/^[A-Za-z0-9_-]{3,64}$/, '评价对象编号格式不正确')
const levelSchema = z.enum(RATING_LEVELS, { error: '请选择满意程度' })
const kindSchema = z.enum(RATING_KINDS, { error: '评价对象类型不正确' })
const tagsSchema = z.array(z.enum(RATING_TAGS, { error: '评价标签不正确' })).max(9, '最多选择9项')
const textSchema = z.string().trim().max(RATING_TEXT_MAX, `评价内容最多${RATING_TEXT_MAX}个字`)
const noteSchema = z.string().trim().min(5, '请写明情况（至少5个字）').max(300, '最多300个字')
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM')
const iso = z.string()

const stateSchema = z.enum(LOOP_STATES)
const lightSchema = z.enum(LIGHTS)
const dueSchema = z.object({ stage: z.enum(STAGES), startedOn: z.string(), dueDate: z.string(), light: lightSchema })

/** The object a rating is about, as both sides see it: never the rater. */
const objectFields = {
  objectKind: kindSchema,
  objectId: objectIdSchema,
  channel: z.enum(RATING_CHANNELS),
  /** What was served: the matter's name (an inquiry: its topic). */
  title: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  windowId: idSchema.optional(),
  /** 办件编号 or the ticket's number: what the rater recognises. */
  reference: z.string().optional(),
  finishedAt: iso,
}

export const invitationViewSchema = z.object({
  ...objectFields,
  /** The tags the rater may pick for a satisfied rating; a 差评 adds the common reasons. */
  tags: z.array(z.string()),
  badTags: z.array(z.string()),
  /** From this date a 基本满意 is recorded on the rater's behalf. */
  defaultOn: z.string(),
})

const timelineEntrySchema = z.object({
  kind: z.enum([
    'rated',
    'verified',
    'replied',
    'extension_requested',
    'extension_decided',
    'appealed',
    'appeal_decided',
    'followed_up',
    'closed',
  ]),
  at: iso,
  label: z.string(),
  /** What the department told the rater (回访, 整改反馈) and the office's decision. */
  text: z.string().optional(),
})

export const ratingSummarySchema = z.object({
  ratingId: ratingIdSchema,
  ...objectFields,
  level: levelSchema,
  levelLabel: z.string(),
  score: z.number().int(),
  tags: z.array(z.string()),
  isDefault: z.boolean(),
  bad: z.boolean(),
  ratedAt: iso,
  /** The 差评's loop, when it is one. */
  state: stateSchema.optional(),
  stateLabel: z.string().optional(),
})

export const raterViewSchema = ratingSummarySchema.extend({
  text: z.string(),
  timeline: z.array(timelineEntrySchema),
  followUp: z.object({ level: levelSchema, levelLabel: z.string(), text: z.string(), at: iso }).optional(),
  /** The last day a follow-up is accepted, once the department replied. */
  followUpUntil: z.string().optional(),
  allowedActions: z.array(z.enum(LOOP_ACTIONS)),
})
export type RaterView = z.infer<typeof raterViewSchema>

/**
 * A 差评 as the department and the centre office see it: no OPENID, no name, no phone; the text
 * with numbers masked. Rating the service must not expose the rater to whom it is about.
 */
export const staffBadViewSchema = z.object({
  ratingId: ratingIdSchema,
  ...objectFields,
  /** The window staff member who served a ticket (staff number only). */
  servedBy: z.string().optional(),
  level: levelSchema,
  levelLabel: z.string(),
  tags: z.array(z.string()),
  text: z.string(),
  ratedAt: iso,
  state: stateSchema,
  stateLabel: z.string(),
  due: dueSchema.optional(),
  extension: z
    .object({ days: z.number().int(), reason: z.string(), status: z.enum(['pending', 'approved', 'rejected']), dueBefore: z.string() })
    .optional(),
  appeal: z.object({ kind: z.string(), reason: z.string(), status: z.enum(['pending', 'upheld', 'rejected']) }).optional(),
  timeline: z.array(timelineEntrySchema.extend({ staffNo: z.string().optional() })),
  followUp: z.object({ level: levelSchema, levelLabel: z.string(), text: z.string(), at: iso }).optional(),
  allowedActions: z.array(z.enum(LOOP_ACTIONS)),
})
export type StaffBadView = z.infer<typeof staffBadViewSchema>

const loopAnswerSchema = z.object({ ratingId: ratingIdSchema, state: stateSchema, due: dueSchema.optional() })

const statsRowSchema = z.object({
  departmentId: idSchema,
  departmentName: z.string(),
  /** Set on the per-window rows (hall ratings only). */
  windowId: idSchema.optional(),
  ratings: z.number().int(),
  active: z.number().int(),
  defaults: z.number().int(),
  /** 主动评价率 = active / all. */
  activeRate: z.number(),
  /** Over active ratings only: 好评 = 非常满意, 满意, 基本满意; 差评 = 不满意, 非常不满意 (upheld appeals excluded). */
  goodRate: z.number(),
  badRate: z.number(),
  bad: z.number().int(),
  /** 差评 whose reply came by its due date, and those still waiting. */
  badHandledOnTime: z.number().int(),
  badOpen: z.number().int(),
  /** 误评/恶意差评 the office upheld: not counted as 差评. */
  invalid: z.number().int(),
  averageScore: z.number(),
  topTags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
})

/** Anyone signed in may rate what they were served; staff are citizens too when they apply. */
const citizens = ROLES
const deptStaff = ['window_staff', 'dept_lead'] as const
const office = ['supervisor'] as const

export const ratingContract = defineFunction('rating', '好差评：办件、窗口服务与咨询的评价，差评核实整改闭环与统计', {
  pending: action({
    summary: '我可以评价的服务（办结的办件、办完的取号、已答复的咨询），未评价的满7天记为基本满意',
    access: citizens,
    input: noInput,
    output: z.object({ items: z.array(invitationViewSchema) }),
  }),
  rate: action({
    summary:
      '评价一项服务：每人每项只评一次（同时提交只有一次生效）；差评须至少选一项原因并写明问题（至少5个字）；同一requestId重复提交返回首次结果',
    access: citizens,
    input: z.strictObject({
      objectKind: kindSchema,
      objectId: objectIdSchema,
      level: levelSchema,
      tags: tagsSchema.default([]),
      text: textSchema.default(''),
      requestId: requestIdSchema,
    }),
    output: z.object({ ratingId: ratingIdSchema, level: levelSchema, bad: z.boolean(), state: stateSchema.optional() }),
  }),
  myRatings: action({
    summary: '我的评价（最新在前，最近100条）',
    access: citizens,
    input: noInput,
    output: z.object({ items: z.array(ratingSummarySchema) }),
  }),
  getRating: action({
    summary: '评价人查看自己的评价与差评处理进度（回访、整改反馈、审核结果）',
    access: citizens,
    input: z.strictObject({ ratingId: ratingIdSchema }),
    output: raterViewSchema,
  }),
  followUp: action({
    summary: '追评：部门整改反馈后15天内可追评一次，追评后差评办结',
    access: citizens,
    input: z.strictObject({
      ratingId: ratingIdSchema,
      level: levelSchema,
      text: z.string().trim().min(1, '请输入追评内容').max(RATING_TEXT_MAX),
    }),
    output: loopAnswerSchema,
  }),
  departmentBad: action({
    summary:
      '本部门的差评工单（期限与红黄灯，最紧急的在前：超期、临期、正常，同灯按期限先后）；不显示评价人身份；效能监督可看全部或指定部门；可按状态、灯和环节筛选（环节decide即待中心办公室审核的延期和申诉）',
    access: [...deptStaff, ...office],
    input: z.strictObject({
      departmentId: idSchema.optional(),
      state: stateSchema.optional(),
      light: lightSchema.optional(),
      stage: z.enum(STAGES, { error: '环节不正确' }).optional(),
    }),
    output: z.object({ items: z.array(staffBadViewSchema) }),
  }),
  badRating: action({
    summary: '一条差评工单的详情（处理记录与可进行的操作）；本部门只看本部门的，效能监督可看全部；不显示评价人身份',
    access: [...deptStaff, ...office],
    input: z.strictObject({ ratingId: ratingIdSchema }),
    output: staffBadViewSchema,
  }),
  verify: action({
    summary: '部门核实差评并回访评价人（写明回访情况），默认1个工作日内',
    access: deptStaff,
    input: z.strictObject({ ratingId: ratingIdSchema, note: noteSchema }),
    output: loopAnswerSchema,
  }),
  reply: action({
    summary: '部门整改并反馈评价人，默认10个工作日内',
    access: deptStaff,
    input: z.strictObject({ ratingId: ratingIdSchema, text: noteSchema }),
    output: loopAnswerSchema,
  }),
  requestExtension: action({
    summary: '申请延期整改（每条差评一次，最多15个工作日，写明原因），由中心办公室审核',
    access: deptStaff,
    input: z.strictObject({ ratingId: ratingIdSchema, days: z.number().int().min(1, '至少延期1个工作日').max(30), reason: noteSchema }),
    output: loopAnswerSchema,
  }),
  appeal: action({
    summary: '申诉：误评、恶意差评或无法整改，写明理由，由中心办公室3个工作日内审核',
    access: deptStaff,
    input: z.strictObject({ ratingId: ratingIdSchema, kind: z.enum(['mistaken', 'malicious', 'impossible']), reason: noteSchema }),
    output: loopAnswerSchema,
  }),
  decideExtension: action({
    summary: '中心办公室审核延期申请',
    access: office,
    input: z.strictObject({ ratingId: ratingIdSchema, approve: z.boolean(), note: z.string().trim().max(300).optional() }),
    output: loopAnswerSchema,
  }),
  decideAppeal: action({
    summary: '中心办公室审核申诉：成立则为无效差评，不成立退回部门继续整改',
    access: office,
    input: z.strictObject({ ratingId: ratingIdSchema, uphold: z.boolean(), note: noteSchema }),
    output: loopAnswerSchema,
  }),
  stats: action({
    summary: '月度评价统计（按部门和窗口）：评价数、主动评价率、好评率、差评率（只计主动评价）、差评按期整改数、常见标签；不含工作人员姓名',
    access: 'anyone',
    input: z.strictObject({ month: monthSchema, departmentId: idSchema.optional() }),
    output: z.object({ month: z.string(), departments: z.array(statsRowSchema), windows: z.array(statsRowSchema) }),
  }),
})

export type RatingInput<K extends keyof typeof ratingContract.actions> = ParsedInput<typeof ratingContract, K>
