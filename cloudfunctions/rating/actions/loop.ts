import type { RatingInput } from '../../../types/contracts/rating'
import type { StaffBadView } from '../../../types/contracts/rating'
import { followUpUntil, type Light, type LoopState } from '../../../types/domain/rating'
import { db } from '../../_kit/cloud'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { enqueueNotification } from '../../_kit/outbox'
import { workCalendar } from '../../_kit/work-calendar'
import { pageLink, ROUTES } from '../../../types/routes'
import { actorOf, dueOf, loadForStep, loadRating, ratingPolicy, ratings, staffView, today, writeStep, type RatingDoc } from '../ratings'
import { log } from '../../_kit/log'

const LIST_LIMIT = 200

/** Most urgent first: red, yellow, green, then what waits on nobody; within a light the earliest due date. */
const LIGHT_RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2 }
const urgency = (a: StaffBadView, b: StaffBadView) =>
  (a.due ? LIGHT_RANK[a.due.light] : 3) - (b.due ? LIGHT_RANK[b.due.light] : 3) ||
  (a.due?.dueDate ?? '').localeCompare(b.due?.dueDate ?? '') ||
  b.ratedAt.localeCompare(a.ratedAt)

/**
 * The department's 差评 worklist, most urgent first. Window staff and leads see their own department
 * only (the department comes from the staff record, never from the input); the centre office
 * sees every department or the one it names.
 */
export async function departmentBad(input: RatingInput<'departmentBad'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const departmentId = caller.role === 'supervisor' ? input.departmentId : caller.staff?.departmentId
  if (caller.role !== 'supervisor' && input.departmentId && input.departmentId !== departmentId)
    throw new AppError('FORBIDDEN', '只能查看本部门的差评')
  const where: Record<string, unknown> = { bad: true, ...(departmentId ? { departmentId } : {}) }
  if (input.state) where['loop.state'] = input.state
  if (input.stage) where['loop.stage'] = input.stage
  // The office's view of all departments reads the open loops: what may still need it. A state asked for by name is read whatever it is.
  if (!departmentId && !input.state) where.loopOpen = true
  const { data } = await ratings().where(where).orderBy('ratedAt', 'desc').limit(LIST_LIMIT).get()
  const policy = await ratingPolicy()
  // The light is worked out for today, not read from the sweep's last note of it.
  const items = data.filter((d) => d.loop).map((d) => staffView(d, caller, ctx.now, policy))
  return { items: items.filter((i) => !input.light || i.due?.light === input.light).sort(urgency) }
}

/**
 * One 差评 as its department or the centre office sees it. Anyone else — another department's
 * staff, or a rating that is not a 差评 — hears that there is no such rating, the same answer as
 * for an id that was never written, so the answer does not tell that it exists.
 */
export async function badRating(input: RatingInput<'badRating'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const { data } = await ratings().where({ _id: input.ratingId }).limit(1).get()
  const doc = data[0]
  const actor = doc && actorOf(doc, caller)
  if (!doc?.loop || (actor !== 'department' && actor !== 'office')) throw notFound('未找到该评价')
  return staffView(doc, caller, ctx.now, await ratingPolicy())
}

const staffNoOf = async (ctx: ActionContext) => (await ctx.caller()).staff?.staffNo ?? ''

async function answer(ratingId: string, now: Date) {
  const d = await loadRating(ratingId)
  const due = dueOf(d.loop, now, await ratingPolicy())
  return { ratingId: d._id, state: d.loop!.state, ...(due ? { due } : {}) }
}

const push = (entry: Record<string, unknown>) => db().command.push([entry])

/** 核实回访: the department verified the 差评 and called the rater back; the reply's clock is next. */
export async function verify(input: RatingInput<'verify'>, ctx: ActionContext) {
  const doc = await loadForStep(input.ratingId, 'verify', await ctx.caller(), ctx.now)
  const day = today(ctx.now)
  await writeStep(doc, {
    'loop.state': 'verified',
    'loop.stage': 'reply',
    'loop.startedOn': day,
    'loop.verifiedOn': day,
    'loop.dueDate': doc.loop!.replyDue,
    timeline: push({ kind: 'verified', at: ctx.now, label: '部门已核实并回访', text: input.note, staffNo: await staffNoOf(ctx) }),
  })
  return answer(doc._id, ctx.now)
}

/** 整改反馈: the department rectified and answered; the rater may follow up within the window. */
export async function reply(input: RatingInput<'reply'>, ctx: ActionContext) {
  const doc = await loadForStep(input.ratingId, 'reply', await ctx.caller(), ctx.now)
  const policy = await ratingPolicy()
  const day = today(ctx.now)
  await writeStep(doc, {
    'loop.state': 'replied',
    'loop.stage': db().command.remove(),
    'loop.dueDate': db().command.remove(),
    'loop.repliedOn': day,
    'loop.repliedInTime': day <= doc.loop!.replyDue,
    'loop.followUpUntil': followUpUntil(day, policy),
    timeline: push({ kind: 'replied', at: ctx.now, label: '部门已整改并反馈', text: input.text, staffNo: await staffNoOf(ctx) }),
  })
  await tellRater(doc, 'rating.replied')
  return answer(doc._id, ctx.now)
}

async function tellRater(doc: RatingDoc, event: 'rating.replied') {
  try {
    await enqueueNotification({
      event,
      subjectId: doc._id,
      recipient: doc.openid,
      data: { title: doc.title, department: doc.departmentName },
      page: pageLink(ROUTES.feedbackRating, { id: doc._id }),
    })
  } catch (e) {
    // The reply stands; the rater still sees it on the rating's timeline.
    log.error('rating.tellRater', e)
  }
}

