import { z } from '../zod'
import { idSchema } from './catalog'
import type { WorkingDayCalendar } from './working-days'

/**
 * Inquiries (咨询) under 首问负责制: the first staff member of the department who claims an
 * inquiry owns it until it is answered or formally transferred. The same rule table decides on
 * the server and tells the pages which buttons to show.
 */

/** open: waiting to be claimed; claimed: owned, waiting for the owner's reply; answered: the owner replied; closed: resolved by the asker or closed by staff. */
export const INQUIRY_STATES = ['open', 'claimed', 'answered', 'closed'] as const
export type InquiryState = (typeof INQUIRY_STATES)[number]
export const INQUIRY_STATE_LABELS: Record<InquiryState, string> = {
  open: '待受理',
  claimed: '处理中',
  answered: '已回复',
  closed: '已结束',
}

export const INQUIRY_ACTIONS = [
  'claim',
  'sendMessage',
  'addImage',
  'transfer',
  'reassign',
  'close',
  'resolve',
  'rate',
  'publishFaq',
] as const
export type InquiryAction = (typeof INQUIRY_ACTIONS)[number]

/** Images of a question: photos of a notice or a form, compressed on the device (wx.compressImage). */
export const INQUIRY_IMAGE_MAX = 3
export const INQUIRY_IMAGE_MAX_BYTES = 2 * 1024 * 1024
export const INQUIRY_IMAGE_TYPES = ['image/jpeg', 'image/png'] as const
export type InquiryImageType = (typeof INQUIRY_IMAGE_TYPES)[number]

/** The centre's inquiry policy; the `settings` document `inquiry_policy` overrides any field. */
export const inquiryPolicySchema = z.object({
  /** Working days the department has to reply (the day of the question does not count). */
  replyWorkingDays: z.number().int().min(1).max(10),
  /** Working days before the due date from which an inquiry counts as "near" (0: on the due date itself). */
  nearWorkingDays: z.number().int().min(0).max(5),
  /** Unfinished inquiries one account may have at once (a plain guard against flooding). */
  maxOpenPerAsker: z.number().int().min(1).max(50),
  /** Where general questions (about no particular matter) go; without it, the centre's office (centreOffice below). */
  generalDepartmentId: idSchema.optional(),
})
export type InquiryPolicy = z.infer<typeof inquiryPolicySchema>

export const DEFAULT_INQUIRY_POLICY: InquiryPolicy = {
  replyWorkingDays: 1,
  nearWorkingDays: 0,
  maxOpenPerAsker: 5,
}

/**
 * The department of the centre itself (县政务服务中心办公室, 政务服务中心管理办公室): the one whose
 * name names the centre. It takes general questions unless the policy names another department.
 */
export const centreOffice = <D extends { id: string; name: string }>(departments: readonly D[]): D | undefined =>
  departments.find((d) => /政务服务中心/.test(d.name))

/** The reply is due `replyWorkingDays` working days after the Beijing date the question waits from. */
export const replyDueDate = (from: string, policy: Pick<InquiryPolicy, 'replyWorkingDays'>, cal: WorkingDayCalendar): string =>
  cal.addWorkingDays(from, policy.replyWorkingDays)

export const DUE_LEVELS = ['ok', 'near', 'overdue'] as const
export type DueLevel = (typeof DUE_LEVELS)[number]

/** Where an inquiry waiting for a reply stands against its due date (a due date is kept to its end). */
export function dueLevel(
  dueDate: string,
  today: string,
  policy: Pick<InquiryPolicy, 'nearWorkingDays'>,
  cal: WorkingDayCalendar,
): DueLevel {
  if (today > dueDate) return 'overdue'
  return cal.workingDaysBetween(today, dueDate) <= policy.nearWorkingDays ? 'near' : 'ok'
}

/** The last date whose inquiries are near or past due today: the staff "overdue" box and the flag sweep query `dueDate <= this`. */
export function nearCutoff(today: string, policy: Pick<InquiryPolicy, 'nearWorkingDays'>, cal: WorkingDayCalendar): string {
  return policy.nearWorkingDays === 0 ? today : cal.addWorkingDays(today, policy.nearWorkingDays)
}

/** How the viewer stands to an inquiry (several may hold: a department lead can also be the owner). */
export interface InquiryStanding {
  asker: boolean
  /** The staff member who holds the inquiry now. */
  owner: boolean
  /** Window staff or lead of the department the inquiry is with. */
  deptStaff: boolean
  deptLead: boolean
  supervisor: boolean
}

export interface InquiryFacts {
  state: InquiryState
  staffReplies: number
  rated: boolean
  images: number
}

interface Rule {
  who: (s: InquiryStanding) => boolean
  whoRefusal: string
  when: (f: InquiryFacts) => boolean
  whenRefusal: (f: InquiryFacts) => string
}

