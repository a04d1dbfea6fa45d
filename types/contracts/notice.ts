import { z } from '../zod'
import { action, defineFunction, noInput, type ActionName, type ActionOutput, type ParsedInput } from './contract'
import { idSchema } from '../domain/catalog'
import { requestIdSchema } from '../domain/booking'
import {
  NOTICE_AUDIENCES,
  NOTICE_CATEGORIES,
  NOTICE_FILE_TYPES,
  NOTICE_IMAGE_TYPES,
  NOTICE_LIMITS,
  NOTICE_PUBLISHERS,
  NOTICE_STATES,
} from '../domain/notice'

export const noticeIdSchema = z.string().regex(/^nt-[0-9a-f]{20}$/, '公告编号格式不正确')
const fileIdSchema = z.string().regex(/^cloud:\/\/\S{1,300}$/, '文件编号格式不正确')
const iso = z.string()
const categorySchema = z.enum(NOTICE_CATEGORIES, { error: '请选择栏目' })
const stateSchema = z.enum(NOTICE_STATES)
/** Base64 of the largest accepted image (4 characters per 3 bytes). */
const BASE64_MAX = Math.ceil(NOTICE_LIMITS.imageBytes / 3) * 4

/** The body as blocks: paragraphs of plain text and images already in storage. Never HTML. */
const blockSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('p'),
    text: z.string().trim().min(1, '段落不能为空').max(NOTICE_LIMITS.paragraph, `每段最多${NOTICE_LIMITS.paragraph}个字`),
  }),
  z.strictObject({ kind: z.literal('img'), fileId: fileIdSchema }),
])
const videoSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('channel'),
    // 视频号 feed ids are opaque ASCII tokens; the 视频号 id (finder-user-name) starts with sph.
    feedId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_=+/-]{4,128}$/, '视频号视频的 feed-id 格式不正确'),
    finderUserName: z
      .string()
      .trim()
      .regex(/^sph[A-Za-z0-9_-]{2,60}$/, '视频号ID应以 sph 开头'),
  }),
  z.strictObject({ kind: z.literal('file'), fileId: fileIdSchema }),
])

const draftSchema = z
  .strictObject({
    title: z.string().trim().min(4, '标题至少4个字').max(NOTICE_LIMITS.title, `标题最多${NOTICE_LIMITS.title}个字`),
    category: categorySchema,
    blocks: z
      .array(blockSchema)
      .min(1, '请填写正文')
      .max(NOTICE_LIMITS.blocks, `正文最多${NOTICE_LIMITS.blocks}段`)
      .refine((bs) => bs.some((b) => b.kind === 'p'), '正文至少要有一段文字')
      .refine((bs) => bs.filter((b) => b.kind === 'img').length <= NOTICE_LIMITS.images, `正文最多${NOTICE_LIMITS.images}张图片`),
    video: videoSchema.optional(),
    pinned: z.boolean().default(false),
    /** When it shows; empty = when published. */
    publishAt: z.iso.datetime({ offset: true, error: '发布时间格式不正确' }).optional(),
    expireAt: z.iso.datetime({ offset: true, error: '截止时间格式不正确' }).optional(),
    matterId: idSchema.optional(),
    audience: z.enum(NOTICE_AUDIENCES).default('all'),
  })
  .superRefine((d, ctx) => {
    if (d.publishAt && d.expireAt && new Date(d.expireAt) <= new Date(d.publishAt))
      ctx.addIssue({ code: 'custom', path: ['expireAt'], message: '截止时间须晚于发布时间' })
    if (d.audience === 'matter' && !d.matterId)
      ctx.addIssue({ code: 'custom', path: ['matterId'], message: '发给事项的办事群众须选择事项' })
  })

const summarySchema = z.object({
  noticeId: noticeIdSchema,
  title: z.string(),
  category: categorySchema,
  categoryLabel: z.string(),
  pinned: z.boolean(),
  excerpt: z.string(),
  /** When it shows (or showed) in the app. */
  publishAt: iso.optional(),
  matterId: idSchema.optional(),
  matterName: z.string().optional(),
  hasVideo: z.boolean(),
  hasImages: z.boolean(),
  /** For a caller with an account: whether it has opened this one. */
  read: z.boolean().optional(),
})
export type NoticeSummary = z.infer<typeof summarySchema>

const staffSummarySchema = summarySchema.extend({
  state: stateSchema,
  stateLabel: z.string(),
  /** Published and within its times right now. */
  live: z.boolean(),
  audience: z.enum(NOTICE_AUDIENCES),
  expireAt: iso.optional(),
  version: z.number().int(),
  updatedAt: iso,
})
export type NoticeStaffSummary = z.infer<typeof staffSummarySchema>

export const noticeViewSchema = summarySchema.extend({
  blocks: z.array(
    z.union([
      z.object({ kind: z.literal('p'), text: z.string() }),
      z.object({ kind: z.literal('img'), fileId: z.string(), url: z.string().optional() }),
    ]),
  ),
  video: z
    .union([
      z.object({ kind: z.literal('channel'), feedId: z.string(), finderUserName: z.string() }),
      z.object({ kind: z.literal('file'), fileId: z.string(), url: z.string().optional() }),
    ])
    .optional(),
  expireAt: iso.optional(),
  audience: z.enum(NOTICE_AUDIENCES),
  /** Office staff only: the state, version and the audited changes. */
  staff: z
    .object({
      state: stateSchema,
      stateLabel: z.string(),
      live: z.boolean(),
      version: z.number().int(),
      history: z.array(z.object({ seq: z.number().int(), kind: z.string(), at: iso, staffNo: z.string(), reason: z.string().optional() })),
    })
    .optional(),
})
export type NoticeView = z.infer<typeof noticeViewSchema>

