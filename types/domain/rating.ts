import { z } from '../zod'
import type { WorkingDayCalendar } from './working-days'
import { addCalendarDays } from './dates'

/**
 * 好差评 (政务服务评价), as 国办发〔2019〕51号《关于建立政务服务"好差评"制度提高政务服务水平的意见》
 * sets it up: five levels, 一事一评 online (a finished case), 一次一评 in the hall (a finished queue
 * ticket, tied to the window and the staff member who served it), and inquiries; one rating per
 * object and rater; a 差评 starts a handling loop (核实回访 → 整改反馈, or 申诉) that the rater can
 * follow, and may be followed up once (追评). The server enforces the same table the pages read.
 */

export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const
export type RatingLevel = (typeof RATING_LEVELS)[number]

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
}

/** 5 for 非常满意 down to 1 for 非常不满意 (the stars of the evaluators). */
export const RATING_SCORES: Record<RatingLevel, number> = {
  very_satisfied: 5,
  satisfied: 4,
  basic: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
}

/** 差评: the two lowest levels. Everything else counts as 好评 in the published rates. */
export const isBad = (level: RatingLevel): boolean => level === 'dissatisfied' || level === 'very_dissatisfied'

/** The level written when the rater says nothing within the window (太原, 广东: 7 natural days → 基本满意). */
export const DEFAULT_LEVEL: RatingLevel = 'basic'

/**
 * `complaint`: the complainant's rating of a complaint's answer (投诉答复), recorded by the rating
 * function's sweep from the complaint itself; never rated through `rate`.
 */
export { FINISHED_CASE_STATES } from './case-machine'

export const RATING_KINDS = ['case', 'ticket', 'inquiry', 'complaint'] as const
export type RatingKind = (typeof RATING_KINDS)[number]
export const RATING_KIND_LABELS: Record<RatingKind, string> = { case: '办件', ticket: '窗口服务', inquiry: '咨询', complaint: '投诉答复' }

/** 评价渠道: online (一事一评, the case and the inquiry) or in the hall (一次一评, the ticket). */
export const RATING_CHANNELS = ['online', 'offline'] as const
export type RatingChannel = (typeof RATING_CHANNELS)[number]
/** A complaint is answered by the office in person or in writing, not through an online service: offline. */
export const channelOf = (kind: RatingKind): RatingChannel => (kind === 'ticket' || kind === 'complaint' ? 'offline' : 'online')

/** The nationally unified 评价指标 per channel. */
export const ONLINE_TAGS = ['整体满意度', '办事效率', '办事指南精确度', '办事便捷度', '平台操作性'] as const
export const OFFLINE_TAGS = ['整体满意度', '服务效率', '服务水平', '服务态度'] as const
/** The reasons real centres publish most (Guangdong's monthly 差评 tags), offered with every 差评. */
export const BAD_REASON_TAGS = ['超过承诺时限未办结', '在办事指南之外增加审批条件', '要求提供办事指南之外的材料', '服务态度差'] as const
export const RATING_TAGS = [...new Set([...ONLINE_TAGS, ...OFFLINE_TAGS, ...BAD_REASON_TAGS])] as [string, ...string[]]
export type RatingTag = (typeof ONLINE_TAGS)[number] | (typeof OFFLINE_TAGS)[number] | (typeof BAD_REASON_TAGS)[number]

/** The tags a rater may pick for a channel (the 差评 reasons only with a 差评). */
export const tagsFor = (channel: RatingChannel, level: RatingLevel): readonly string[] => [
  ...(channel === 'online' ? ONLINE_TAGS : OFFLINE_TAGS),
  ...(isBad(level) ? BAD_REASON_TAGS : []),
]

/** A 差评 must say what went wrong: without a written description it is invalid (太原's rule), so it is refused at once. */
export const BAD_TEXT_MIN = 5
export const RATING_TEXT_MAX = 300

export interface RatingProblem {
  path: 'tags' | 'text'
  message: string
}

/** What is wrong with a rating as typed, field by field; empty when it may be written. */
export function ratingProblems(channel: RatingChannel, level: RatingLevel, tags: readonly string[], text: string): RatingProblem[] {
  const out: RatingProblem[] = []
  const allowed = tagsFor(channel, level)
  const foreign = tags.filter((t) => !allowed.includes(t))
  if (foreign.length) out.push({ path: 'tags', message: `该渠道不能选择：${foreign.join('、')}` })
  if (isBad(level)) {
    if (tags.length === 0) out.push({ path: 'tags', message: '差评请至少选择一项原因' })
    if (Array.from(text.trim()).length < BAD_TEXT_MIN) out.push({ path: 'text', message: `差评请写明问题（至少${BAD_TEXT_MIN}个字）` })
  }
  return out
}

