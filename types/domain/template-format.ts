import { beijingIso } from './dates'
import type { EventPayloads } from './event-payloads'
import type { NotificationEvent, PushEvent, SubjectKind } from './notification'
import { EVENT_TEMPLATE, TEMPLATES, type TemplateKey, type ValueType } from './templates'

/**
 * Turns a notification (event + semantic data) into subscription message data WeChat accepts.
 * WeChat checks every keyword value against its type, named by the keyword's prefix, and answers a
 * violation with 47003, a permanent failure (the message is lost for that grant). The rules, from
 * the subscribe message docs ("订阅消息参数值内容限制说明", developers.weixin.qq.com
 * …/subscribe-message/sendMessage.html), and what we do:
 *
 * | type | rule | here |
 * | thing | ≤ 20 characters: Han, digits, letters, symbols | cut at 19 + "…" |
 * | phrase | ≤ 5 Han characters only | non-Han dropped, cut at 5 (no "…": not Han) |
 * | name | ≤ 10 Han (mixed counts as Han) or ≤ 20 letters/symbols | cut at 10 / 20 |
 * | character_string | ≤ 32 digits, letters, symbols | full-width folded, others dropped, cut at 32 |
 * | number | ≤ 32 digits, may have decimals | checked, never cut (a cut number lies) |
 * | letter | ≤ 32 letters | others dropped, cut at 32 |
 * | symbol | ≤ 5 symbols (not Han, letters, digits) | others dropped, cut at 5 |
 * | time | 24-hour time, date may precede, range joined by "~" | `2026年9月29日 09:00~09:30` (Beijing) |
 * | date | y年m月d日 (time may follow) | `2026年9月29日` |
 * | amount | one currency symbol + ≤ 10 digits, may have decimals, may end in 元 | `¥12.50`, `¥0` |
 * | phone_number | ≤ 17 digits and symbols | checked, never cut |
 * | car_number | ≤ 8; first and last may be Han, the rest letters or digits | checked, never cut |
 *
 * "Characters" are counted in code points and text is cut on code points, never inside a
 * surrogate pair, and never leaving a dangling joiner, variation selector or combining mark.
 * Control characters (line breaks, tabs, zero-width) are not allowed in any value: they become
 * spaces or are dropped. A value that cannot be made valid (a number that is not a number) throws
 * TemplateValueError, which the sender treats as our data error.
 */

export class TemplateValueError extends Error {
  constructor(
    readonly type: ValueType,
    readonly detail: string,
  ) {
    super(`${type}: ${detail}`)
    this.name = 'TemplateValueError'
  }
}

export const LIMITS = {
  thing: 20,
  phrase: 5,
  nameHan: 10,
  nameLatin: 20,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
  amountDigits: 10,
} as const

const ELLIPSIS = '…'
const HAN = /\p{Script=Han}/u
/** The Han range WeChat's own checks are known to accept (basic CJK unified ideographs). */
const BASIC_HAN = /[\u4e00-\u9fa5]/

const codePoints = (s: string): string[] => Array.from(s)