/** One extension per 差评, with a reason; the office decides it within its own clock. */
export async function requestExtension(input: RatingInput<'requestExtension'>, ctx: ActionContext) {
  const doc = await loadForStep(input.ratingId, 'requestExtension', await ctx.caller(), ctx.now)
  const policy = await ratingPolicy()
  if (input.days > policy.maxExtensionWorkingDays)
    throw new AppError('INVALID_INPUT', `延期最多${policy.maxExtensionWorkingDays}个工作日`, [
      { path: 'days', message: `延期最多${policy.maxExtensionWorkingDays}个工作日` },
    ])
  const day = today(ctx.now)
  const staffNo = await staffNoOf(ctx)
  await writeStep(doc, {
    'loop.extension': { days: input.days, reason: input.reason, status: 'pending', dueBefore: doc.loop!.replyDue, staffNo, at: ctx.now },
    'loop.stage': 'decide',
    'loop.startedOn': day,
    'loop.dueDate': workCalendar().addWorkingDays(day, policy.decideWorkingDays),
    timeline: push({
      kind: 'extension_requested',
      at: ctx.now,
      label: `部门申请延期${input.days}个工作日`,
      staffText: input.reason,
      staffNo,
    }),
  })
  return answer(doc._id, ctx.now)
}

export async function decideExtension(input: RatingInput<'decideExtension'>, ctx: ActionContext) {
  const doc = await loadForStep(input.ratingId, 'decideExtension', await ctx.caller(), ctx.now)
  const ext = doc.loop!.extension!
  const replyDue = input.approve ? workCalendar().addWorkingDays(ext.dueBefore, ext.days) : ext.dueBefore
  const decision = input.approve ? `同意延期，整改期限至${replyDue}` : '不同意延期，请按原期限整改'
  await writeStep(doc, {
    'loop.extension.status': input.approve ? 'approved' : 'rejected',
    'loop.replyDue': replyDue,
    'loop.stage': 'reply',
    'loop.startedOn': doc.loop!.verifiedOn ?? today(ctx.now),
    'loop.dueDate': replyDue,
    timeline: push({
      kind: 'extension_decided',
      at: ctx.now,
      label: input.approve ? '中心办公室同意延期' : '中心办公室不同意延期',
      text: input.note ? `${decision}。${input.note}` : decision,
      staffNo: await staffNoOf(ctx),
    }),
  })
  return answer(doc._id, ctx.now)
}

const APPEAL_LABELS = { mistaken: '误评', malicious: '恶意差评', impossible: '无法整改' } as const

/** 申诉: the office decides within its clock; the reply's own due date keeps running meanwhile. */
export async function appeal(input: RatingInput<'appeal'>, ctx: ActionContext) {
  const doc = await loadForStep(input.ratingId, 'appeal', await ctx.caller(), ctx.now)
  const policy = await ratingPolicy()
  const day = today(ctx.now)
  const staffNo = await staffNoOf(ctx)
  await writeStep(doc, {
    'loop.state': 'appealed',
    'loop.resume': doc.loop!.state,
    'loop.appeal': { kind: APPEAL_LABELS[input.kind], reason: input.reason, status: 'pending', staffNo, at: ctx.now },
    'loop.stage': 'decide',
    'loop.startedOn': day,
    'loop.dueDate': workCalendar().addWorkingDays(day, policy.decideWorkingDays),
    timeline: push({
      kind: 'appealed',
      at: ctx.now,
      label: `部门提出申诉（${APPEAL_LABELS[input.kind]}）`,
      staffText: input.reason,
      staffNo,
    }),
  })
  return answer(doc._id, ctx.now)
}

/** Upheld: the 差评 is invalid and no longer counts; rejected: back to the department where it stood. */
export async function decideAppeal(input: RatingInput<'decideAppeal'>, ctx: ActionContext) {
  const doc = await loadForStep(input.ratingId, 'decideAppeal', await ctx.caller(), ctx.now)
  const loop = doc.loop!
  const staffNo = await staffNoOf(ctx)
  const entry = {
    kind: 'appeal_decided',
    at: ctx.now,
    label: input.uphold ? '申诉成立，评价不计入差评' : '申诉不成立，退回部门继续处理',
    text: input.note,
    staffNo,
  }
  if (input.uphold) {
    await writeStep(doc, {
      'loop.state': 'invalid',
      'loop.appeal.status': 'upheld',
      'loop.stage': db().command.remove(),
      'loop.dueDate': db().command.remove(),
      loopOpen: false,
      timeline: push(entry),
    })
  } else {
    const back: LoopState = loop.resume === 'verified' ? 'verified' : 'open'
    // Back to the stage it left: the reply's due date never moved; the call-back, if still owed, is due again in its own time.
    const policy = await ratingPolicy()
    const day = today(ctx.now)
    const dueDate = back === 'verified' ? loop.replyDue : workCalendar().addWorkingDays(day, policy.verifyWorkingDays)
    await writeStep(doc, {
      'loop.state': back,
      'loop.appeal.status': 'rejected',
      'loop.stage': back === 'verified' ? 'reply' : 'verify',
      'loop.startedOn': back === 'verified' ? (loop.verifiedOn ?? day) : day,
      'loop.dueDate': dueDate,
      timeline: push(entry),
    })
  }
  return answer(doc._id, ctx.now)
}