/** The centre's rating policy; the `settings` document `rating_policy` overrides any field. */
export const ratingPolicySchema = z.object({
  /** Natural days after the service ends before the unrated are reminded once (亳州: 3 days). */
  remindAfterDays: z.number().int().min(1).max(30),
  /** Natural days after the service ends before 基本满意 is recorded on the rater's behalf (太原/广东: 7). */
  defaultAfterDays: z.number().int().min(2).max(60),
  /** Working days from the 差评 to the department's 核实 and call-back (回访). */
  verifyWorkingDays: z.number().int().min(1).max(5),
  /** Working days from the 差评 to 整改 and the reply (太原: 10). */
  replyWorkingDays: z.number().int().min(1).max(30),
  /** The most working days one extension may add (once, with a reason, approved by the centre office). */
  maxExtensionWorkingDays: z.number().int().min(1).max(30),
  /** Working days the centre office has to decide an appeal (申诉) or an extension request. */
  decideWorkingDays: z.number().int().min(1).max(10),
  /** Natural days after the reply in which the rater may follow up once (追评). */
  followUpDays: z.number().int().min(1).max(60),
  /** Share of a stage's working days after which its light turns yellow, in percent. */
  yellowPercent: z.number().int().min(10).max(99),
})
export type RatingPolicy = z.infer<typeof ratingPolicySchema>

export const DEFAULT_RATING_POLICY: RatingPolicy = {
  remindAfterDays: 3,
  defaultAfterDays: 7,
  verifyWorkingDays: 1,
  replyWorkingDays: 10,
  maxExtensionWorkingDays: 15,
  decideWorkingDays: 3,
  followUpDays: 15,
  yellowPercent: 70,
}

/**
 * The 差评 handling loop (差评整改). open: waiting for the department to verify and call the rater
 * back; verified: called back, being rectified; replied: rectified and answered, the rater may
 * follow up; appealed: the department says 误评/恶意差评 or impossible to fix, the centre office
 * decides; closed: done; invalid: the appeal was upheld, the rating no longer counts as a 差评.
 */
export const LOOP_STATES = ['open', 'verified', 'replied', 'appealed', 'closed', 'invalid'] as const
export type LoopState = (typeof LOOP_STATES)[number]
export const LOOP_STATE_LABELS: Record<LoopState, string> = {
  open: '待核实',
  verified: '整改中',
  replied: '已整改反馈',
  appealed: '申诉审核中',
  closed: '已办结',
  invalid: '无效差评',
}

export const LOOP_ACTIONS = [
  'verify',
  'reply',
  'requestExtension',
  'decideExtension',
  'appeal',
  'decideAppeal',
  'followUp',
  'closeUnanswered',
] as const
export type LoopAction = (typeof LOOP_ACTIONS)[number]
/** Who acts: the department the rating is about, the centre office (role supervisor), the rater, or the timer. */
export type LoopActor = 'department' | 'office' | 'rater' | 'system'

export interface LoopTransition {
  action: LoopAction
  from: readonly LoopState[]
  /** `resume`: back to the state the loop was in before the appeal. */
  to: LoopState | 'same' | 'resume' | 'decided'
  by: readonly LoopActor[]
  label: string
}

export const LOOP_TRANSITIONS: readonly LoopTransition[] = [
  { action: 'verify', from: ['open'], to: 'verified', by: ['department'], label: '核实回访' },
  { action: 'reply', from: ['verified'], to: 'replied', by: ['department'], label: '整改反馈' },
  { action: 'requestExtension', from: ['verified'], to: 'same', by: ['department'], label: '申请延期' },
  { action: 'decideExtension', from: ['verified'], to: 'same', by: ['office'], label: '审核延期' },
  { action: 'appeal', from: ['open', 'verified'], to: 'appealed', by: ['department'], label: '申诉' },
  // Upheld → invalid; rejected → back to the department where it stood.
  { action: 'decideAppeal', from: ['appealed'], to: 'decided', by: ['office'], label: '审核申诉' },
  { action: 'followUp', from: ['replied'], to: 'closed', by: ['rater'], label: '追评' },
  { action: 'closeUnanswered', from: ['replied'], to: 'closed', by: ['system'], label: '追评期满办结' },
]

