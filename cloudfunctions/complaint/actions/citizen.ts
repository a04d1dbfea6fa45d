import type { ComplaintInput } from '../../../types/contracts/complaint'
import { TRACK_WINDOW_MS } from '../../../types/domain/complaint'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { randomHex } from '../../_kit/ids'
import { db } from '../../_kit/cloud'
import {
  complaintPolicy,
  complaints,
  passwordHashOf,
  timelineOf,
  timelineWithPhotos,
  assertAllowed,
  type ComplaintDoc,
} from '../complaints'
import { giveAttemptBack, takeAttempt } from '../../_kit/attempt-budget'

/** One answer for a wrong number and a wrong password alike, so a guess learns nothing about which was wrong. */
const NOT_FOUND_MESSAGE = '未找到该投诉，请核对投诉编号和查询密码'

/** The caller's real-name complaints. Anonymous ones are reached only with their password. */
export async function mine(_input: ComplaintInput<'mine'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await complaints().where({ openid, anonymous: false }).orderBy('submittedAt', 'desc').limit(100).get()
  return { items: data.map(timelineOf) }
}

/**
 * The complaint a tracking number and (anonymous) password name, counted against the account's
 * hourly failure budget. A real-name complaint opens for its own account only; an anonymous one
 * for whoever holds the password. Every miss answers the same NOT_FOUND.
 */
async function findTracked(trackingNo: string, password: string | undefined, ctx: ActionContext): Promise<ComplaintDoc> {
  const { openid } = await ctx.caller()
  const policy = await complaintPolicy()
  // `cp:o:<OPENID>`: the account's own budget in lookup_attempts.
  const key = `cp:o:${openid}`
  const attemptId = randomHex(12)
  if (!(await takeAttempt(key, attemptId, ctx.now, policy.trackMaxFailures, TRACK_WINDOW_MS)))
    throw new AppError('RATE_LIMITED', '查询失败次数过多，请一小时后再试')
  const { data } = await complaints().where({ trackingNo }).limit(1).get()
  const doc = data[0]
  const matches =
    !!doc && (doc.anonymous ? !!password && doc.passwordHash === passwordHashOf(trackingNo, password) : !!openid && doc.openid === openid)
  if (!matches) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  await giveAttemptBack(key, attemptId)
  return doc
}

export async function track(input: ComplaintInput<'track'>, ctx: ActionContext) {
  return timelineWithPhotos(await findTracked(input.trackingNo, input.password, ctx))
}

/**
 * The complainant rates the office's answer once; "once" is the condition of the update itself.
 * The rating function's sweep finds it by `ratedAt` and counts it in 好差评 (rating/triggers.ts).
 */
export async function rateAnswer(input: ComplaintInput<'rateAnswer'>, ctx: ActionContext) {
  const doc = await findTracked(input.trackingNo, input.password, ctx)
  assertAllowed('rate', 'complainant', doc)
  const _ = db().command
  const rating = { rating: input.rating, ...(input.comment ? { comment: input.comment } : {}), at: ctx.now }
  const { stats } = await complaints()
    .where({ _id: doc._id, state: 'resolved', rating: _.exists(false) })
    .update({ data: { rating, ratedAt: ctx.now, rev: _.inc(1), updatedAt: ctx.now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '您已评价过该投诉的答复')
  return { trackingNo: doc.trackingNo, rating: input.rating }
}