/** Line breaks and tabs become spaces; other control and format characters go (ZWJ is kept here, trimmed at a cut). */
export function clean(raw: unknown): string {
  return String(raw ?? '')
    .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
    .replace(/[\p{Cc}\u200b\u200c\u200e\u200f\u2060-\u2064\ufeff]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** What must not end a cut: a joiner, a variation selector, a combining mark, or a space. */
// eslint-disable-next-line no-misleading-character-class -- the class lists single code points to trim (a joiner, selectors, marks); none is meant to combine with its neighbour
const DANGLING = /[\u200d\ufe00-\ufe0f\p{M}\s]+$/u

/** The first `max` code points of `text`, with "…" as the last one when something was cut. */
export function cut(text: string, max: number, ellipsis = true): string {
  const cps = codePoints(text)
  if (cps.length <= max) return text
  const keep = ellipsis ? max - 1 : max
  const head = cps.slice(0, keep).join('').replace(DANGLING, '')
  return ellipsis ? head + ELLIPSIS : head
}

const pad2 = (n: number) => String(n).padStart(2, '0')

interface BeijingParts {
  y: number
  m: number
  d: number
  hh?: number
  mm?: number
}

function beijingParts(at: Date): Required<BeijingParts> {
  const [y, m, d, hh, mm] = beijingIso(at).split(/[-T:]/).map(Number)
  return { y, m, d, hh, mm }
}

const chineseDate = (p: BeijingParts) => `${p.y}年${p.m}月${p.d}日`
const hhmm = (hh: number, mm: number) => `${pad2(hh)}:${pad2(mm)}`

/**
 * Reads the time shapes our functions write: a Date or ISO instant, `YYYY-MM-DD`,
 * `YYYY-MM-DD HH:mm`, `YYYY-MM-DD HH:mm-HH:mm` (a booking slot) and `HH:mm`. Dates without a zone
 * are Beijing dates.
 */
function parseTime(raw: unknown): { date?: BeijingParts; from?: [number, number]; to?: [number, number] } | undefined {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return undefined
    const p = beijingParts(raw)
    return { date: p, from: [p.hh, p.mm] }
  }
  const s = clean(raw)
  const plain = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2})?(?:\s*[-~]\s*(\d{2}):(\d{2}))?)?$/.exec(s)
  if (plain) {
    const [, y, m, d, h1, m1, h2, m2] = plain
    const date = { y: +y, m: +m, d: +d }
    if (date.m < 1 || date.m > 12 || date.d < 1 || date.d > 31) return undefined
    return { date, ...(h1 ? { from: [+h1, +m1] as [number, number] } : {}), ...(h2 ? { to: [+h2, +m2] as [number, number] } : {}) }
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(s)) return parseTime(new Date(s))
  const clock = /^(\d{2}):(\d{2})(?:\s*[-~]\s*(\d{2}):(\d{2}))?$/.exec(s)
  if (clock) return { from: [+clock[1], +clock[2]], ...(clock[3] ? { to: [+clock[3], +clock[4]] as [number, number] } : {}) }
  return undefined
}

const validClock = (c?: [number, number]) => !c || (c[0] >= 0 && c[0] <= 23 && c[1] >= 0 && c[1] <= 59)

function formatTime(raw: unknown): string {
  const t = parseTime(raw)
  if (!t || !validClock(t.from) || !validClock(t.to) || (!t.from && !t.date)) throw new TemplateValueError('time', '无法识别的时间')
  const clock = t.from ? hhmm(...t.from) + (t.to ? `~${hhmm(...t.to)}` : '') : ''
  return [t.date ? chineseDate(t.date) : '', clock].filter(Boolean).join(' ')
}

function formatDate(raw: unknown): string {
  const t = parseTime(raw)
  if (!t?.date) throw new TemplateValueError('date', '无法识别的日期')
  return chineseDate(t.date)
}

/** Full-width letters, digits and symbols (ＡＢＣ１２３－) to their ASCII forms. */
const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')

function formatNumber(raw: unknown): string {
  const s = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : halfWidth(clean(raw)).replace(/,/g, '')
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new TemplateValueError('number', '不是数字')
  if (s.replace(/[-.]/g, '').length > LIMITS.number) throw new TemplateValueError('number', '超过32位')
  return s
}

function formatAmount(raw: unknown): string {
  const n = typeof raw === 'number' ? raw : Number(halfWidth(clean(raw)).replace(/[¥￥,元\s]/g, ''))
  if (!Number.isFinite(n) || n < 0) throw new TemplateValueError('amount', '不是金额')
  const fixed = Number.isInteger(n) ? String(n) : n.toFixed(2)
  if (fixed.split('.')[0].length > LIMITS.amountDigits) throw new TemplateValueError('amount', '超过10位')
  return `¥${fixed}`
}

function formatPhone(raw: unknown): string {
  const s = halfWidth(clean(raw)).replace(/[^\d+\-()]/g, '')
  if (!/\d/.test(s) || s.length > LIMITS.phone_number) throw new TemplateValueError('phone_number', '电话号码不合规')
  return s
}

function formatCarNumber(raw: unknown): string {
  const s = halfWidth(clean(raw))
    .replace(/[\s·.-]/g, '')
    .toUpperCase()
  const cps = codePoints(s)
  const ok =
    cps.length >= 2 &&
    cps.length <= LIMITS.car_number &&
    cps.every((c, i) => /[A-Z0-9]/.test(c) || ((i === 0 || i === cps.length - 1) && BASIC_HAN.test(c)))
  if (!ok) throw new TemplateValueError('car_number', '车牌号不合规')
  return s
}

function formatName(raw: unknown): string {
  const s = clean(raw)
  if (!s) return '无'
  return HAN.test(s) ? cut(s, LIMITS.nameHan, false) : cut(s, LIMITS.nameLatin, false)
}

