import { z } from '../zod'
import type { PushEvent } from './notification'

/**
 * The subscription message templates (订阅消息模板) the centre uses, and which event goes out on
 * which template.
 *
 * A template is picked from WeChat's public library in the mini-program console (订阅消息 → 公共模板库)
 * and gets an id per account, so the ids here are placeholders: the deployment sets the real ones
 * (and, once approved, the long-term kind) through the notify function's environment variable
 * TEMPLATE_IDS, parsed by `resolveTemplates`. The keyword names (thing1, time2, …) belong to the
 * chosen library template: if the console shows other numbers, change `fields` here, because the
 * keyword's prefix is its value type and WeChat checks every value against it (template-format.ts).
 *
 * One-time (一次性订阅): one tap on "允许" lets us send one message, at any later time. Long-term
 * (长期订阅): open only to 政务民生, 医疗, 交通, 金融 and 教育 services; a county service centre
 * qualifies under 政务民生, but each template must be approved first, hence one-time by default.
 * Source: developers.weixin.qq.com/miniprogram/dev/framework/open-ability/subscribe-message.html.
 */
export const VALUE_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const
export type ValueType = (typeof VALUE_TYPES)[number]

export const TEMPLATE_KEYS = [
  'booking_result',
  'booking_reminder',
  'queue_call',
  'case_progress',
  'inquiry_reply',
  'rating_invite',
  'visit_progress',
] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]
export const templateKeySchema = z.enum(TEMPLATE_KEYS)

export type TemplateKind = 'one_time' | 'long_term'

export interface TemplateField {
  /** Keyword label as the library template shows it. */
  label: string
  type: ValueType
}

export interface TemplateSpec {
  /** Title in the public library: what the user sees in the consent prompt. */
  title: string
  /** Placeholder id; the deployment sets the real one (TEMPLATE_IDS). */
  placeholderId: string
  kind: TemplateKind
  /** Keyword name (type prefix + number) → label and type. */
  fields: Record<string, TemplateField>
}

const typeOfKeyword = (keyword: string): ValueType => keyword.replace(/\d+$/, '') as ValueType
const f = (keyword: string, label: string): [string, TemplateField] => [keyword, { label, type: typeOfKeyword(keyword) }]

export const TEMPLATES: Record<TemplateKey, TemplateSpec> = {
  booking_result: {
    title: '预约结果通知',
    placeholderId: 'TPL_BOOKING_RESULT',
    kind: 'one_time',
    fields: Object.fromEntries([
      f('thing1', '预约事项'),
      f('time2', '预约时间'),
      f('thing3', '办理地点'),
      f('character_string4', '预约码'),
      f('phrase5', '预约状态'),
    ]),
  },
  booking_reminder: {
    title: '预约到期提醒',
    placeholderId: 'TPL_BOOKING_REMINDER',
    kind: 'one_time',
    fields: Object.fromEntries([f('thing1', '预约事项'), f('time2', '预约时间'), f('thing3', '办理地点'), f('thing4', '温馨提示')]),
  },
  queue_call: {
    title: '排队叫号提醒',
    placeholderId: 'TPL_QUEUE_CALL',
    kind: 'one_time',
    fields: Object.fromEntries([
      f('character_string1', '排队号码'),
      f('thing2', '办理窗口'),
      f('number3', '前面等待'),
      f('thing4', '温馨提示'),
    ]),
  },
  case_progress: {
    title: '办件进度通知',
    placeholderId: 'TPL_CASE_PROGRESS',
    kind: 'one_time',
    fields: Object.fromEntries([
      f('character_string1', '办件编号'),
      f('thing2', '办理事项'),
      f('phrase3', '办理状态'),
      f('thing4', '办理说明'),
      f('time5', '更新时间'),
    ]),
  },
  inquiry_reply: {
    title: '咨询回复通知',
    placeholderId: 'TPL_INQUIRY_REPLY',
    kind: 'one_time',
    fields: Object.fromEntries([f('thing1', '咨询内容'), f('thing2', '回复部门'), f('time3', '回复时间')]),
  },
  /** 好差评: the invitation to rate a finished service and the one reminder share it. */
  rating_invite: {
    title: '服务评价提醒',
    placeholderId: 'TPL_RATING_INVITE',
    kind: 'one_time',
    fields: Object.fromEntries([f('thing1', '服务事项'), f('thing2', '温馨提示'), f('time3', '提醒时间')]),
  },
  /** 上门服务: the time set (to confirm), a refusal, and the visit done. */
  visit_progress: {
    title: '上门服务进度通知',
    placeholderId: 'TPL_VISIT_PROGRESS',
    kind: 'one_time',
    fields: Object.fromEntries([f('thing1', '服务事项'), f('phrase2', '服务状态'), f('time3', '上门时间'), f('thing4', '温馨提示')]),
  },
}

