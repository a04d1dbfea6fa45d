import type { InquiryInput } from '../../../types/contracts/inquiry'
import { maskIdNumbersIn } from '../../../types/domain/masking'
import type { InquiryView } from '../../../types/contracts/inquiry'
import { allowedInquiryActions } from '../../../types/domain/inquiry'
import type { ActionContext } from '../../_kit/handler'
import { tempUrls } from '../../_kit/uploads'
import { factsOf, inquiries, inquiryMessages, inquiryPolicy, iso, loadInquiry, summaryOf, textMask } from '../inquiries'

/** The caller's own inquiries, newest first (the latest 100). */
export async function myInquiries({ state }: InquiryInput<'myInquiries'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [policy, { data }] = await Promise.all([
    inquiryPolicy(),
    inquiries()
      .where({ openid, ...(state ? { state } : {}) })
      .orderBy('askedAt', 'desc')
      .limit(100)
      .get(),
  ])
  return { items: data.map((d) => summaryOf(d, ctx.now, policy)) }
}

/**
 * One inquiry with its conversation, for the asker, the department's staff and supervisors
 * (anyone else: NOT_FOUND). Image URLs are issued after that check and expire within 10 minutes;
 * supervisors get none (they watch deadlines, not photos). Reasons and flags are staff-only.
 * Free text reaches its author whole and everyone else with ID and phone numbers masked
 * (textMask): the question and the rating for staff, a reply for the asker and other staff, a
 * transfer reason for other staff.
 */
export async function getInquiry({ inquiryId }: InquiryInput<'getInquiry'>, ctx: ActionContext): Promise<InquiryView> {
  const caller = await ctx.caller()
  const { doc, standing } = await loadInquiry(inquiryId, caller)
  const staffView = standing.deptStaff || standing.supervisor
  const withUrls = standing.asker || standing.deptStaff
  const [policy, mask, { data: messages }, urls] = await Promise.all([
    inquiryPolicy(),
    textMask(),
    inquiryMessages().where({ inquiryId: doc._id }).orderBy('seq', 'asc').limit(1000).get(),
    withUrls && doc.images.length ? tempUrls(doc.images.map((i) => i.fileId)) : Promise.resolve(new Map<string, string>()),
  ])
  const myStaffNo = caller.staff?.staffNo
  const askers = (text: string) => (standing.asker ? text : mask(text))
  const wroteIt = (m: { from: 'asker' | 'staff'; staffNo?: string }) =>
    m.from === 'asker' ? standing.asker : !!myStaffNo && m.staffNo === myStaffNo
  return {
    ...summaryOf(doc, ctx.now, policy, standing.asker ? undefined : mask),
    question: askers(doc.question),
    images: doc.images.map((i) => ({
      imageId: i.imageId,
      contentType: i.contentType,
      size: i.size,
      ...(urls.has(i.fileId) ? { url: urls.get(i.fileId) } : {}),
    })),
    messages: messages.map((m) => ({
      seq: m.seq,
      from: m.from,
      ...(m.staffNo ? { staff: { staffNo: m.staffNo, name: m.staffName ?? '' } } : {}),
      // A staff reply is written to the asker: the numbers in it (a window's line, a callback number)
      // are given on purpose, so the asker sees them; an ID number never belongs there and is masked.
      text: wroteIt(m) ? m.text : m.from === 'staff' && standing.asker ? maskIdNumbersIn(m.text) : mask(m.text),
      at: iso(m.at),
    })),
    history: doc.history.map(({ reason, at, ...h }) => ({
      ...h,
      at: iso(at),
      ...(staffView && reason ? { reason: h.staffNo && h.staffNo === myStaffNo ? reason : mask(reason) } : {}),
    })),
    ...(doc.rating
      ? {
          rating: {
            score: doc.rating.score,
            ...(doc.rating.comment ? { comment: askers(doc.rating.comment) } : {}),
            at: iso(doc.rating.at),
          },
        }
      : {}),
    ...(staffView ? { flags: doc.flags.map((f) => ({ level: f.level, dueDate: f.dueDate, at: iso(f.at) })) } : {}),
    allowedActions: allowedInquiryActions(standing, factsOf(doc)),
  }
}
