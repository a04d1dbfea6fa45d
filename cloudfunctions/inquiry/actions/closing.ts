import type { InquiryInput } from '../../../types/contracts/inquiry'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { assertAllowed, inquiries, loadInquiry, writeGuarded } from '../inquiries'
import { freePlace } from '../open-quota'

/** The asker says the question is answered: the inquiry ends. */
export async function resolve({ inquiryId }: InquiryInput<'resolve'>, ctx: ActionContext) {
  const { doc, standing } = await loadInquiry(inquiryId, await ctx.caller())
  assertAllowed('resolve', doc, standing)
  await writeGuarded(
    doc,
    { state: 'closed', awaitingReply: false, closedAt: ctx.now, history: db().command.push([{ kind: 'resolved', at: ctx.now }]) },
    ctx.now,
  )
  await freePlace(doc)
  return { inquiryId: doc._id, state: 'closed' as const }
}

/**
 * The asker rates the answer once, 1 to 5, after at least one staff reply (kept for the 好差评
 * figures). "Once" is the condition of the update itself, so two taps cannot both count.
 */
export async function rate(input: InquiryInput<'rate'>, ctx: ActionContext) {
  const { doc, standing } = await loadInquiry(input.inquiryId, await ctx.caller())
  assertAllowed('rate', doc, standing)
  const _ = db().command
  const rating = { score: input.score, ...(input.comment ? { comment: input.comment } : {}), at: ctx.now }
  const { stats } = await inquiries()
    .where({ _id: doc._id, openid: doc.openid, rating: _.exists(false) })
    .update({ data: { rating, rev: _.inc(1), updatedAt: ctx.now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '您已评价过该咨询')
  return { inquiryId: doc._id, score: input.score }
}