export const articleSchema = z.object({
  articleId: z.string(),
  title: z.string(),
  digest: z.string(),
  url: z.string(),
  coverUrl: z.string().optional(),
  updatedAt: iso,
})
export type OfficialArticle = z.infer<typeof articleSchema>

const everyone = 'anyone' as const
const office = NOTICE_PUBLISHERS
const versionSchema = z.number().int().min(0)

export const noticeContract = defineFunction(
  'notice',
  '通知公告：中心办公室发布公告（草稿、预览、发布、撤回，全程留痕），同步公众号已发布文章',
  {
    list: action({
      summary:
        '公告列表：在有效期内的已发布公告，置顶在前、新的在前；按栏目、事项筛选，按标题和正文搜索；发给某事项办事群众的只给办过该事项的人看',
      access: everyone,
      input: z.strictObject({
        category: categorySchema.optional(),
        q: z.string().trim().max(NOTICE_LIMITS.search, `搜索词最多${NOTICE_LIMITS.search}个字`).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      }),
      output: z.object({ items: z.array(summarySchema), unread: z.number().int() }),
    }),
    forMatter: action({
      summary: '某事项的公告（事项页显示，所有人可见）',
      access: everyone,
      input: z.strictObject({ matterId: idSchema }),
      output: z.object({ items: z.array(summarySchema) }),
    }),
    get: action({
      summary: '公告详情：在有效期内的已发布公告所有人可看（有账号的记为已读）；草稿、已撤回和过期的只有中心办公室可看，并附修改记录',
      access: everyone,
      input: z.strictObject({ noticeId: noticeIdSchema }),
      output: noticeViewSchema,
    }),
    pinned: action({
      summary: '大厅公示屏用：置顶且发给所有人的有效公告，只含标题、栏目和发布时间',
      access: everyone,
      input: noInput,
      output: z.object({
        items: z.array(z.object({ title: z.string(), category: categorySchema, categoryLabel: z.string(), publishedAt: iso })),
      }),
    }),
    articles: action({
      summary: '公众号已发布文章（定时同步，封面存于云存储），可按标题和摘要搜索；附公众号原始ID供「关注公众号」使用',
      access: everyone,
      input: z.strictObject({
        q: z.string().trim().max(NOTICE_LIMITS.search, `搜索词最多${NOTICE_LIMITS.search}个字`).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      }),
      output: z.object({
        items: z.array(articleSchema),
        /** The 公众号's original id (gh_…) for wx.openOfficialAccountProfile, when configured. */
        account: z.object({ userName: z.string().optional() }),
        lastPulledAt: iso.optional(),
      }),
    }),
    adminList: action({
      summary: '中心办公室：全部公告（含草稿、已撤回），最近修改在前',
      access: office,
      input: z.strictObject({ state: stateSchema.optional() }),
      output: z.object({ items: z.array(staffSummarySchema) }),
    }),
    save: action({
      summary:
        '中心办公室：新建草稿或修改公告（不改变状态；已发布的修改立即生效）；修改须带当前版本号，防止覆盖他人修改；同一requestId重复新建只建一次',
      access: office,
      input: z.strictObject({
        noticeId: noticeIdSchema.optional(),
        version: versionSchema.optional(),
        requestId: requestIdSchema,
        draft: draftSchema,
      }),
      output: z.object({ noticeId: noticeIdSchema, version: z.number().int(), state: stateSchema }),
    }),
    publish: action({
      summary: '中心办公室：发布草稿或重新发布已撤回的公告（到发布时间才显示）',
      access: office,
      input: z.strictObject({ noticeId: noticeIdSchema, version: versionSchema }),
      output: z.object({ noticeId: noticeIdSchema, version: z.number().int(), state: stateSchema }),
    }),
    withdraw: action({
      summary: '中心办公室：撤回已发布的公告，须写明原因',
      access: office,
      input: z.strictObject({
        noticeId: noticeIdSchema,
        version: versionSchema,
        reason: z.string().trim().min(2, '请写明撤回原因').max(200, '原因最多200个字'),
      }),
      output: z.object({ noticeId: noticeIdSchema, version: z.number().int(), state: stateSchema }),
    }),
    addImage: action({
      summary: '中心办公室：上传一张正文图片（JPEG或PNG，不超过2MB，按文件内容识别类型），返回文件编号',
      access: office,
      input: z.strictObject({
        contentType: z.enum(NOTICE_IMAGE_TYPES, { error: '只能上传JPEG或PNG图片' }),
        dataBase64: z
          .string()
          .min(8, '图片内容为空')
          .max(BASE64_MAX, '图片不能超过2MB')
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, '图片内容编码不正确'),
      }),
      output: z.object({ fileId: z.string(), url: z.string().optional() }),
    }),
    fileTarget: action({
      summary: '中心办公室：小程序直传图片或视频的存储路径（云调用只能携带约100KB）',
      access: office,
      input: noInput,
      output: z.object({ cloudPath: z.string() }),
    }),
    attachFile: action({
      summary: '中心办公室：登记已直传的图片（≤2MB）或MP4视频（≤50MB），按内容检查，不合格的被删除',
      access: office,
      input: z.strictObject({ fileId: fileIdSchema, contentType: z.enum(NOTICE_FILE_TYPES, { error: '只能上传JPEG、PNG图片或MP4视频' }) }),
      output: z.object({ fileId: z.string(), url: z.string().optional() }),
    }),
  },
)

export type NoticeAction = ActionName<typeof noticeContract>
export type NoticeInput<K extends NoticeAction> = ParsedInput<typeof noticeContract, K>
export type NoticeOutput<K extends NoticeAction> = ActionOutput<typeof noticeContract, K>
export type NoticeDraft = z.input<typeof draftSchema>
