import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, type ActionName, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { requestIdSchema } from '../domain/booking'
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_PHOTO_MAX,
  COMPLAINT_PHOTO_MAX_BYTES,
  COMPLAINT_PHOTO_TYPES,
  COMPLAINT_RATINGS,
  COMPLAINT_STATES,
  COMPLAINT_SUBJECT_KINDS,
  isValidTrackingNo,
} from '../domain/complaint'
import { staffNoSchema } from './inquiry'
import { typedCode } from '../domain/check-code'

export const complaintIdSchema = z.string().regex(/^cp-[0-9a-f]{20}$/, '投诉记录编号格式不正确')
export const trackingNoSchema = z.string().transform(typedCode).refine(isValidTrackingNo, '投诉编号有误，请核对后重新输入')
const passwordSchema = z
  .string()
  .trim()
  .regex(/^\d{8}$/, '查询密码为8位数字')
const complaintTextSchema = z.string().trim().min(5, '请把投诉内容写清楚（至少5个字）').max(500, '投诉内容最多500个字')
const replyTextSchema = z.string().trim().min(5, '答复至少5个字').max(1000, '答复最多1000个字')
const reasonSchema = z.string().trim().min(4, '请写明原因（至少4个字）').max(200, '原因最多200个字')
/** Base64 of the largest accepted photo (4 characters per 3 bytes), plus padding. */
const BASE64_MAX = Math.ceil(COMPLAINT_PHOTO_MAX_BYTES / 3) * 4
const photoTypeSchema = z.enum(COMPLAINT_PHOTO_TYPES, { error: '只能上传JPEG或PNG图片' })
const fileIdSchema = z.string().regex(/^cloud:\/\/\S{1,300}$/, '文件编号格式不正确')
/** A photo checked and stored by addPhoto or attachPhoto: the id those answered, handed back on submit. */
const photoIdSchema = fileIdSchema
const photoOutputSchema = z.object({ photoId: z.string(), contentType: photoTypeSchema, size: z.number().int() })
/** A photo as the views show it: a URL valid 10 minutes, or none when storage could not issue one. */
const photoViewSchema = z.object({ url: z.string().optional() })
const mobileSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写11位手机号码')

export const complaintAboutSchema = z
  .strictObject({
    kind: z.enum(COMPLAINT_SUBJECT_KINDS, { error: '请选择投诉对象' }),
    caseId: z.string().trim().min(1).max(64).optional(),
    windowId: idSchema.optional(),
    staffNo: staffNoSchema.optional(),
    staffName: z.string().trim().min(2, '请填写工作人员姓名').max(20, '姓名最多20个字').optional(),
  })
  .refine((a) => a.kind !== 'case' || !!a.caseId, { message: '请填写投诉的办件编号', path: ['caseId'] })
  .refine((a) => a.kind !== 'window' || !!a.windowId, { message: '请选择投诉的窗口', path: ['windowId'] })
  .refine((a) => a.kind !== 'staff' || !!a.staffNo || !!a.staffName, { message: '请填写工作人员的工号或姓名', path: ['staffNo'] })
  .refine((a) => (a.kind === 'case' || !a.caseId) && (a.kind === 'window' || !a.windowId), {
    message: '投诉对象与填写的内容不一致',
    path: ['kind'],
  })
  .refine((a) => a.kind === 'staff' || (!a.staffNo && !a.staffName), { message: '投诉对象与填写的内容不一致', path: ['kind'] })

const iso = z.string()
const stateSchema = z.enum(COMPLAINT_STATES)
const ratingSchema = z.object({ rating: z.enum(COMPLAINT_RATINGS), comment: z.string().optional(), at: iso })
/** What the complaint is about, without the case id: the case names its applicant, so only the office sees the link. */
const publicAboutSchema = z.object({
  kind: z.enum(COMPLAINT_SUBJECT_KINDS),
  windowId: z.string().optional(),
  staffNo: z.string().optional(),
  staffName: z.string().optional(),
})

/** The complainant's timeline (track, mine): the stage, its dates and the answers. Never staff-internal notes or who wrote a reply. */
export const complaintTimelineSchema = z.object({
  trackingNo: z.string(),
  about: publicAboutSchema.extend({ caseId: z.string().optional() }),
  text: z.string(),
  anonymous: z.boolean(),
  state: stateSchema,
  stateLabel: z.string(),
  submittedAt: iso,
  decideDue: z.string(),
  decidedAt: iso.optional(),
  notAcceptReason: z.string().optional(),
  resolveDue: z.string().optional(),
  departmentName: z.string().optional(),
  departmentReply: z.object({ text: z.string(), at: iso }).optional(),
  officeReply: z.object({ text: z.string(), at: iso }).optional(),
  resolvedAt: iso.optional(),
  rating: ratingSchema.optional(),
  canRate: z.boolean(),
  photos: z.array(photoViewSchema),
})
export type ComplaintTimeline = z.infer<typeof complaintTimelineSchema>

