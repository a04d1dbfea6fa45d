import { z } from '../zod'
import { ROLES } from '../roles'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { idSchema, MATERIAL_FORMS, MATTER_KINDS } from '../domain/catalog'
import { CASE_ACTIONS, CASE_STATES } from '../domain/case-machine'
import { caseIdSchema, isValidCaseNumber } from '../domain/case-number'
import { typedCode } from '../domain/check-code'
import { MATERIAL_CONTENT_TYPES, MATERIAL_MAX_BYTES } from '../domain/case-material'
import { supplementItemsSchema } from '../domain/case-supplement'
import { formFieldSchema } from '../domain/matter-form'
import { mobileSchema, personNameSchema, requestIdSchema } from '../domain/booking'
import { profileSchema } from '../domain/profile'
import { assistIdSchema } from '../domain/assist'
import { chargedFeeSchema } from '../domain/supervision-lights'
import { FOLLOW_SCOPES, followerIdSchema, followerNicknameSchema, inviteCodeSchema } from '../domain/follow'
import { isValidQueryCode, LOOKUP_STAGES, normaliseQueryCode } from '../domain/lookup'
export { caseIdSchema }

/**
 * 代家人申请: the account holder applies for a family member (the applicant block is theirs) and
 * says how they are related; an empty string on save clears it (the account holder applies for themselves).
 */
export const onBehalfRelationSchema = z.string().trim().max(10, '关系最多10个字')
export const caseNoSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidCaseNumber, '办件编号不正确，请核对')
/** 查询码: 12 digits, spaces and dashes ignored; the last is a check digit, so a typo is answered before any lookup. */
export const queryCodeSchema = z
  .string()
  .max(30, '查询码为12位数字')
  .transform(normaliseQueryCode)
  .refine(isValidQueryCode, '查询码不正确，请核对（12位数字，在申请人的办件详情页）')
export const libraryIdSchema = z.string().regex(/^mt-[0-9a-f]{20}$/, '材料编号格式不正确')
const materialIndexSchema = z.number().int().min(0).max(50)
const noteSchema = z.string().trim().min(1).max(300, '备注最多300个字')

/** How the citizen receives the result: at the unified window (统一窗口出件) or by post. */
export const deliverySchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('pickup') }),
  z.strictObject({
    method: z.literal('mail'),
    recipient: personNameSchema,
    phone: mobileSchema,
    address: z.string().trim().min(5, '请填写详细地址').max(100, '地址最多100个字'),
  }),
])
export type Delivery = z.infer<typeof deliverySchema>
/** The delivery as a case view shows it: the same shape, but masked (张*, 139****5678) in the masked view. */
const deliveryViewSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pickup') }),
  z.object({ method: z.literal('mail'), recipient: z.string(), phone: z.string(), address: z.string() }),
])

/** Form values as sent; the matter's own schema (formSchemaOf) checks them on the server. */
export const formValuesSchema = z.record(z.string().max(32), z.union([z.string().max(1000), z.number()]))

const iso = z.string()
const fileViewSchema = z.object({
  libraryId: libraryIdSchema,
  fileName: z.string(),
  contentType: z.enum(MATERIAL_CONTENT_TYPES),
  size: z.number().int(),
  /** Temporary download URL (≤ 10 minutes), issued after the access check. */
  url: z.string().optional(),
})
const actorSchema = z.object({ role: z.enum(['applicant', ...ROLES]), staffNo: z.string().optional() })

/** A due date moved by a change of the working-day calendar (the old and new date, and why). */
export const deadlineChangeSchema = z.object({ at: iso, from: z.string(), to: z.string(), reason: z.string() })
export type DeadlineChange = z.infer<typeof deadlineChangeSchema>