function formatPhrase(raw: unknown): string {
  const s = codePoints(clean(raw))
    .filter((c) => BASIC_HAN.test(c))
    .join('')
  if (!s) throw new TemplateValueError('phrase', '须为汉字')
  return cut(s, LIMITS.phrase, false)
}

const keepOnly = (type: ValueType, re: RegExp, max: number) => (raw: unknown) => {
  const s = codePoints(halfWidth(clean(raw)))
    .filter((c) => re.test(c))
    .join('')
  if (!s) throw new TemplateValueError(type, '内容为空')
  return cut(s, max, false)
}

const FORMATTERS: Record<ValueType, (raw: unknown) => string> = {
  thing: (raw) => cut(clean(raw), LIMITS.thing) || '无',
  phrase: formatPhrase,
  name: formatName,
  character_string: (raw) => cut(halfWidth(clean(raw)).replace(/[^\x21-\x7e]/g, ''), LIMITS.character_string, false) || '-',
  number: formatNumber,
  letter: keepOnly('letter', /[A-Za-z]/, LIMITS.letter),
  symbol: keepOnly('symbol', /[^\p{L}\p{N}\s\p{C}]/u, LIMITS.symbol),
  time: formatTime,
  date: formatDate,
  amount: formatAmount,
  phone_number: formatPhone,
  car_number: formatCarNumber,
}

/** One keyword value made valid for its type (or TemplateValueError). */
export const formatValue = (type: ValueType, raw: unknown): string => FORMATTERS[type](raw)

export type TemplateData = Record<string, { value: string }>

/** Values by keyword → `{ keyword: { value } }`, each made valid for the keyword's type. Every keyword of the template is filled. */
export function templateData(key: TemplateKey, values: Record<string, unknown>): TemplateData {
  const out: TemplateData = {}
  for (const [keyword, field] of Object.entries(TEMPLATES[key].fields)) out[keyword] = { value: formatValue(field.type, values[keyword]) }
  return out
}

export type { SubjectKind }
/**
 * The message centre's kind of an event: its prefix. 好差评 notices (`rating.*`) file under 办件
 * until the message centre has a kind of its own for them (the app's labels and colours are keyed
 * by these kinds).
 */
export const subjectKindOf = (event: NotificationEvent): SubjectKind => {
  return event.split('.')[0] as SubjectKind
}

interface Content {
  /** Message centre title and text: Chinese, not bound by template limits. */
  title: string
  body: string
  /** Keyword → semantic value, before type formatting. */
  values: Record<string, unknown>
}

const join = (...parts: Array<string | number | undefined | false>) =>
  parts.filter((p) => p !== undefined && p !== '' && p !== false).join('，')
const str = (v: string | number | undefined, fallback = ''): string => (v === undefined || v === '' ? fallback : String(v))

/*
 * Each event's content reads its own payload (event-payloads.ts). Outbox items written before a
 * field existed, or by hand, may still lack one: every read falls back to a neutral text.
 */
type Payload<E extends NotificationEvent> = Partial<EventPayloads[E]>

function booking(d: Payload<'booking.confirmed'>, title: string, phrase: string): Content {
  return {
    title,
    body: join(str(d.matterName), str(d.time), str(d.place), d.code !== undefined && `预约码 ${d.code}`),
    values: { thing1: d.matterName, time2: d.time, thing3: d.place, character_string4: d.code, phrase5: phrase },
  }
}

function caseStep(d: Payload<'case.approved'>, at: Date, title: string, phrase: string, note: string): Content {
  return {
    title,
    body: join(str(d.matterName), d.caseNo !== undefined && `办件编号 ${d.caseNo}`, note),
    values: { character_string1: d.caseNo, thing2: d.matterName, phrase3: phrase, thing4: note, time5: at },
  }
}

/** 「请补充1项材料、1项信息」: files and details counted apart, as the citizen will act on them. */
function supplementAsk(d: { items?: number; materials?: number; details?: number }): string {
  if (d.materials === undefined && d.details === undefined) return d.items !== undefined ? `请补充${d.items}项内容` : '请按告知补充材料'
  const parts = [d.materials ? `${d.materials}项材料` : '', d.details ? `${d.details}项信息` : ''].filter(Boolean)
  return parts.length ? `请补充${parts.join('、')}` : '请按告知补正'
}

