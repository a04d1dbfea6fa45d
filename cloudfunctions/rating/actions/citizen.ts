import type { RatingInput } from '../../../types/contracts/rating'
import { BAD_REASON_TAGS, isBad, RATING_LEVEL_LABELS, RATING_SCORES, ratingProblems, tagsFor, monthOf } from '../../../types/domain/rating'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { insertOnce } from '../../_kit/db'
import {
  invitations,
  invitationView,
  loadForStep,
  loadObject,
  loadRating,
  newLoop,
  raterView,
  ratingIdOf,
  ratingPolicy,
  ratings,
  summaryOf,
  today,
  writeStep,
  type RatingDoc,
} from '../ratings'
import { writeReport } from '../report'
import { notFound } from '../../_kit/errors'

const LIST_LIMIT = 100

/** What the caller may rate now: the invitations the sweep wrote for them, not yet rated. */
export async function pending(_input: RatingInput<'pending'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const policy = await ratingPolicy()
  const { data } = await invitations().where({ openid, status: 'open' }).orderBy('finishedAt', 'desc').limit(LIST_LIMIT).get()
  return {
    items: data.map((d) => invitationView(d, policy, tagsFor(d.channel, 'satisfied'), BAD_REASON_TAGS)),
  }
}

/**
 * One rating per object and rater: the rating's id is derived from (kind, object, rater), so of
 * any number of concurrent submits exactly one insert succeeds. A replay of that submit (the same
 * requestId) answers the same; any other answers that the service was rated already. The province
 * report and the invitation's status follow in the same call; the report sweep finishes either if
 * the call was cut short.
 */
export async function rate(input: RatingInput<'rate'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const object = await loadObject(input.objectKind, input.objectId, openid)
  const problems = ratingProblems(object.channel, input.level, input.tags, input.text)
  if (problems.length) throw new AppError('INVALID_INPUT', problems[0].message, problems)

  const ratingId = ratingIdOf(input.objectKind, input.objectId, openid)
  const answer = (d: RatingDoc) => ({ ratingId: d._id, level: d.level, bad: d.bad, ...(d.loop ? { state: d.loop.state } : {}) })
  const again = async () => {
    const existing = await loadRating(ratingId)
    if (existing.requestId !== input.requestId)
      throw new AppError('CONFLICT', existing.isDefault ? '评价期已过，已默认为基本满意' : '您已评价过该服务')
    return answer(existing)
  }
  const { data: seen } = await ratings().where({ _id: ratingId }).limit(1).get()
  if (seen[0]) return again()

  const policy = await ratingPolicy()
  const bad = isBad(input.level)
  const ratedOn = today(ctx.now)
  const doc: RatingDoc = {
    _id: ratingId,
    ...object,
    level: input.level,
    score: RATING_SCORES[input.level],
    tags: [...new Set(input.tags)],
    text: input.text,
    isDefault: false,
    bad,
    ratedAt: ctx.now,
    month: monthOf(ratedOn),
    requestId: input.requestId,
    loopOpen: bad,
    ...(bad ? { loop: newLoop(ratedOn, policy) } : {}),
    timeline: [{ kind: 'rated', at: ctx.now, label: `评价：${RATING_LEVEL_LABELS[input.level]}` }],
    reported: false,
    rev: 0,
  }
  if (!(await insertOnce(ratings(), doc))) return again()
  await writeReport(doc)
  await invitations()
    .where({ _id: ratingId, status: 'open' })
    .update({ data: { status: 'rated' } })
  return answer(doc)
}

export async function myRatings(_input: RatingInput<'myRatings'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await ratings().where({ openid }).orderBy('ratedAt', 'desc').limit(LIST_LIMIT).get()
  return { items: data.map(summaryOf) }
}

/** The rater's own rating with the loop's progress; anyone else is told it does not exist. */
export async function getRating({ ratingId }: RatingInput<'getRating'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const doc = await loadRating(ratingId)
  if (doc.openid !== openid) throw notFound('未找到该评价')
  return raterView(doc, ctx.now)
}

/** 追评: once, within the window after the department's reply; it ends the loop. */
export async function followUp(input: RatingInput<'followUp'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const doc = await loadForStep(input.ratingId, 'followUp', caller, ctx.now)
  const _ = db().command
  const entry = { kind: 'followed_up', at: ctx.now, label: `追评：${RATING_LEVEL_LABELS[input.level]}`, text: input.text }
  await writeStep(doc, {
    followUp: { level: input.level, text: input.text, at: ctx.now },
    'loop.state': 'closed',
    loopOpen: false,
    timeline: _.push([entry]),
  })
  return { ratingId: doc._id, state: 'closed' as const }
}