const live = (f: InquiryFacts) => f.state !== 'closed'
const held = (f: InquiryFacts) => f.state === 'claimed' || f.state === 'answered'
const ended = () => '该咨询已结束'

const RULES: Record<InquiryAction, Rule> = {
  claim: {
    who: (s) => s.deptStaff,
    whoRefusal: '只有本部门的工作人员可以认领',
    when: (f) => f.state === 'open',
    whenRefusal: (f) => (f.state === 'closed' ? ended() : '该咨询已被其他工作人员认领'),
  },
  sendMessage: {
    who: (s) => s.asker || s.owner,
    whoRefusal: '请先认领该咨询再回复（首问负责制）',
    when: (f) => live(f),
    whenRefusal: ended,
  },
  addImage: {
    who: (s) => s.asker,
    whoRefusal: '只有提问人可以添加图片',
    when: (f) => live(f) && f.images < INQUIRY_IMAGE_MAX,
    whenRefusal: (f) => (live(f) ? `最多添加${INQUIRY_IMAGE_MAX}张图片` : ended()),
  },
  transfer: {
    who: (s) => s.owner,
    whoRefusal: '只有该咨询的负责人可以转交',
    when: held,
    whenRefusal: (f) => (live(f) ? '请先认领该咨询' : ended()),
  },
  reassign: { who: (s) => s.deptLead || s.supervisor, whoRefusal: '只有本部门负责人或效能监督可以改派', when: live, whenRefusal: ended },
  close: { who: (s) => s.owner || s.deptLead, whoRefusal: '只有该咨询的负责人或部门负责人可以结束咨询', when: live, whenRefusal: ended },
  resolve: { who: (s) => s.asker, whoRefusal: '只有提问人可以确认问题已解决', when: live, whenRefusal: ended },
  rate: {
    who: (s) => s.asker,
    whoRefusal: '只有提问人可以评价',
    when: (f) => f.staffReplies > 0 && !f.rated,
    whenRefusal: (f) => (f.rated ? '您已评价过该咨询' : '工作人员回复后才能评价'),
  },
  publishFaq: {
    who: (s) => s.owner || s.deptLead,
    whoRefusal: '只有该咨询的负责人或部门负责人可以发布常见问题',
    when: (f) => f.staffReplies > 0,
    whenRefusal: () => '回复后才能发布为常见问题',
  },
}

/** Why the action is refused: `who` (the viewer may never do it → FORBIDDEN) or `when` (not now → CONFLICT); undefined when allowed. */
export function inquiryRefusal(
  action: InquiryAction,
  s: InquiryStanding,
  f: InquiryFacts,
): { kind: 'who' | 'when'; message: string } | undefined {
  const r = RULES[action]
  if (!r.who(s)) return { kind: 'who', message: r.whoRefusal }
  if (!r.when(f)) return { kind: 'when', message: r.whenRefusal(f) }
  return undefined
}

export const allowedInquiryActions = (s: InquiryStanding, f: InquiryFacts): InquiryAction[] =>
  INQUIRY_ACTIONS.filter((a) => !inquiryRefusal(a, s, f))

/** A short topic for lists and the reply notification (thing fields hold 20 characters). */
export const topicOf = (question: string, max = 20): string => {
  const flat = question.replace(/\s+/g, ' ').trim()
  return Array.from(flat).length <= max
    ? flat
    : Array.from(flat)
        .slice(0, max - 1)
        .join('') + '…'
}

/** Character pairs of a text (Chinese has no spaces: pairs are the cheap stand-in for words). */
function bigrams(text: string): Set<string> {
  const chars = Array.from(text.toLowerCase().replace(/[^\u4e00-\u9fa5a-z0-9]+/g, ' '))
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) if (chars[i] !== ' ' && chars[i + 1] !== ' ') out.add(chars[i] + chars[i + 1])
  return out
}

/**
 * How well an FAQ entry matches what a citizen is typing: the share of the typed character pairs
 * found in the entry's question (counted twice) and answer. 0 when nothing matches.
 */
export function faqMatchScore(typed: string, entry: { question: string; answer: string }): number {
  const q = bigrams(typed)
  if (q.size === 0) return 0
  const inQuestion = bigrams(entry.question)
  const inAnswer = bigrams(entry.answer)
  let score = 0
  for (const b of q) score += inQuestion.has(b) ? 2 : inAnswer.has(b) ? 1 : 0
  return score / (2 * q.size)
}

/** Entries worth suggesting: at least a fifth of the typed pairs match (e.g. 护照 in 护照过期换发), best first. */
export function rankFaqs<T extends { question: string; answer: string }>(typed: string, entries: T[], limit = 5): T[] {
  return entries
    .map((e) => ({ e, s: faqMatchScore(typed, e) }))
    .filter((x) => x.s >= 0.2)
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map((x) => x.e)
}