export interface LoopFacts {
  state: LoopState
  /** An extension was ever requested (one per 差评, whatever the decision). */
  extensionRequested: boolean
  /** A request waits for the office's decision. */
  extensionPending: boolean
  /** An appeal was already decided (one appeal per 差评). */
  appealed: boolean
  /** The follow-up window is still open (replied within followUpDays). */
  followUpOpen: boolean
  followedUp: boolean
}

/** Why a loop step is refused, or undefined when it is allowed. */
export function loopRefusal(action: LoopAction, actor: LoopActor, f: LoopFacts): string | undefined {
  const t = LOOP_TRANSITIONS.find((x) => x.action === action)
  if (!t) return '不支持的操作'
  if (!t.by.includes(actor)) return '您不能进行此操作'
  // Checked before the state: a follow-up closes the loop, and the rater should hear why.
  if (action === 'followUp' && f.followedUp) return '每条评价只能追评一次'
  if (!t.from.includes(f.state)) return `差评${LOOP_STATE_LABELS[f.state]}，不能${t.label}`
  if (action === 'requestExtension' && f.extensionRequested) return '每条差评只能申请一次延期'
  if (action === 'decideExtension' && !f.extensionPending) return '没有待审核的延期申请'
  if (action === 'reply' && f.extensionPending) return '延期申请审核中，请等待中心办公室审核'
  if (action === 'appeal' && f.appealed) return '该差评已申诉过，不能再次申诉'
  if (action === 'followUp' && !f.followUpOpen) return '追评期限已过'
  if (action === 'closeUnanswered' && f.followUpOpen) return '追评期限未满'
  return undefined
}

export const allowedLoopActions = (actor: LoopActor, f: LoopFacts): LoopAction[] =>
  LOOP_TRANSITIONS.filter((t) => loopRefusal(t.action, actor, f) === undefined).map((t) => t.action)

/** A stage of the loop with a clock: 核实回访, 整改反馈, the office's decision. */
export const STAGES = ['verify', 'reply', 'decide'] as const
export type Stage = (typeof STAGES)[number]
export const STAGE_LABELS: Record<Stage, string> = { verify: '核实回访', reply: '整改反馈', decide: '中心办公室审核' }

export const LIGHTS = ['green', 'yellow', 'red'] as const
export type Light = (typeof LIGHTS)[number]
export const LIGHT_LABELS: Record<Light, string> = { green: '正常', yellow: '临期', red: '超期' }

/** The stage a loop state waits on (none when nothing is due). */
export function stageOf(state: LoopState, extensionPending: boolean): Stage | undefined {
  if (state === 'open') return 'verify'
  if (state === 'verified') return extensionPending ? 'decide' : 'reply'
  if (state === 'appealed') return 'decide'
  return undefined
}

/** The due date of a stage: `days` working days after the Beijing date it starts (that day does not count). */
export const stageDue = (from: string, days: number, cal: WorkingDayCalendar): string => cal.addWorkingDays(from, days)

/**
 * A stage's light on `today`: red once the due date has passed (a due date is kept to its end),
 * yellow once `yellowPercent` of its working days have gone, else green.
 */
export function lightOf(
  startedOn: string,
  dueDate: string,
  today: string,
  policy: Pick<RatingPolicy, 'yellowPercent'>,
  cal: WorkingDayCalendar,
): Light {
  if (today > dueDate) return 'red'
  const span = Math.max(1, cal.workingDaysBetween(startedOn, dueDate))
  const gone = Math.max(0, cal.workingDaysBetween(startedOn, today))
  return gone * 100 >= span * policy.yellowPercent ? 'yellow' : 'green'
}

/** The last day the rater may follow up: `followUpDays` natural days after the reply. */
export const followUpUntil = (repliedOn: string, policy: Pick<RatingPolicy, 'followUpDays'>): string =>
  addCalendarDays(repliedOn, policy.followUpDays)

/** 好评率 and 差评率 count active ratings only: defaults say nothing about the service. Ratio to 4 decimals, 0 without ratings. */
export const ratio = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0)

/** A month `YYYY-MM` of a Beijing date. */
export const monthOf = (date: string): string => date.slice(0, 7)
