import type { InquiryInput } from '../../../types/contracts/inquiry'
import type { Department } from '../../../types/domain/catalog'
import { scrubFaq } from '../../../types/domain/faq-scrub'
import { rankFaqs } from '../../../types/domain/inquiry'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError, notFound } from '../../_kit/errors'
import { fetchAll } from '../../_kit/fetchAll'
import type { ActionContext } from '../../_kit/handler'
import { assertAllowed, faqs, inquiryMessages, iso, loadInquiry } from '../inquiries'

interface FaqDoc {
  _id: string
  inquiryId: string
  /** '' for a general question (not about one matter). */
  matterId: string
  departmentId: string
  question: string
  answer: string
  publishedBy: string
  publishedAt: Date
}

const entryOf = (d: FaqDoc) => ({
  faqId: d._id,
  ...(d.matterId ? { matterId: d.matterId } : {}),
  question: d.question,
  answer: d.answer,
  publishedAt: iso(d.publishedAt),
})

/**
 * Publishes a good question and answer to the matter's FAQ. The text (the staff's edit, or the
 * question and the latest reply) is scrubbed here, whatever the page showed: ID numbers, phone
 * numbers (the departments' public numbers stay) and names — the asker's profile name, the
 * staff's names and names recognised by cue (types/domain/faq-scrub.ts lists the limits).
 * One entry per inquiry: publishing again replaces it.
 */
export async function publishFaq(input: InquiryInput<'publishFaq'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { doc, standing } = await loadInquiry(input.inquiryId, caller)
  assertAllowed('publishFaq', doc, standing)
  const [{ data: replies }, { data: profiles }, departments] = await Promise.all([
    inquiryMessages().where({ inquiryId: doc._id }).orderBy('seq', 'desc').limit(1000).get(),
    db().collection(COLLECTIONS.profiles).where({ _id: doc.openid }).limit(1).get(),
    fetchAll<Department>(COLLECTIONS.departments, {}, { phone: true }),
  ])
  const answer = input.answer ?? replies.find((m) => m.from === 'staff')?.text
  if (!answer) throw new AppError('CONFLICT', '回复后才能发布为常见问题')
  const names = [
    doc.askerName,
    String(profiles[0]?.name ?? ''),
    doc.ownerName,
    caller.staff!.name,
    ...replies.map((m) => m.staffName ?? ''),
  ]
  const clean = scrubFaq({ question: input.question ?? doc.question, answer }, { names, keepNumbers: departments.map((d) => d.phone) })
  const faq: FaqDoc = {
    _id: `fq-${doc._id.slice(3)}`,
    inquiryId: doc._id,
    matterId: doc.matterId ?? '',
    departmentId: doc.departmentId,
    question: clean.question,
    answer: clean.answer,
    publishedBy: caller.staff!.staffNo,
    publishedAt: ctx.now,
  }
  const { _id, ...data } = faq
  await faqs().doc(_id).set({ data })
  return { ...entryOf(faq), removed: clean.removed }
}

/** Staff of the entry's department take it down. */
export async function unpublishFaq({ faqId }: InquiryInput<'unpublishFaq'>, ctx: ActionContext) {
  const s = (await ctx.caller()).staff!
  const { stats } = await faqs().where({ _id: faqId, departmentId: s.departmentId }).remove()
  if (stats.removed !== 1) throw notFound('未找到该常见问题')
  return { faqId, removed: true as const }
}

export async function faqForMatter({ matterId }: InquiryInput<'faqForMatter'>) {
  const { data } = await faqs().where({ matterId }).orderBy('publishedAt', 'desc').limit(50).get()
  return { items: (data as FaqDoc[]).map(entryOf) }
}

/** How many recent entries a suggestion looks through; beyond a few hundred this wants a search index. */
const SUGGEST_POOL = 500

/** Entries matching what the citizen is typing, best first (the matter's own when a matter is given). */
export async function suggestFaq({ matterId, q }: InquiryInput<'suggestFaq'>) {
  const { data } = await faqs()
    .where(matterId ? { matterId } : {})
    .orderBy('publishedAt', 'desc')
    .limit(SUGGEST_POOL)
    .get()
  return { items: rankFaqs(q, data as FaqDoc[]).map(entryOf) }
}
