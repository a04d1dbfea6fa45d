import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, type ActionName, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { requestIdSchema } from '../domain/booking'
import { ASSIST_ACTIONS, ASSIST_REASONS, ASSIST_STATES, assistIdSchema } from '../domain/assist'
import { formValuesSchema } from './case'

const mobileSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写11位手机号码')
const detailSchema = z.string().trim().min(5, '请说明需要帮什么（至少5个字）').max(300, '最多300个字')
const noteSchema = z.string().trim().min(5, '请写明情况（至少5个字）').max(300, '最多300个字')

const iso = z.string()
const stateSchema = z.enum(ASSIST_STATES)
const staffRefSchema = z.object({ staffNo: z.string(), name: z.string() })

/** The person served, when a relative asks for them (an elderly parent): name and phone for the helper's call. */
const forOtherSchema = z.strictObject({
  relation: z.string().trim().min(1, '请填写与您的关系').max(10, '关系最多10个字'),
  name: z.string().trim().min(2, '请填写姓名').max(20, '姓名最多20个字'),
  phone: mobileSchema,
})

export const assistViewSchema = z.object({
  assistId: assistIdSchema,
  matterId: idSchema.optional(),
  /** The matter's name, or 「其他事项」 for a general request. */
  matterName: z.string(),
  departmentName: z.string().optional(),
  reason: z.enum(ASSIST_REASONS),
  reasonLabel: z.string(),
  detail: z.string(),
  /** Masked (张*, 139****5678) for everyone but the requester and the helper who owns the request. */
  contactPhone: z.string(),
  forOther: z.object({ relation: z.string(), name: z.string(), phone: z.string() }).optional(),
  state: stateSchema,
  stateLabel: z.string(),
  requestedAt: iso,
  claimDue: z.string(),
  overdue: z.boolean(),
  owner: staffRefSchema.optional(),
  claimedAt: iso.optional(),
  /** The application the helper prepared: the form values the citizen checks before submitting. */
  prepared: z.object({ form: formValuesSchema, note: z.string(), at: iso }).optional(),
  /** The case the citizen submitted from the prepared application. */
  caseId: z.string().optional(),
  closedAt: iso.optional(),
  result: z.string().optional(),
  history: z.array(
    z.object({ kind: z.enum(['requested', 'claimed', 'prepared', 'confirmed', 'closed', 'cancelled']), at: iso, label: z.string() }),
  ),
  allowedActions: z.array(z.enum(ASSIST_ACTIONS)),
})
export type AssistView = z.infer<typeof assistViewSchema>

const answerSchema = z.object({ assistId: assistIdSchema, state: stateSchema })

const everyone = ROLES
const desk = ['window_staff', 'dept_lead', 'supervisor'] as const

export const assistContract = defineFunction(
  'assist',
  '帮办代办：群众申请帮办，中心办公室或帮办窗口认领（首问负责制），代填申请由群众确认提交',
  {
    request: action({
      summary:
        '申请帮办代办（可为家人申请）：中心办公室1个工作日内认领并联系；同一事项只能有一个进行中的申请；同一requestId重复提交返回首次结果',
      access: everyone,
      input: z.strictObject({
        matterId: idSchema.optional(),
        reason: z.enum(ASSIST_REASONS, { error: '请选择需要帮办的原因' }),
        detail: detailSchema,
        contactPhone: mobileSchema,
        forOther: forOtherSchema.optional(),
        requestId: requestIdSchema,
      }),
      output: z.object({ assistId: assistIdSchema, state: stateSchema, claimDue: z.string() }),
    }),
    mine: action({
      summary: '我的帮办申请（最新在前，最近50条）',
      access: everyone,
      input: z.strictObject({}),
      output: z.object({ items: z.array(assistViewSchema) }),
    }),
    get: action({
      summary: '查看一条帮办申请：申请人本人，或帮办窗口与中心办公室的工作人员',
      access: everyone,
      input: z.strictObject({ assistId: assistIdSchema }),
      output: assistViewSchema,
    }),
    cancel: action({
      summary: '申请人取消帮办申请（提交申请前）',
      access: everyone,
      input: z.strictObject({ assistId: assistIdSchema }),
      output: answerSchema,
    }),
    inbox: action({
      summary: '帮办工作台：待认领（最早的在前）、我负责的',
      access: desk,
      input: z.strictObject({ box: z.enum(['unclaimed', 'mine']) }),
      output: z.object({ items: z.array(assistViewSchema) }),
    }),
    claim: action({
      summary: '认领帮办申请（首问负责制：认领人负责到底），之后可看到完整联系电话',
      access: desk,
      input: z.strictObject({ assistId: assistIdSchema }),
      output: answerSchema,
    }),
    prepare: action({
      summary: '为申请人代填网上申请表（可网上申请的事项），申请人核对后从本人账号提交；可再次修改',
      access: desk,
      input: z.strictObject({ assistId: assistIdSchema, form: formValuesSchema, note: noteSchema }),
      output: answerSchema,
    }),
    close: action({
      summary: '认领人办结帮办申请，写明办理情况',
      access: desk,
      input: z.strictObject({ assistId: assistIdSchema, result: noteSchema }),
      output: answerSchema,
    }),
  },
)

export type AssistInput<K extends ActionName<typeof assistContract>> = ParsedInput<typeof assistContract, K>