export const caseViewSchema = z.object({
  caseId: caseIdSchema,
  caseNo: z.string(),
  matterId: idSchema,
  matterName: z.string(),
  matterKind: z.enum(MATTER_KINDS),
  departmentId: idSchema,
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  /** Whole for the owner and the department's staff; masked for supervisors. */
  applicant: z.object({
    name: z.string(),
    idNumber: z.string(),
    idNumberMasked: z.string(),
    phone: z.string(),
    address: z.string().optional(),
  }),
  /** Whole for the owner and the department's staff; masked by field type for supervisors (masking.ts maskForm). */
  form: formValuesSchema,
  formFields: z.array(formFieldSchema),
  delivery: deliveryViewSchema,
  /** 查询码: the owner only. With the case number, the name and a last 4 it answers a relative's lookup. */
  queryCode: queryCodeSchema.optional(),
  materials: z.array(
    z.object({ index: z.number().int(), name: z.string(), required: z.boolean(), uploadable: z.boolean(), files: z.array(fileViewSchema) }),
  ),
  /** The open or latest supplement request (补正告知). */
  supplement: z
    .object({
      round: z.number().int(),
      items: z.array(z.object({ target: z.string(), problem: z.string() })),
      note: z.string().optional(),
      requestedAt: iso,
    })
    .optional(),
  deadline: z
    .object({
      acceptedOn: z.string(),
      limitDays: z.number().int(),
      dueDate: z.string(),
      workingDaysLeft: z.number().int(),
      overdue: z.boolean(),
      paused: z.boolean(),
      /** Computed on a year whose holidays are not announced yet (working-days.ts PROVISIONAL_NOTE). */
      provisional: z.boolean(),
      /** The legal limit's date (法定时限), for staff and supervisors only. */
      legalDueDate: z.string().optional(),
    })
    .optional(),
  /** Before acceptance: the matter's promised limit in working days, which starts counting at acceptance. */
  promisedLimitDays: z.number().int().optional(),
  /** 代家人申请: the account holder applied for the applicant, who is their 「relation」. */
  onBehalf: z.object({ relation: z.string() }).optional(),
  /**
   * 预计办结 of an accepted, undecided case (types/domain/prediction.ts): acceptance plus the
   * matter's 80th percentile plus paused days, never after the promised date; `passed` once today
   * is later, when the app offers 催办.
   */
  prediction: z
    .object({ date: z.string(), typicalDays: z.number().int(), mostDays: z.number().int(), sample: z.number().int(), passed: z.boolean() })
    .optional(),
  /** Each time the working-day calendar moved the promised date: part of the timeline. */
  deadlineChanges: z.array(deadlineChangeSchema),
  subtasks: z
    .array(
      z.object({
        departmentId: idSchema,
        departmentName: z.string(),
        done: z.boolean(),
        doneAt: iso.optional(),
        staffNo: z.string().optional(),
      }),
    )
    .optional(),
  result: z
    .object({
      decision: z.enum(['approved', 'rejected']).optional(),
      reason: z.string().optional(),
      /** The code only the applicant sees; the window checks it when handing the result over. */
      pickup: z
        .object({ code: z.string().optional(), windowName: z.string(), windowNumber: z.number().int(), location: z.string() })
        .optional(),
      mail: z.object({ address: z.string(), trackingNo: z.string(), carrier: z.string() }).optional(),
    })
    .optional(),
  timeline: z.array(
    z.object({
      seq: z.number().int(),
      action: z.enum(CASE_ACTIONS),
      label: z.string(),
      from: z.enum(CASE_STATES),
      to: z.enum(CASE_STATES),
      actor: actorSchema,
      at: iso,
      note: z.string().optional(),
      internal: z.boolean(),
    }),
  ),
  /** The transitions the caller may take now: the page shows exactly these buttons. */
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  /** A 联办件 department that may mark its own sub-task done. */
  canCompleteSubtask: z.boolean(),
  createdAt: iso,
  submittedAt: iso.optional(),
})
export type CaseView = z.infer<typeof caseViewSchema>

