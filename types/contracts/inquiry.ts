import { z } from '../zod'
import { caseIdSchema } from '../domain/case-number'
import { ROLES } from '../roles'
import { action, defineFunction, type ActionName, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { requestIdSchema } from '../domain/booking'
import { DUE_LEVELS, INQUIRY_ACTIONS, INQUIRY_IMAGE_MAX_BYTES, INQUIRY_IMAGE_TYPES, INQUIRY_STATES } from '../domain/inquiry'

export const inquiryIdSchema = z.string().regex(/^iq-[0-9a-f]{20}$/, '咨询编号格式不正确')
export const faqIdSchema = z.string().regex(/^fq-[0-9a-f]{20}$/, '常见问题编号格式不正确')
export const staffNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,12}$/, '工号格式不正确')
const questionSchema = z.string().trim().min(5, '请把问题描述清楚（至少5个字）').max(500, '问题最多500个字')
const messageTextSchema = z.string().trim().min(1, '请输入内容').max(1000, '每条消息最多1000个字')
const reasonSchema = z.string().trim().min(4, '请写明原因（至少4个字）').max(200, '原因最多200个字')
const faqTextSchema = z.string().trim().min(5, '内容至少5个字').max(1000, '内容最多1000个字')
/** Base64 of the largest accepted image (4 characters per 3 bytes), plus padding. */
const BASE64_MAX = Math.ceil(INQUIRY_IMAGE_MAX_BYTES / 3) * 4

const iso = z.string()
const stateSchema = z.enum(INQUIRY_STATES)
const dueSchema = z.object({ dueDate: z.string(), level: z.enum(DUE_LEVELS) })
const staffRefSchema = z.object({ staffNo: z.string(), name: z.string() })

export const inquirySummarySchema = z.object({
  inquiryId: inquiryIdSchema,
  topic: z.string(),
  matterId: idSchema.optional(),
  matterName: z.string().optional(),
  /** The case a 催办 is about. */
  caseNo: z.string().optional(),
  departmentId: idSchema,
  departmentName: z.string(),
  state: stateSchema,
  stateLabel: z.string(),
  /** Masked (张*): the list may be seen over a shoulder. */
  askerName: z.string().optional(),
  owner: staffRefSchema.optional(),
  askedAt: iso,
  lastMessageAt: iso,
  /** Set while a reply is awaited. */
  due: dueSchema.optional(),
  rated: z.boolean(),
})
export type InquirySummary = z.infer<typeof inquirySummarySchema>