/** Which template carries each event. Events of one template share its grants. */
export const EVENT_TEMPLATE: Record<PushEvent, TemplateKey> = {
  'booking.confirmed': 'booking_result',
  'booking.cancelled': 'booking_result',
  'booking.day_off': 'booking_result',
  'waitlist.offered': 'booking_result',
  'booking.reminder_day_before': 'booking_reminder',
  'queue.three_ahead': 'queue_call',
  'queue.called': 'queue_call',
  'case.accepted': 'case_progress',
  'case.supplement_requested': 'case_progress',
  'case.approved': 'case_progress',
  'case.rejected': 'case_progress',
  'case.ready_for_pickup': 'case_progress',
  'case.due_date_changed': 'case_progress',
  'inquiry.answered': 'inquiry_reply',
  'rating.invited': 'rating_invite',
  'rating.reminder': 'rating_invite',
  'visit.assigned': 'visit_progress',
  'visit.declined': 'visit_progress',
  'visit.visited': 'visit_progress',
}

/**
 * The moments the app asks for consent (wx.requestSubscribeMessage, only from a tap, at most 3
 * templates per call), and what it asks for at each.
 */
export const SUBSCRIBE_MOMENTS = {
  /** After a booking is confirmed: the result, the reminder the day before, the queue call. */
  booking: ['booking_result', 'booking_reminder', 'queue_call'],
  /** After submitting a case online: its progress, and the 好差评 invitation when it is finished. */
  case_submitted: ['case_progress', 'rating_invite'],
  /** After asking a question: the reply, and the invitation to rate it. */
  inquiry: ['inquiry_reply', 'rating_invite'],
  /** When a relative starts following a family member's case. */
  follow_relative: ['case_progress'],
  /** After taking a queue ticket in the hall: the call, and the invitation to rate the visit (一次一评). */
  queue: ['queue_call', 'rating_invite'],
  /** After asking for a door-to-door visit: the time set and the visit, and the case's progress once it is linked. */
  visit: ['visit_progress', 'case_progress'],
} as const satisfies Record<string, readonly TemplateKey[]>
export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS
export const SUBSCRIBE_MOMENT_KEYS = Object.keys(SUBSCRIBE_MOMENTS) as [SubscribeMoment, ...SubscribeMoment[]]

/** WeChat's limit of templates per wx.requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_REQUEST = 3

export interface ResolvedTemplate {
  key: TemplateKey
  title: string
  templateId: string
  kind: TemplateKind
  fields: Record<string, TemplateField>
}

/**
 * The deployment's templates: TEMPLATE_IDS is JSON, per key either the id or `{ id, kind }`, e.g.
 * `{"case_progress":{"id":"aBc…","kind":"long_term"},"booking_result":"XyZ…"}`. Keys not given keep
 * their placeholder (the local cloud accepts any id; a real cloud answers 40037, a permanent failure).
 * Malformed JSON is ignored rather than taking every notification down.
 */
export function resolveTemplates(raw: string | undefined): Record<TemplateKey, ResolvedTemplate> {
  const given = jsonObject(raw)
  const out = {} as Record<TemplateKey, ResolvedTemplate>
  for (const key of TEMPLATE_KEYS) {
    const spec = TEMPLATES[key]
    const g = given[key]
    const o = typeof g === 'string' ? { id: g } : g && typeof g === 'object' ? (g as { id?: unknown; kind?: unknown }) : {}
    out[key] = {
      key,
      title: spec.title,
      templateId: typeof o.id === 'string' && o.id.trim() ? o.id.trim() : spec.placeholderId,
      kind: o.kind === 'long_term' || o.kind === 'one_time' ? o.kind : spec.kind,
      fields: spec.fields,
    }
  }
  return out
}

/** A JSON object from an environment variable; anything else (unset, malformed, not an object) is `{}`. */
function jsonObject(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** A 服务号 template (模板消息) standing in for a subscription template when the user gave no grant. */
export interface OaTemplate {
  templateId: string
  /** The subscription template's keyword → the 服务号 template's keyword, where they differ. */
  rename: Record<string, string>
}

/**
 * The 服务号 templates of this deployment: OA_TEMPLATE_IDS is JSON, per key either the id or
 * `{ id, fields }`, e.g. `{"case_progress":"Ab…","queue_call":{"id":"Cd…","fields":{"thing1":"thing2"}}}`.
 * A 服务号 picks its templates from the 类目模板 library of its own categories; their keywords use
 * the same typed names (thing1, time2, …) and limits as subscription messages, so the same values
 * fit, and `fields` renames a keyword whose number differs. A key not given has no 服务号 template:
 * its pushes never go through the 服务号.
 */
export function resolveOaTemplates(raw: string | undefined): Partial<Record<TemplateKey, OaTemplate>> {
  const given = jsonObject(raw)
  const out: Partial<Record<TemplateKey, OaTemplate>> = {}
  for (const key of TEMPLATE_KEYS) {
    const g = given[key]
    const o = typeof g === 'string' ? { id: g } : g && typeof g === 'object' ? (g as { id?: unknown; fields?: unknown }) : {}
    if (typeof o.id !== 'string' || !o.id.trim()) continue
    const fields = o.fields && typeof o.fields === 'object' ? (o.fields as Record<string, unknown>) : {}
    const rename = Object.fromEntries(
      Object.entries(fields).filter(
        (e): e is [string, string] => e[0] in TEMPLATES[key].fields && typeof e[1] === 'string' && /^[a-z_]+\d+$/.test(e[1]),
      ),
    )
    out[key] = { templateId: o.id.trim(), rename }
  }
  return out
}