export const caseSummarySchema = z.object({
  caseId: caseIdSchema,
  caseNo: z.string(),
  /** The matter applied for (a draft is resumed by matter, not by its name, which a catalog edit may change). */
  matterId: idSchema,
  matterName: z.string(),
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  applicantName: z.string(),
  updatedAt: iso,
  submittedAt: iso.optional(),
  dueDate: z.string().optional(),
  workingDaysLeft: z.number().int().optional(),
  /** The due date is computed on a year whose holidays are not announced yet. */
  dueProvisional: z.boolean().optional(),
  overdue: z.boolean(),
})
export type CaseSummary = z.infer<typeof caseSummarySchema>

const fileSchema = z.object({
  libraryId: libraryIdSchema,
  fileName: z.string(),
  contentType: z.enum(MATERIAL_CONTENT_TYPES),
  size: z.number().int(),
})
/** Base64 of the largest accepted file (4 characters per 3 bytes), plus padding. */
const BASE64_MAX = Math.ceil(MATERIAL_MAX_BYTES / 3) * 4

const everyone = ROLES
const caseStaff = ['window_staff', 'dept_lead', 'supervisor'] as const
const deptStaff = ['window_staff', 'dept_lead'] as const

/** Pickup information for a relative or a lookup: where and which window, never the pickup code. */
const pickupPlaceSchema = z.object({ windowName: z.string(), windowNumber: z.number().int(), location: z.string() })

/** A followed case in the relative's list: the applicant's list entry (the name already masked, 张*) without the submission time. */
export const followedCaseSummarySchema = caseSummarySchema
  .omit({ submittedAt: true, workingDaysLeft: true })
  .extend({ followerId: followerIdSchema, readyForPickup: z.boolean() })
export type FollowedCaseSummary = z.infer<typeof followedCaseSummarySchema>

/** What a bound relative reads (types/domain/follow.ts says what is left out and why). */
export const followedCaseViewSchema = z.object({
  caseId: caseIdSchema,
  caseNo: z.string(),
  matterName: z.string(),
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  applicantName: z.string(),
  deadline: z
    .object({ dueDate: z.string(), workingDaysLeft: z.number().int(), overdue: z.boolean(), paused: z.boolean(), provisional: z.boolean() })
    .optional(),
  deadlineChanges: z.array(deadlineChangeSchema),
  pickup: pickupPlaceSchema.optional(),
  /** The steps without notes; internal steps are left out. */
  timeline: z.array(
    z.object({
      seq: z.number().int(),
      action: z.enum(CASE_ACTIONS),
      label: z.string(),
      from: z.enum(CASE_STATES),
      to: z.enum(CASE_STATES),
      actor: actorSchema,
      at: iso,
    }),
  ),
  submittedAt: iso.optional(),
  updatedAt: iso,
})
export type FollowedCaseView = z.infer<typeof followedCaseViewSchema>

/** The public lookup's answer: coarse progress only. */
export const lookupResultSchema = z.object({
  caseNo: z.string(),
  matterName: z.string(),
  stage: z.enum(LOOKUP_STAGES),
  stageLabel: z.string(),
  submittedAt: iso.optional(),
  dueDate: z.string().optional(),
  dueProvisional: z.boolean().optional(),
  overdue: z.boolean(),
  readyForPickup: z.boolean(),
  pickup: pickupPlaceSchema.optional(),
})
export type LookupResult = z.infer<typeof lookupResultSchema>