export const inquiryViewSchema = inquirySummarySchema.extend({
  question: z.string(),
  images: z.array(
    z.object({ imageId: z.string(), contentType: z.enum(INQUIRY_IMAGE_TYPES), size: z.number().int(), url: z.string().optional() }),
  ),
  messages: z.array(
    z.object({ seq: z.number().int(), from: z.enum(['asker', 'staff']), staff: staffRefSchema.optional(), text: z.string(), at: iso }),
  ),
  /** Claims, transfers, reassignments and closing (全程留痕); the reasons are shown to staff only. */
  history: z.array(
    z.object({
      kind: z.enum(['asked', 'claimed', 'transferred', 'reassigned', 'closed', 'resolved']),
      at: iso,
      staffNo: z.string().optional(),
      departmentId: idSchema.optional(),
      toDepartmentId: idSchema.optional(),
      toStaffNo: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
  rating: z.object({ score: z.number().int(), comment: z.string().optional(), at: iso }).optional(),
  /** Near/overdue flags the deadline sweep wrote (staff only). */
  flags: z.array(z.object({ level: z.enum(['near', 'overdue']), dueDate: z.string(), at: iso })).optional(),
  /** The actions the caller may take now: the page shows exactly these buttons. */
  allowedActions: z.array(z.enum(INQUIRY_ACTIONS)),
})
export type InquiryView = z.infer<typeof inquiryViewSchema>

export const faqEntrySchema = z.object({
  faqId: faqIdSchema,
  matterId: idSchema.optional(),
  question: z.string(),
  answer: z.string(),
  publishedAt: iso,
})
export type FaqEntry = z.infer<typeof faqEntrySchema>

const ownershipSchema = z.object({
  inquiryId: inquiryIdSchema,
  state: stateSchema,
  departmentId: idSchema,
  owner: staffRefSchema.optional(),
})

const everyone = ROLES
const deptStaff = ['window_staff', 'dept_lead'] as const
const inboxStaff = ['window_staff', 'dept_lead', 'supervisor'] as const

export const inquiryContract = defineFunction('inquiry', '咨询（首问负责制）：提问、认领、转交、改派、对话、评价与常见问题', {
  ask: action({
    summary:
      '提问：关于某事项（转该事项的部门）、催办自己的办件（转办理该件的部门）或一般问题（转中心办公室）；答复时限默认1个工作日；同一requestId重复提交返回首次结果',
    access: everyone,
    input: z.strictObject({
      matterId: idSchema.optional(),
      /** 催办: the asker's own case; the question goes to the department handling it. */
      caseId: caseIdSchema.optional(),
      question: questionSchema,
      requestId: requestIdSchema,
    }),
    output: z.object({
      inquiryId: inquiryIdSchema,
      departmentId: idSchema,
      departmentName: z.string(),
      state: stateSchema,
      dueDate: z.string(),
    }),
  }),
  addImage: action({
    summary: '提问人为咨询添加一张图片（JPEG或PNG，不超过2MB，最多3张，按文件内容识别类型，私有存储）',
    access: everyone,
    input: z.strictObject({
      inquiryId: inquiryIdSchema,
      contentType: z.enum(INQUIRY_IMAGE_TYPES, { error: '只能上传JPEG或PNG图片' }),
      dataBase64: z
        .string()
        .min(8, '图片内容为空')
        .max(BASE64_MAX, '图片不能超过2MB')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, '图片内容编码不正确'),
    }),
    output: z.object({ imageId: z.string(), contentType: z.enum(INQUIRY_IMAGE_TYPES), size: z.number().int(), count: z.number().int() }),
  }),
  imageTarget: action({
    summary: '小程序直传图片的存储路径（云调用只能携带约100KB，图片先用 wx.cloud.uploadFile 上传到此路径）',
    access: everyone,
    input: z.strictObject({ inquiryId: inquiryIdSchema }),
    output: z.object({ cloudPath: z.string() }),
  }),
  attachImage: action({
    summary: '登记已直传的图片：读取后按内容和大小检查，不合格的被删除',
    access: everyone,
    input: z.strictObject({
      inquiryId: inquiryIdSchema,
      fileId: z.string().regex(/^cloud:\/\/\S{1,300}$/, '文件编号格式不正确'),
      contentType: z.enum(INQUIRY_IMAGE_TYPES, { error: '只能上传JPEG或PNG图片' }),
    }),
    output: z.object({ imageId: z.string(), contentType: z.enum(INQUIRY_IMAGE_TYPES), size: z.number().int(), count: z.number().int() }),
  }),
  myInquiries: action({
    summary: '我的咨询（最新在前，最近100条）',
    access: everyone,
    input: z.strictObject({ state: stateSchema.optional() }),
    output: z.object({ items: z.array(inquirySummarySchema) }),
  }),
  getInquiry: action({
    summary: '咨询详情与对话：提问人本人、所在部门工作人员和效能监督可看；图片链接≤10分钟',
    access: everyone,
    input: z.strictObject({ inquiryId: inquiryIdSchema }),
    output: inquiryViewSchema,
  }),
  sendMessage: action({
    summary: '发一条消息：提问人追问，或负责人回复（每次回复通知提问人）；结束后不能再发；同一requestId只发一次',
    access: everyone,
    input: z.strictObject({ inquiryId: inquiryIdSchema, text: messageTextSchema, requestId: requestIdSchema }),
    output: z.object({ inquiryId: inquiryIdSchema, seq: z.number().int(), state: stateSchema }),
  }),
  claim: action({
    summary: '认领本部门待受理的咨询（首问负责制：先认领者负责，同时认领只有一人成功）',
    access: deptStaff,
    input: z.strictObject({ inquiryId: inquiryIdSchema }),
    output: ownershipSchema,
  }),
  transfer: action({
    summary: '负责人转交：转到其他部门（待该部门认领）或本部门的同事，须写明原因（留痕）',
    access: deptStaff,
    input: z
      .strictObject({
        inquiryId: inquiryIdSchema,
        reason: reasonSchema,
        toDepartmentId: idSchema.optional(),
        toStaffNo: staffNoSchema.optional(),
      })
      .refine((v) => (v.toDepartmentId === undefined) !== (v.toStaffNo === undefined), {
        message: '请选择转交的部门或同事（二选一）',
        path: ['toDepartmentId'],
      }),
    output: ownershipSchema,
  }),
  reassign: action({
    summary: '改派负责人：部门负责人在本部门内，效能监督可跨部门；须写明原因（留痕）',
    access: ['dept_lead', 'supervisor'],
    input: z.strictObject({ inquiryId: inquiryIdSchema, toStaffNo: staffNoSchema, reason: reasonSchema }),
    output: ownershipSchema,
  }),
  close: action({
    summary: '工作人员结束咨询（负责人或部门负责人），须写明原因',
    access: deptStaff,
    input: z.strictObject({ inquiryId: inquiryIdSchema, reason: reasonSchema }),
    output: z.object({ inquiryId: inquiryIdSchema, state: z.literal('closed') }),
  }),
  resolve: action({
    summary: '提问人确认问题已解决，咨询结束',
    access: everyone,
    input: z.strictObject({ inquiryId: inquiryIdSchema }),
    output: z.object({ inquiryId: inquiryIdSchema, state: z.literal('closed') }),
  }),
  rate: action({
    summary: '提问人评价答复（1–5分，只能评一次，回复后可评）',
    access: everyone,
    input: z.strictObject({
      inquiryId: inquiryIdSchema,
      score: z.number({ error: '请选择1到5分' }).int('请选择1到5分').min(1, '请选择1到5分').max(5, '请选择1到5分'),
      comment: z.string().trim().max(200, '评价最多200个字').optional(),
    }),
    output: z.object({ inquiryId: inquiryIdSchema, score: z.number().int() }),
  }),
  inbox: action({
    summary: '工作人员收件箱：本部门待受理、我负责的、临近或已超期（部门负责人看本部门，效能监督看全部）',
    access: inboxStaff,
    input: z.strictObject({
      box: z.enum(['unclaimed', 'mine', 'overdue']),
      departmentId: idSchema.optional(),
      page: z.number().int().min(1).max(200).default(1),
      pageSize: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ items: z.array(inquirySummarySchema), hasMore: z.boolean() }),
  }),
  publishFaq: action({
    summary: '把答复发布到事项的常见问题：服务端去除身份证号、电话号码和姓名；同一咨询再次发布即更新',
    access: deptStaff,
    input: z.strictObject({ inquiryId: inquiryIdSchema, question: faqTextSchema.optional(), answer: faqTextSchema.optional() }),
    output: faqEntrySchema.extend({
      removed: z.object({ idNumbers: z.number().int(), phones: z.number().int(), names: z.number().int() }),
    }),
  }),
  unpublishFaq: action({
    summary: '撤下本部门的一条常见问题',
    access: deptStaff,
    input: z.strictObject({ faqId: faqIdSchema }),
    output: z.object({ faqId: faqIdSchema, removed: z.literal(true) }),
  }),
  faqForMatter: action({
    summary: '事项的常见问题（事项详情页展示）',
    access: 'anyone',
    input: z.strictObject({ matterId: idSchema }),
    output: z.object({ items: z.array(faqEntrySchema) }),
  }),
  suggestFaq: action({
    summary: '输入问题时匹配的常见问题（可限定事项）',
    access: 'anyone',
    input: z.strictObject({ matterId: idSchema.optional(), q: z.string().trim().min(2, '至少输入2个字').max(100, '最多100个字') }),
    output: z.object({ items: z.array(faqEntrySchema) }),
  }),
})

/** What a inquiry action receives: its input as the schema parsed it (defaults filled in). */
export type InquiryInput<K extends ActionName<typeof inquiryContract>> = ParsedInput<typeof inquiryContract, K>