const CONTENT: { [E in NotificationEvent]: (d: Payload<E>, at: Date) => Content } = {
  'booking.confirmed': (d) => booking(d, '预约成功', '预约成功'),
  'booking.cancelled': (d) => booking(d, '预约已取消', '已取消'),
  'booking.day_off': (d) => ({
    title: '预约日调整为休息日，请改约',
    body: join(str(d.matterName), str(d.time), `该日调整为${str(d.holiday, '休息日')}，请改约其他日期`),
    values: { thing1: d.matterName, time2: d.time, thing3: d.place, character_string4: d.code, phrase5: '请改约' },
  }),
  'waitlist.offered': (d) => ({
    title: `候补成功，请在${str(d.until)}前确认`,
    body: join(str(d.matterName), str(d.time), str(d.place), `已为您保留名额，请在${str(d.until)}前确认预约，逾期将顺延给下一位`),
    // The push has no keyword for a deadline: 办理地点 carries it (the place is in the message centre).
    values: { thing1: d.matterName, time2: d.time, thing3: `请在${str(d.until)}前确认`, character_string4: undefined, phrase5: '候补成功' },
  }),
  'waitlist.booked': (d) => ({
    title: '候补成功，已自动预约',
    body: join(str(d.matterName), str(d.time), str(d.place), d.code !== undefined && `预约码 ${d.code}`),
    values: {},
  }),
  'waitlist.removed': (d) => ({
    title: '候补已取消',
    body: join(str(d.matterName), `连续${str(d.ignored, '3')}次未确认候补名额，已退出候补，可重新加入`),
    values: {},
  }),
  'waitlist.withdrawn': (d) => ({
    title: '候补名额已取消',
    body: join(str(d.matterName), str(d.time), '窗口该日停止预约，为您保留的名额已取消；您仍在候补中，有名额时再通知您'),
    values: {},
  }),
  'booking.reminder_day_before': (d) => ({
    title: '明日预约提醒',
    body: join(str(d.matterName), str(d.time), str(d.place), '请携带身份证件按时到场'),
    values: { thing1: d.matterName, time2: d.time, thing3: d.place, thing4: '请携带身份证件按时到场' },
  }),
  'queue.called': (d) => ({
    title: `请到${str(d.place, '窗口')}办理`,
    body: join(`${str(d.ticket)}号`, str(d.matterName), `请到${str(d.place, '窗口')}办理`),
    values: { character_string1: d.ticket, thing2: str(d.place, '请留意大厅叫号屏'), number3: 0, thing4: '轮到您了，请到窗口办理' },
  }),
  'queue.three_ahead': (d) => ({
    title: '即将轮到您',
    body: join(`${str(d.ticket)}号`, str(d.matterName), `前面还有${str(d.ahead, '3')}位，请做好准备`),
    values: {
      character_string1: d.ticket,
      thing2: '请留意大厅叫号屏',
      number3: d.ahead ?? 3,
      thing4: `前面还有${str(d.ahead, '3')}位，请做好准备`,
    },
  }),
  'case.accepted': (d, at) =>
    caseStep(
      d,
      at,
      '办件已受理',
      '已受理',
      d.promisedDays !== undefined ? `承诺${d.promisedDays}个工作日内办结` : '已受理，请留意办理进度',
    ),
  'case.supplement_requested': (d, at) =>
    caseStep(d, at, d.materials === 0 && d.details ? '请补正信息' : '请补充材料', '待补正', supplementAsk(d)),
  'case.approved': (d, at) => caseStep(d, at, '审批通过', '审批通过', '请留意领取或送达通知'),
  'case.rejected': (d, at) => caseStep(d, at, '审批未通过', '未通过', `原因：${str(d.reason, '请查看办件详情')}`),
  'case.ready_for_pickup': (d, at) =>
    caseStep(d, at, '证照可领取', '可领取', d.place !== undefined ? `请到${d.place}领取` : '请到统一出件窗口领取'),
  'case.completed': (d, at) =>
    d.how === 'mail'
      ? caseStep(d, at, '证照已送达', '已送达', '邮寄的证照已签收，本次办理结束')
      : caseStep(d, at, '证照已领取', '已领取', '证照已在窗口领取，本次办理结束'),
  'case.lookup_locked': (d, at) =>
    caseStep(d, at, '有人多次查询您的办件', '查询提醒', '有人多次查询失败；没有查询码查不到进度，请勿把查询码告诉他人'),
  'case.due_date_changed': (d, at) => ({
    ...caseStep(d, at, '办结期限已调整', '期限调整', `承诺办结日期调整为${str(d.to)}`),
    body: join(
      str(d.matterName),
      d.caseNo !== undefined && `办件编号 ${d.caseNo}`,
      str(d.reason),
      `承诺办结日期由${str(d.from)}调整为${str(d.to)}`,
    ),
  }),
  'calendar.provisional_year': (d) => ({
    title: `${str(d.year)}年放假安排待录入`,
    body: `国务院尚未公布${str(d.year)}年放假安排，相关期限和预约日期暂按法定节假日推算。通知公布后，请在「工作日历」中粘贴通知正文录入，期限将自动更新。`,
    values: {},
  }),
  'rating.invited': (d, at) => ({
    title: '请评价本次服务',
    body: join(str(d.title, '您办理的事项'), d.finishedAt !== undefined && `${d.finishedAt}办结`, '欢迎对本次服务作出评价'),
    values: { thing1: str(d.title, '您办理的事项'), thing2: '欢迎对本次服务作出评价', time3: at },
  }),
  'rating.reminder': (d, at) => ({
    title: '服务评价提醒',
    body: join(str(d.title, '您办理的事项'), '尚未评价', d.defaultOn !== undefined && `${d.defaultOn}前未评价将默认为基本满意`),
    values: { thing1: str(d.title, '您办理的事项'), thing2: '尚未评价，欢迎评价', time3: at },
  }),
  'rating.replied': (d) => ({
    title: '您的评价已整改反馈',
    body: join(str(d.title, '您评价的服务'), `${str(d.department, '相关部门')}已整改并反馈`, '可在15天内追评一次'),
    values: {},
  }),
  'rating.bad_light': (d) => ({
    title: `差评${str(d.light, '临期')}：${str(d.stage, '处理')}`,
    body: join(str(d.department), str(d.title), `${str(d.stage, '处理')}期限${str(d.dueDate)}`, `已${str(d.light, '临期')}`),
    values: {},
  }),
  'complaint.accepted': (d) => ({
    title: '您的投诉已受理',
    body: join(
      str(d.title, '您的投诉'),
      d.trackingNo !== undefined && `投诉编号 ${d.trackingNo}`,
      d.resolveDue !== undefined && `将于${d.resolveDue}前答复`,
    ),
    values: {},
  }),
  'complaint.not_accepted': (d) => ({
    title: '您的投诉不予受理',
    body: join(
      str(d.title, '您的投诉'),
      d.trackingNo !== undefined && `投诉编号 ${d.trackingNo}`,
      `原因：${str(d.reason, '请查看投诉进度')}`,
    ),
    values: {},
  }),
  'complaint.transferred': (d) => ({
    title: '您的投诉已转部门办理',
    body: join(
      str(d.title, '您的投诉'),
      d.trackingNo !== undefined && `投诉编号 ${d.trackingNo}`,
      `已转${str(d.department, '相关部门')}办理`,
      d.resolveDue !== undefined && `将于${d.resolveDue}前答复`,
    ),
    values: {},
  }),
  'complaint.resolved': (d) => ({
    title: '您的投诉已办结',
    body: join(str(d.title, '您的投诉'), d.trackingNo !== undefined && `投诉编号 ${d.trackingNo}`, '请查看答复并评价'),
    values: {},
  }),
  'complaint.assigned': (d) => ({
    title: '收到中心办公室转办的投诉',
    body: join(str(d.title, '一件投诉'), d.resolveDue !== undefined && `请于${d.resolveDue}前答复`),
    values: {},
  }),
  'complaint.overdue': (d) => ({
    title: `投诉超期：${str(d.stage, '处理')}`,
    body: join(str(d.title, '一件投诉'), `${str(d.stage, '处理')}期限${str(d.dueDate)}已过`, '请尽快处理'),
    values: {},
  }),
  'assist.claimed': (d) => ({
    title: '您的帮办申请已认领',
    body: join(str(d.title, '帮办代办申请'), `${str(d.staff, '帮办员')}负责为您办理，会尽快与您联系`),
    values: {},
  }),
  'assist.prepared': (d) => ({
    title: '帮办员已为您代填申请',
    body: join(str(d.title, '帮办代办申请'), '请核对申请内容，确认后提交'),
    values: {},
  }),
  'assist.closed': (d) => ({
    title: '您的帮办申请已办结',
    body: join(str(d.title, '帮办代办申请'), '可查看办理情况'),
    values: {},
  }),
  'visit.requested': (d) => ({
    title: str(d.step, '新的上门服务申请'),
    body: join(str(d.matterName), str(d.step, '新的上门服务申请'), d.dueDate !== undefined && `请于${d.dueDate}前派单并联系申请人`),
    values: {},
  }),
  'visit.task': (d) => ({
    title: `上门服务：${str(d.step, '任务有更新')}`,
    body: join(str(d.matterName), d.time !== undefined && `上门时间 ${d.time}`, str(d.step)),
    values: {},
  }),
  'visit.overdue': (d) => ({
    title: `上门服务${str(d.stage, '办理')}已超期`,
    body: join(str(d.matterName), `${str(d.stage, '办理')}期限${str(d.dueDate)}已过，请尽快处理`),
    values: {},
  }),
  'visit.assigned': (d, at) => ({
    title: '上门服务时间已安排，请确认',
    body: join(
      str(d.matterName),
      d.time !== undefined && `上门时间 ${d.time}`,
      d.staffName !== undefined && `工作人员 ${d.staffName}`,
      '请确认或另约时间',
    ),
    values: { thing1: d.matterName, phrase2: '待确认', time3: d.time ?? at, thing4: '请在小程序中确认上门时间' },
  }),
  'visit.declined': (d, at) => ({
    title: '上门服务未能安排',
    body: join(str(d.matterName), `原因：${str(d.reason, '请查看申请详情')}`),
    values: { thing1: d.matterName, phrase2: '未能安排', time3: at, thing4: `原因：${str(d.reason, '请查看申请详情')}` },
  }),
  'visit.visited': (d, at) => ({
    title: '上门服务已完成',
    body: join(str(d.matterName), d.caseNo !== undefined ? `已关联办件 ${d.caseNo}` : '可在线申请此事项，或留意工作人员告知的办理进度'),
    values: {
      thing1: d.matterName,
      phrase2: '已上门',
      time3: at,
      thing4: d.caseNo !== undefined ? `办件编号${d.caseNo}` : '可在小程序中查看办理情况',
    },
  }),
  'supervision.order_issued': (d) => ({
    title: '收到督办单',
    body: join(str(d.object, '督办事项'), `事由：${str(d.reason)}`, `请于${str(d.dueDate)}前回复整改情况`),
    values: {},
  }),
  'supervision.order_returned': (d) => ({
    title: '督办单被退回重办',
    body: join(str(d.object, '督办事项'), `退回原因：${str(d.reason)}`, `请于${str(d.dueDate)}前重新回复`),
    values: {},
  }),
  'supervision.order_closed': (d) => ({
    title: '督办单已办结',
    body: join(str(d.object, '督办事项'), '效能监督已核查办结'),
    values: {},
  }),
  'supervision.order_replied': (d) => ({
    title: `督办单已回复（${str(d.timing, '按期')}）`,
    body: join(str(d.object, '督办事项'), `${str(d.department, '被督办部门')}已回复整改情况`, '请核查'),
    values: {},
  }),
  'supervision.order_escalated': (d) => ({
    title: `督办通报：${str(d.cause, '超期')}`,
    body: join(str(d.object, '督办事项'), str(d.department, '被督办部门'), `回复期限${str(d.dueDate)}`, str(d.cause, '超期')),
    values: {},
  }),
  'supervision.case_light': (d) => ({
    title: `办件${str(d.light, '预警')}：${str(d.matterName)}`,
    body: join(
      d.caseNo !== undefined && `办件编号 ${d.caseNo}`,
      str(d.reason),
      d.more ? `另有${d.more}项` : false,
      d.light === '红灯' ? '请立即处理' : '请抓紧办理',
    ),
    values: {},
  }),
  'inquiry.answered': (d, at) => ({
    title: '您的咨询已回复',
    body: join(str(d.topic, '您的咨询'), d.department !== undefined && `${d.department}已回复`),
    values: { thing1: str(d.topic, '您的咨询'), thing2: str(d.department, '政务服务中心'), time3: at },
  }),
}

export interface FormattedNotification {
  templateKey: TemplateKey
  title: string
  body: string
  /** Ready for subscribeMessage.send (or TemplateValueError was thrown). */
  data: TemplateData
}

/** The message centre text for an event; never throws. */
export function messageText<E extends NotificationEvent>(event: E, data: Payload<E>, at: Date): { title: string; body: string } {
  const { title, body } = CONTENT[event](data, at)
  return { title, body }
}

/** Event + semantic data → the template and its data. `at` is when the event happened (time keywords). */
export function formatNotification<E extends PushEvent>(event: E, data: Payload<E>, at: Date): FormattedNotification {
  const content = CONTENT[event](data, at)
  const templateKey = EVENT_TEMPLATE[event]
  return { templateKey, title: content.title, body: content.body, data: templateData(templateKey, content.values) }
}