export const caseContract = defineFunction('case', '网上申请与办件：草稿、材料、补正、受理、办理、出件与进度', {
  applicationForm: action({
    summary: '事项的网上申请表：表单字段与材料清单（同一套规则在页面和服务端校验）',
    access: 'anyone',
    input: z.strictObject({ matterId: idSchema }),
    output: z.object({
      matterId: idSchema,
      matterName: z.string(),
      kind: z.enum(MATTER_KINDS),
      onlineApplication: z.boolean(),
      formFields: z.array(formFieldSchema),
      materials: z.array(
        z.object({
          index: z.number().int(),
          name: z.string(),
          form: z.enum(MATERIAL_FORMS),
          required: z.boolean(),
          uploadable: z.boolean(),
          notes: z.string().optional(),
        }),
      ),
    }),
  }),
  createDraft: action({
    summary:
      '新建申请草稿（申请人信息可由常用信息预填；帮办员代填的申请带assistId，每个帮办申请只生成一个办件）；同一requestId重复提交返回首次结果',
    access: everyone,
    input: z.strictObject({
      matterId: idSchema,
      applicant: profileSchema.strict(),
      form: formValuesSchema.default({}),
      delivery: deliverySchema.default({ method: 'pickup' }),
      /** The 帮办代办 request whose prepared application this is: the case is written once per request. */
      assistId: assistIdSchema.optional(),
      relation: onBehalfRelationSchema.optional(),
      requestId: requestIdSchema,
    }),
    output: z.object({ caseId: caseIdSchema, caseNo: z.string() }),
  }),
  saveDraft: action({
    summary: '保存草稿或补正中的表单、申请人与领取方式；答复仍缺的内容',
    access: everyone,
    input: z.strictObject({
      caseId: caseIdSchema,
      applicant: profileSchema.strict().optional(),
      form: formValuesSchema.optional(),
      delivery: deliverySchema.optional(),
      relation: onBehalfRelationSchema.optional(),
    }),
    output: z.object({ caseId: caseIdSchema, missing: z.array(z.string()) }),
  }),
  uploadMaterial: action({
    summary: '上传一份材料（JPEG、PNG或PDF，不超过2MB，按文件内容识别类型），同时存入我的材料库',
    access: everyone,
    input: z.strictObject({
      caseId: caseIdSchema,
      materialIndex: materialIndexSchema,
      fileName: z.string().trim().min(1).max(80, '文件名最多80个字'),
      contentType: z.enum(MATERIAL_CONTENT_TYPES, { error: '只能上传JPEG、PNG图片或PDF文件' }),
      dataBase64: z
        .string()
        .min(8, '文件内容为空')
        .max(BASE64_MAX, '文件不能超过2MB')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容编码不正确'),
    }),
    output: fileSchema,
  }),
  uploadTarget: action({
    summary: '小程序直传材料的存储路径（云调用只能携带约100KB，材料文件先用 wx.cloud.uploadFile 上传到此路径）',
    access: everyone,
    input: z.strictObject({ caseId: caseIdSchema, materialIndex: materialIndexSchema }),
    output: z.object({ cloudPath: z.string() }),
  }),
  attachUploaded: action({
    summary: '登记已直传的材料：读取文件按内容和大小检查后记入办件和我的材料库，不合格的文件被删除',
    access: everyone,
    input: z.strictObject({
      caseId: caseIdSchema,
      materialIndex: materialIndexSchema,
      fileId: z.string().regex(/^cloud:\/\/\S{1,300}$/, '文件编号格式不正确'),
      fileName: z.string().trim().min(1).max(80, '文件名最多80个字'),
      contentType: z.enum(MATERIAL_CONTENT_TYPES, { error: '只能上传JPEG、PNG图片或PDF文件' }),
    }),
    output: fileSchema,
  }),
  attachFromLibrary: action({
    summary: '把我材料库中的一份材料用于本次申请（避免二次提交）',
    access: everyone,
    input: z.strictObject({ caseId: caseIdSchema, materialIndex: materialIndexSchema, libraryId: libraryIdSchema }),
    output: fileSchema,
  }),
  removeMaterial: action({
    summary: '从草稿或补正中的申请移除一份材料（材料库保留）',
    access: everyone,
    input: z.strictObject({ caseId: caseIdSchema, materialIndex: materialIndexSchema, libraryId: libraryIdSchema }),
    output: z.object({ caseId: caseIdSchema, removed: z.literal(true) }),
  }),
  myMaterials: action({
    summary: '我的材料库：以前上传过的材料，可再次使用',
    access: everyone,
    input: noInput,
    output: z.object({ items: z.array(fileSchema.extend({ materialName: z.string(), createdAt: iso, url: z.string().optional() })) }),
  }),
  deleteMaterial: action({
    summary: '从我的材料库删除一份材料；已提交的申请仍保留它，文件不再被任何申请使用时一并删除',
    access: everyone,
    input: z.strictObject({ libraryId: libraryIdSchema }),
    output: z.object({ libraryId: libraryIdSchema, fileDeleted: z.boolean() }),
  }),
  myCases: action({
    summary: '我的办件（最新在前）',
    access: everyone,
    input: z.strictObject({ state: z.enum(CASE_STATES).optional() }),
    output: z.object({ cases: z.array(caseSummarySchema) }),
  }),
  getCase: action({
    summary: '办件详情：进度、时限、材料（临时链接≤10分钟）与可进行的操作；工作人员查看留痕',
    access: everyone,
    input: z.strictObject({ caseId: caseIdSchema }),
    output: caseViewSchema,
  }),
  act: action({
    summary: '按状态表推进办件：申请人提交、补正、撤回；工作人员预审、补正告知、受理（记录受理窗口）、办理、办结（记录实收费用）、出件',
    access: everyone,
    input: z
      .strictObject({
        caseId: caseIdSchema,
        transition: z.enum(CASE_ACTIONS),
        note: noteSchema.optional(),
        /** Staff-only notes: never shown to the citizen. */
        internal: z.boolean().default(false),
        items: supplementItemsSchema.optional(),
        reason: z.string().trim().min(4, '请写明不予办理的理由和依据').max(300).optional(),
        // As the applicant reads it out or shows it: spaces, dashes and full-width digits are fine.
        pickupCode: z
          .string()
          .transform(typedCode)
          .pipe(z.string().regex(/^\d{6}$/, '取件码为6位数字'))
          .optional(),
        mail: z
          .strictObject({
            trackingNo: z
              .string()
              .trim()
              .regex(/^[A-Za-z0-9]{8,30}$/, '运单号格式不正确'),
            carrier: z.string().trim().min(2).max(20).default('EMS'),
            address: z.string().trim().min(5).max(100).optional(),
          })
          .optional(),
        /** 受理: the window the case is accepted at, when the staff member serves more than one (else their own window). */
        windowId: idSchema.optional(),
        /** 办结 (准予办结, 即办办结): the fee charged, in yuan, or free; checked against the catalogue's fee standard. */
        fee: chargedFeeSchema.optional(),
      })
      .superRefine((v, ctx) => {
        const need = (ok: unknown, path: string, message: string) => {
          if (!ok) ctx.addIssue({ code: 'custom', path: [path], message })
        }
        if (v.transition === 'requestSupplement') need(v.items, 'items', '请列出需要补正的全部事项（一次性告知）')
        if (v.transition === 'reject') need(v.reason, 'reason', '请写明不予办理的理由和依据')
        if (v.transition === 'mail') need(v.mail, 'mail', '请填写邮寄运单号')
        if (v.transition === 'approve' || v.transition === 'completeImmediately') need(v.fee, 'fee', '请填写收费金额，不收费请选择免费')
      }),
    output: z.object({ caseId: caseIdSchema, state: z.enum(CASE_STATES) }),
  }),
  completeSubtask: action({
    summary: '联办件：本部门的子任务办结',
    access: deptStaff,
    input: z.strictObject({ caseId: caseIdSchema, note: noteSchema.optional() }),
    output: z.object({ caseId: caseIdSchema, subtasks: z.array(z.object({ departmentId: idSchema, done: z.boolean() })) }),
  }),
  worklist: action({
    summary: '工作人员：本部门的办件（效能监督可看全部），可按状态、临近到期、已超期筛选',
    access: caseStaff,
    input: z.strictObject({
      state: z.enum(CASE_STATES).exclude(['draft']).optional(),
      due: z.enum(['soon', 'overdue']).optional(),
      departmentId: idSchema.optional(),
      page: z.number().int().min(1).max(200).default(1),
      pageSize: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ items: z.array(caseSummarySchema.extend({ departmentId: idSchema })), hasMore: z.boolean() }),
  }),
  createFollowInvite: action({
    summary: '亲属代查：申请人把一件办件（或全部办件）分享给亲属，生成24小时内有效的一次性邀请码和分享卡片',
    access: everyone,
    input: z
      .strictObject({ caseId: caseIdSchema.optional(), all: z.literal(true).optional() })
      .refine((v) => (v.caseId === undefined) !== (v.all === undefined), { message: '请选择分享一件办件或全部办件', path: ['caseId'] }),
    output: z.object({
      code: inviteCodeSchema,
      scope: z.enum(FOLLOW_SCOPES),
      caseId: caseIdSchema.optional(),
      expiresAt: iso,
      /** For onShareAppMessage: the card's title and the page it opens. */
      share: z.object({ title: z.string(), path: z.string() }),
    }),
  }),
  acceptFollowInvite: action({
    summary: '亲属代查：亲属接受邀请，以自己的微信身份关注办件（每个邀请码只能使用一次）',
    access: everyone,
    input: z.strictObject({ code: inviteCodeSchema, nickname: followerNicknameSchema.optional() }),
    output: z.object({
      followerId: followerIdSchema,
      scope: z.enum(FOLLOW_SCOPES),
      caseId: caseIdSchema.optional(),
      applicantName: z.string(),
    }),
  }),
  listFollowers: action({
    summary: '亲属代查：申请人查看谁在关注我的办件（可按办件筛选）',
    access: everyone,
    input: z.strictObject({ caseId: caseIdSchema.optional() }),
    output: z.object({
      followers: z.array(
        z.object({
          followerId: followerIdSchema,
          scope: z.enum(FOLLOW_SCOPES),
          caseId: caseIdSchema.optional(),
          caseNo: z.string().optional(),
          matterName: z.string().optional(),
          /** What the relative calls themselves (self-declared), or 亲友. */
          nickname: z.string(),
          since: iso,
        }),
      ),
    }),
  }),
  revokeFollower: action({
    summary: '亲属代查：申请人随时取消某位亲属的关注，取消后对方看不到办件、也不再收到通知',
    access: everyone,
    input: z.strictObject({ followerId: followerIdSchema }),
    output: z.object({ followerId: followerIdSchema, revoked: z.literal(true) }),
  }),
  followedCases: action({
    summary: '亲属代查：我关注的家人办件',
    access: everyone,
    input: noInput,
    output: z.object({ cases: z.array(followedCaseSummarySchema) }),
  }),
  followedCase: action({
    summary: '亲属代查：关注的办件进度（环节、时限、领取地点；不含个人信息、材料和取件码）',
    access: everyone,
    input: z.strictObject({ caseId: caseIdSchema }),
    output: followedCaseViewSchema,
  }),
  resetQueryCode: action({
    summary: '申请人：换一个查询码（旧码立即失效，已告诉的人需用新码查询）',
    access: everyone,
    input: z.strictObject({ caseId: caseIdSchema }),
    output: z.object({ queryCode: z.string() }),
  }),
  lookup: action({
    summary:
      '进度查询（需微信身份，无需关注授权）：凭办件编号、查询码、申请人姓名和证件号或手机号后四位查询粗略进度；每个微信用户（及设备）每小时最多失败5次，他人查错不影响本人查询',
    /** Needs an OPENID (checked in the action, the budget's key) but no role. */
    access: 'anyone',
    input: z.strictObject({
      caseNo: caseNoSchema,
      queryCode: queryCodeSchema,
      name: z.string().trim().min(1, '请填写申请人姓名').max(20, '姓名最多20个字'),
      idLast4: z
        .string()
        .trim()
        .transform((s) => s.toUpperCase())
        .pipe(z.string().regex(/^\d{3}[\dX]$/, '请填写证件号或手机号的后四位')),
      /**
       * A random id the client keeps for this install, where it has one: a second failure budget,
       * so switching accounts on one browser does not buy more guesses. Never identity: it only
       * ever refuses, and any client may leave it out or change it.
       */
      deviceId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,64}$/, '设备标识格式不正确')
        .optional(),
    }),
    output: lookupResultSchema,
  }),
})

/** What a case action receives: its input as the schema parsed it (defaults filled in). */
export type CaseInput<K extends ActionName<typeof caseContract>> = ParsedInput<typeof caseContract, K>
