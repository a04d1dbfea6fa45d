import type { InquiryView } from '../../../types/contracts/inquiry'
import { allowedInquiryActions, type InquiryState } from '../../../types/domain/inquiry'
import type { ActionContext } from '../../_kit/handler'
import { tempUrls } from '../../_kit/uploads'
import { factsOf, inquiries, inquiryMessages, inquiryPolicy, iso, loadInquiry, summaryOf } from '../inquiries'

/** The caller's own inquiries, newest first (the latest 100). */
export async function myInquiries({ state }: { state?: InquiryState }, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [policy, { data }] = await Promise.all([inquiryPolicy(), inquiries().where({ openid, ...(state ? { state } : {}) }).orderBy('askedAt', 'desc').limit(100).get()])
  return { items: data.map((d) => summaryOf(d, ctx.now, policy)) }
}

/**
 * One inquiry with its conversation, for the asker, the department's staff and supervisors
 * (anyone else: NOT_FOUND). Image URLs are issued after that check and expire within 10 minutes;
 * supervisors get none (they watch deadlines, not photos). Reasons and flags are staff-only.
 */
export async function getInquiry({ inquiryId }: { inquiryId: string }, ctx: ActionContext): Promise<InquiryView> {
  const { doc, standing } = await loadInquiry(inquiryId, await ctx.caller())
  const staffView = standing.deptStaff || standing.supervisor
  const withUrls = standing.asker || standing.deptStaff
  const [policy, { data: messages }, urls] = await Promise.all([
    inquiryPolicy(),
    inquiryMessages().where({ inquiryId: doc._id }).orderBy('seq', 'asc').limit(1000).get(),
    withUrls && doc.images.length ? tempUrls(doc.images.map((i) => i.fileId)) : Promise.resolve(new Map<string, string>()),
  ])
  return {
    ...summaryOf(doc, ctx.now, policy),
    question: doc.question,
    images: doc.images.map((i) => ({ imageId: i.imageId, contentType: i.contentType, size: i.size, ...(urls.has(i.fileId) ? { url: urls.get(i.fileId) } : {}) })),
    messages: messages.map((m) => ({
      seq: m.seq,
      from: m.from,
      ...(m.staffNo ? { staff: { staffNo: m.staffNo, name: m.staffName ?? '' } } : {}),
      text: m.text,
      at: iso(m.at),
    })),
    history: doc.history.map(({ reason, at, ...h }) => ({ ...h, at: iso(at), ...(staffView && reason ? { reason } : {}) })),
    ...(doc.rating ? { rating: { score: doc.rating.score, ...(doc.rating.comment ? { comment: doc.rating.comment } : {}), at: iso(doc.rating.at) } } : {}),
    ...(staffView ? { flags: doc.flags.map((f) => ({ level: f.level, dueDate: f.dueDate, at: iso(f.at) })) } : {}),
    allowedActions: allowedInquiryActions(standing, factsOf(doc)),
  }
}