/**
 * The office's view. No OPENID, no name; a real-name complaint's contact phone masked (139****5678).
 * The case id of a complaint about a case is shown here only.
 */
export const officeComplaintSchema = z.object({
  complaintId: complaintIdSchema,
  about: publicAboutSchema.extend({ caseId: z.string().optional() }),
  /** Phone and ID numbers in the text masked. */
  text: z.string(),
  anonymous: z.boolean(),
  contactPhoneMasked: z.string().optional(),
  state: stateSchema,
  stateLabel: z.string(),
  submittedAt: iso,
  decideDue: z.string(),
  resolveDue: z.string().optional(),
  overdue: z.boolean(),
  departmentId: z.string().optional(),
  departmentName: z.string().optional(),
  notAcceptReason: z.string().optional(),
  transferNote: z.string().optional(),
  departmentReply: z.object({ text: z.string(), at: iso, staffNo: z.string() }).optional(),
  officeReply: z.object({ text: z.string(), at: iso }).optional(),
  rating: ratingSchema.optional(),
  photoCount: z.number().int(),
  /** A real-name complaint with a contact phone: the office may read the full number (revealPhone, audited). */
  canRevealPhone: z.boolean(),
  allowedActions: z.array(z.enum(COMPLAINT_ACTIONS)),
})
export type OfficeComplaint = z.infer<typeof officeComplaintSchema>

/** A department's view: what it must answer, nothing about who complained and no case link. */
export const departmentComplaintSchema = z.object({
  complaintId: complaintIdSchema,
  about: publicAboutSchema,
  text: z.string(),
  state: stateSchema,
  stateLabel: z.string(),
  transferredAt: iso,
  resolveDue: z.string(),
  overdue: z.boolean(),
  transferNote: z.string().optional(),
  departmentReply: z.object({ text: z.string(), at: iso, staffNo: z.string() }).optional(),
  photoCount: z.number().int(),
  allowedActions: z.array(z.enum(COMPLAINT_ACTIONS)),
})
export type DepartmentComplaint = z.infer<typeof departmentComplaintSchema>

/** One complaint for staff (get): the office's view or the department's, with the photos' URLs. */
export const staffComplaintSchema = z.discriminatedUnion('view', [
  officeComplaintSchema.extend({ view: z.literal('office'), photos: z.array(photoViewSchema) }),
  departmentComplaintSchema.extend({ view: z.literal('department'), photos: z.array(photoViewSchema) }),
])
export type StaffComplaint = z.infer<typeof staffComplaintSchema>

const everyone = ROLES
const office = ['supervisor'] as const
const deptStaff = ['window_staff', 'dept_lead'] as const

