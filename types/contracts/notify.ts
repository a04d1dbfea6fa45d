import { z } from '../zod'
import { ROLES, STAFF_ROLES } from '../roles'
import { action, defineFunction, noInput, type ActionName, type ParsedInput } from './contract'
import { NOTIFICATION_EVENTS, SUBJECT_KINDS } from '../domain/notification'
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_MOMENT_KEYS, TEMPLATE_KEYS, templateKeySchema } from '../domain/templates'

/** What wx.requestSubscribeMessage answered per template ('filter': WeChat hid a template with a duplicate title). */
export const GRANT_STATUSES = ['accept', 'reject', 'ban', 'filter'] as const

export const DELIVERY_STATUSES = ['pending', 'sending', 'retry', 'sent', 'failed', 'no_consent'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
/** How a notification reached the user: a subscription message, the 服务号's template message, or only the in-app message centre. */
export const DELIVERY_CHANNELS = ['subscription', 'official_account', 'message_centre'] as const
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number]

/** An outbox id: `<event>:<subject>:<recipient>` (types/domain/notification.ts notificationKey). */
const outboxIdSchema = z.string().min(3).max(200)

export const messageViewSchema = z.object({
  messageId: z.string(),
  event: z.enum(NOTIFICATION_EVENTS),
  /** What the message is about: a booking, a queue ticket, a case, an inquiry, the calendar, a rating or a complaint. */
  kind: z.enum(SUBJECT_KINDS),
  subjectId: z.string(),
  title: z.string(),
  body: z.string(),
  /** The mini-program page to open, with its query string. */
  page: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
})
export type MessageView = z.infer<typeof messageViewSchema>

export const deliveryViewSchema = z.object({
  event: z.enum(NOTIFICATION_EVENTS),
  subjectId: z.string(),
  /** Masked OPENID: staff see that two notifications went to the same person, not who. */
  recipient: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  statusLabel: z.string(),
  /** Set once the channel is chosen (items older than the choice have none). */
  channel: z.enum(DELIVERY_CHANNELS).optional(),
  attempts: z.number().int(),
  /** Why it failed or was not pushed, in Chinese, with WeChat's errcode when there was one. */
  reason: z.string().optional(),
  errcode: z.number().int().optional(),
  createdAt: z.string(),
  sentAt: z.string().optional(),
  nextAttemptAt: z.string().optional(),
})
export type DeliveryView = z.infer<typeof deliveryViewSchema>

export const templateViewSchema = z.object({
  key: templateKeySchema,
  templateId: z.string(),
  title: z.string(),
  kind: z.enum(['one_time', 'long_term']),
})

export const notifyContract = defineFunction('notify', '消息：订阅授权、消息中心、订阅消息推送与送达状态', {
  subscribeTemplates: action({
    summary: '某个时机应请求订阅的模板（最多3个，含本账号的模板ID），供 wx.requestSubscribeMessage 使用',
    access: 'anyone',
    input: z.strictObject({ moment: z.enum(SUBSCRIBE_MOMENT_KEYS) }),
    output: z.object({ templates: z.array(templateViewSchema).max(MAX_TEMPLATES_PER_REQUEST) }),
  }),
  reportGrants: action({
    summary: '上报 wx.requestSubscribeMessage 的结果：一次性订阅每次“允许”记一次可推送，长期订阅记为长期有效',
    access: ROLES,
    input: z.strictObject({
      grants: z
        .array(z.strictObject({ templateKey: z.enum(TEMPLATE_KEYS), status: z.enum(GRANT_STATUSES) }))
        .min(1)
        .max(MAX_TEMPLATES_PER_REQUEST, `每次最多${MAX_TEMPLATES_PER_REQUEST}个模板`)
        .refine((gs) => new Set(gs.map((g) => g.templateKey)).size === gs.length, '同一模板只能上报一次'),
    }),
    output: z.object({
      grants: z.array(
        z.object({
          templateKey: z.enum(TEMPLATE_KEYS),
          kind: z.enum(['one_time', 'long_term']),
          remaining: z.number().int(),
          active: z.boolean(),
        }),
      ),
    }),
  }),
  myMessages: action({
    summary: '我的消息（最新在前）及未读数',
    access: ROLES,
    input: z.strictObject({ page: z.number().int().min(1).max(1000).default(1), pageSize: z.number().int().min(1).max(50).default(20) }),
    output: z.object({
      messages: z.array(messageViewSchema),
      unread: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      hasMore: z.boolean(),
    }),
  }),
  unreadCount: action({
    summary: '我的未读消息数（标签栏角标）',
    access: ROLES,
    input: noInput,
    output: z.object({ unread: z.number().int() }),
  }),
  markRead: action({
    summary: '把我的消息标为已读：指定消息，或全部',
    access: ROLES,
    input: z.union([z.strictObject({ messageIds: z.array(outboxIdSchema).min(1).max(50) }), z.strictObject({ all: z.literal(true) })]),
    output: z.object({ updated: z.number().int(), unread: z.number().int() }),
  }),
  caseDeliveries: action({
    summary: '工作人员：某办件、预约或排队号每条通知的送达状态（已推送、失败及原因、未授权）；效能监督与管理员可看全部，其他人限本部门',
    access: STAFF_ROLES,
    input: z.strictObject({ subjectId: z.string().trim().min(1).max(100) }),
    output: z.object({ deliveries: z.array(deliveryViewSchema) }),
  }),
  deliverSoon: action({
    summary: '内部：立即尝试推送已入队的通知（只处理给定编号中待发送的，任何人调用都只会提前送出本该送出的消息）',
    access: 'anyone',
    input: z.strictObject({ ids: z.array(outboxIdSchema).min(1).max(10) }),
    output: z.object({ claimed: z.number().int() }),
  }),
})

/** What a notify action receives: its input as the schema parsed it (defaults filled in). */
export type NotifyInput<K extends ActionName<typeof notifyContract>> = ParsedInput<typeof notifyContract, K>