export const complaintContract = defineFunction(
  'complaint',
  '投诉（中心办公室）：提交、受理、转办、答复、办结与评价；匿名投诉凭编号和查询密码查询',
  {
    submit: action({
      summary:
        '提交投诉（实名或匿名）：中心办公室5个工作日内决定是否受理；匿名投诉只在此时返回一次查询密码；同一requestId重复提交返回首次结果',
      access: everyone,
      input: z
        .strictObject({
          about: complaintAboutSchema,
          text: complaintTextSchema,
          anonymous: z.boolean(),
          contactPhone: mobileSchema.optional(),
          /** Photos from addPhoto / attachPhoto, the caller's own. */
          photos: z.array(photoIdSchema).max(COMPLAINT_PHOTO_MAX, `最多${COMPLAINT_PHOTO_MAX}张照片`).default([]),
          requestId: requestIdSchema,
        })
        .refine((v) => !(v.anonymous && v.contactPhone), { message: '匿名投诉不留联系电话', path: ['contactPhone'] }),
      output: z.object({
        trackingNo: z.string(),
        state: stateSchema,
        decideDue: z.string(),
        /** Anonymous only: the 8-digit query password. It is kept as a keyed hash and cannot be shown again. */
        password: z.string().optional(),
      }),
    }),
    addPhoto: action({
      summary: '为将要提交的投诉上传一张照片（JPEG或PNG，不超过2MB，按文件内容识别类型，私有存储）；提交时带上返回的photoId，最多3张',
      access: everyone,
      input: z.strictObject({
        contentType: photoTypeSchema,
        dataBase64: z
          .string()
          .min(8, '图片内容为空')
          .max(BASE64_MAX, '图片不能超过2MB')
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, '图片内容编码不正确'),
      }),
      output: photoOutputSchema,
    }),
    photoTarget: action({
      summary: '小程序直传投诉照片的存储路径（云调用只能携带约100KB，照片先用 wx.cloud.uploadFile 上传到此路径，再调用attachPhoto）',
      access: everyone,
      input: z.strictObject({}),
      output: z.object({ cloudPath: z.string() }),
    }),
    attachPhoto: action({
      summary: '登记已直传的投诉照片：读取后按内容和大小检查，合格的存为投诉照片并返回photoId，不合格的被删除',
      access: everyone,
      input: z.strictObject({ fileId: fileIdSchema, contentType: photoTypeSchema }),
      output: photoOutputSchema,
    }),
    mine: action({
      summary: '我的实名投诉（最新在前，最近100条）；匿名投诉不在此列，凭投诉编号和查询密码查询',
      access: everyone,
      input: z.strictObject({}),
      output: z.object({ items: z.array(complaintTimelineSchema) }),
    }),
    track: action({
      summary:
        '查询投诉进度：本人的实名投诉凭投诉编号，匿名投诉凭投诉编号和查询密码；编号或密码不对一律答“未找到”；每个账号每小时失败5次后暂停查询',
      access: everyone,
      input: z.strictObject({ trackingNo: trackingNoSchema, password: passwordSchema.optional() }),
      output: complaintTimelineSchema,
    }),
    rateAnswer: action({
      summary: '投诉人评价办结答复（满意、基本满意、不满意，可附意见），只能评一次',
      access: everyone,
      input: z.strictObject({
        trackingNo: trackingNoSchema,
        password: passwordSchema.optional(),
        rating: z.enum(COMPLAINT_RATINGS, { error: '请选择满意、基本满意或不满意' }),
        comment: z.string().trim().max(200, '意见最多200个字').optional(),
      }),
      output: z.object({ trackingNo: z.string(), rating: z.enum(COMPLAINT_RATINGS) }),
    }),
    inbox: action({
      summary: '中心办公室的投诉列表：可按状态筛选、只看超期（受理期限或办结期限已过）',
      access: office,
      input: z.strictObject({
        state: stateSchema.optional(),
        overdue: z.boolean().default(false),
        page: z.number().int().min(1).max(200).default(1),
        pageSize: z.number().int().min(1).max(50).default(20),
      }),
      output: z.object({ items: z.array(officeComplaintSchema), hasMore: z.boolean() }),
    }),
    decide: action({
      summary: '中心办公室决定：受理、不予受理（须写明原因，告知实名投诉人）或转部门办理（转办即受理，办结期限自受理日起10个工作日）',
      access: office,
      input: z
        .strictObject({
          complaintId: complaintIdSchema,
          decision: z.enum(['accept', 'notAccept', 'transfer'], { error: '请选择受理、不予受理或转办' }),
          reason: reasonSchema.optional(),
          departmentId: idSchema.optional(),
          /** Instructions to the department; never shown to the complainant. */
          note: z.string().trim().max(200, '转办说明最多200个字').optional(),
        })
        .refine((v) => v.decision !== 'notAccept' || !!v.reason, { message: '不予受理须写明原因', path: ['reason'] })
        .refine((v) => v.decision !== 'transfer' || !!v.departmentId, { message: '请选择转办的部门', path: ['departmentId'] })
        .refine((v) => v.decision === 'transfer' || (!v.departmentId && !v.note), {
          message: '只有转办需要选择部门',
          path: ['departmentId'],
        }),
      output: officeComplaintSchema,
    }),
    resolve: action({
      summary: '中心办公室办结投诉并作最终答复（已受理或部门已答复后）',
      access: office,
      input: z.strictObject({ complaintId: complaintIdSchema, reply: replyTextSchema }),
      output: officeComplaintSchema,
    }),
    get: action({
      summary:
        '工作人员查看一件投诉（含照片链接≤10分钟）：中心办公室看全部，转办部门的工作人员看本部门的；被投诉人本人及其他人一律答“未找到”',
      access: [...office, ...deptStaff],
      input: z.strictObject({ complaintId: complaintIdSchema }),
      output: staffComplaintSchema,
    }),
    revealPhone: action({
      summary: '中心办公室查看实名投诉人的完整联系电话：须写明原因，每次查看都记入审计（谁、何时、为何）；匿名投诉没有电话',
      access: office,
      input: z.strictObject({ complaintId: complaintIdSchema, reason: reasonSchema }),
      output: z.object({ phone: z.string() }),
    }),
    departmentList: action({
      summary: '转到本部门的投诉（被投诉的工作人员本人看不到针对自己的投诉）',
      access: deptStaff,
      input: z.strictObject({ state: z.enum(['transferred', 'replied']).optional() }),
      output: z.object({ items: z.array(departmentComplaintSchema) }),
    }),
    reply: action({
      summary: '承办部门答复转办的投诉（一次），答复后由中心办公室办结',
      access: deptStaff,
      input: z.strictObject({ complaintId: complaintIdSchema, text: replyTextSchema }),
      output: departmentComplaintSchema,
    }),
  },
)

/** What a complaint action receives: its input as the schema parsed it (defaults filled in). */
export type ComplaintInput<K extends ActionName<typeof complaintContract>> = ParsedInput<typeof complaintContract, K>
