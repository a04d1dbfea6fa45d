import type { FollowedCaseSummary, FollowedCaseView } from '../../../types/contracts/case'
import type { CaseInput } from '../../../types/contracts/case'
import { CASE_STATE_LABELS, citizenStepLabel } from '../../../types/domain/case-machine'
import {
  followInvitePage,
  INVITE_CODE_LENGTH,
  INVITE_FAILURE_WINDOW_MS,
  INVITE_MAX_FAILURES_PER_HOUR,
  INVITE_TTL_MS,
  inviteTitle,
} from '../../../types/domain/follow'
import { giveAttemptBack, takeAttempt } from '../../_kit/attempt-budget'
import { db } from '../../_kit/cloud'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { newReadableCode, randomHex } from '../../_kit/ids'
import type { Caller } from '../../_kit/identity'
import { insertOnce } from '../../_kit/db'
import { withRollback } from '../../_kit/rollback'
import { caseEvents, cases, deadlineChangesOf, deadlineOf, iso, loadCase, summaryOf, type CaseDoc } from '../cases'
import {
  followerIdOf,
  followers,
  invitations,
  inviteIdOf,
  loadFollowedCase,
  recordFollowAudit,
  type FollowerDoc,
  type InvitationDoc,
} from './follow-bindings'

const USED = '该邀请已被使用，请让家人重新分享'
const EXPIRED = '邀请已过期（24小时内有效），请让家人重新分享'

/** The applicant shares one submitted case, or all of their cases, through a one-time code valid 24 hours. */
export async function createFollowInvite(input: CaseInput<'createFollowInvite'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  let target: Pick<InvitationDoc, 'scope' | 'caseId' | 'caseNo' | 'matterName' | 'applicantName'>
  if (input.caseId) {
    const { doc, access } = await loadCase(input.caseId, caller)
    if (access.kind !== 'owner') throw notFound('未找到该办件')
    if (doc.state === 'draft') throw new AppError('CONFLICT', '申请提交后才能分享给家人')
    target = { scope: 'case', caseId: doc._id, caseNo: doc.caseNo, matterName: doc.matterName, applicantName: doc.applicant.nameMasked }
  } else {
    const { data } = await cases().where({ openid: caller.openid }).orderBy('createdAt', 'desc').limit(1).get()
    target = { scope: 'all', applicantName: data[0]?.applicant.nameMasked ?? '' }
  }
  const code = newReadableCode(INVITE_CODE_LENGTH)
  const invite: InvitationDoc = {
    _id: inviteIdOf(code),
    ownerOpenid: caller.openid,
    ...target,
    status: 'open',
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + INVITE_TTL_MS),
  }
  await invitations().add({ data: invite })
  await recordFollowAudit({
    kind: 'follow_invited',
    scope: invite.scope,
    caseId: invite.caseId,
    caseNo: invite.caseNo,
    ownerOpenid: caller.openid,
    inviteId: invite._id,
    at: ctx.now,
  })
  return {
    code,
    scope: invite.scope,
    ...(invite.caseId ? { caseId: invite.caseId } : {}),
    expiresAt: invite.expiresAt.toISOString(),
    share: { title: inviteTitle(invite.matterName), path: followInvitePage(code) },
  }
}

/**
 * The relative accepts: the code is claimed by one conditional update (open and unexpired), so of
 * two relatives accepting at once exactly one is bound. Opening one's own accepted invitation again
 * answers the same binding.
 */
export async function acceptFollowInvite(input: CaseInput<'acceptFollowInvite'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  // A short code can be guessed at: each try takes a place in the account's own hourly budget
  // before the code is looked up, and only a binding gives it back.
  const budget = `fi:o:${caller.openid}`
  const attemptId = randomHex(12)
  if (!(await takeAttempt(budget, attemptId, ctx.now, INVITE_MAX_FAILURES_PER_HOUR, INVITE_FAILURE_WINDOW_MS)))
    throw new AppError('RATE_LIMITED', '邀请码输错次数过多，请一小时后再试')
  const answer = await accept(input, caller, ctx)
  await giveAttemptBack(budget, attemptId)
  return answer
}

async function accept(input: CaseInput<'acceptFollowInvite'>, caller: Caller, ctx: ActionContext) {
  const inviteId = inviteIdOf(input.code)
  const invite = (await invitations().where({ _id: inviteId }).limit(1).get()).data[0]
  if (!invite) throw notFound('邀请码不正确或已失效，请让家人重新分享')
  if (invite.ownerOpenid === caller.openid) throw new AppError('CONFLICT', '这是您自己的办件，无需关注')
  const followerId = followerIdOf(invite.ownerOpenid, caller.openid, invite.scope, invite.caseId)
  const answer = {
    followerId,
    scope: invite.scope,
    ...(invite.caseId ? { caseId: invite.caseId } : {}),
    applicantName: invite.applicantName,
  }
  if (invite.status === 'used') {
    if (invite.usedBy === caller.openid && (await activeBinding(followerId))) return answer
    throw new AppError('CONFLICT', USED)
  }
  if (new Date(invite.expiresAt).getTime() <= ctx.now.getTime()) throw new AppError('CONFLICT', EXPIRED)

  await withRollback(async (onFail) => {
    const { stats } = await invitations()
      .where({ _id: inviteId, status: 'open', expiresAt: db().command.gt(ctx.now) })
      .update({ data: { status: 'used', usedBy: caller.openid, usedAt: ctx.now, followerId } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', USED)
    onFail(() =>
      invitations()
        .where({ _id: inviteId, usedBy: caller.openid })
        .update({
          data: { status: 'open', usedBy: db().command.remove(), usedAt: db().command.remove(), followerId: db().command.remove() },
        }),
    )
    await bind({
      _id: followerId,
      ownerOpenid: invite.ownerOpenid,
      followerOpenid: caller.openid,
      scope: invite.scope,
      ...(invite.caseId ? { caseId: invite.caseId, caseNo: invite.caseNo, matterName: invite.matterName } : {}),
      applicantName: invite.applicantName,
      ...(input.nickname ? { nickname: input.nickname } : {}),
      active: true,
      inviteId,
      acceptedAt: ctx.now,
    })
  })
  await recordFollowAudit({
    kind: 'follow_accepted',
    scope: invite.scope,
    caseId: invite.caseId,
    caseNo: invite.caseNo,
    ownerOpenid: invite.ownerOpenid,
    followerOpenid: caller.openid,
    followerId,
    inviteId,
    at: ctx.now,
  })
  return answer
}

const activeBinding = async (id: string) => (await followers().where({ _id: id, active: true }).limit(1).get()).data[0]

/** A new binding, or the earlier (revoked or still active) one made current again. */
async function bind(b: FollowerDoc): Promise<void> {
  if (!(await insertOnce(followers(), b))) {
    const { _id, ...rest } = b
    await followers()
      .doc(_id)
      .update({ data: { ...rest, nickname: b.nickname ?? db().command.remove(), revokedAt: db().command.remove() } })
  }
}

/** Who follows the caller's cases; with a caseId, those who see that case (including all-case followers). */
export async function listFollowers({ caseId }: CaseInput<'listFollowers'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data } = await followers().where({ ownerOpenid: openid, active: true }).orderBy('acceptedAt', 'desc').limit(100).get()
  return {
    followers: data
      .filter((b) => !caseId || b.scope === 'all' || b.caseId === caseId)
      .map((b) => ({
        followerId: b._id,
        scope: b.scope,
        ...(b.caseId ? { caseId: b.caseId, caseNo: b.caseNo, matterName: b.matterName } : {}),
        nickname: b.nickname ?? '亲友',
        since: iso(b.acceptedAt)!,
      })),
  }
}

/** The applicant ends a relative's view at once; someone else's binding answers NOT_FOUND. */
export async function revokeFollower({ followerId }: CaseInput<'revokeFollower'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const b = (await followers().where({ _id: followerId, ownerOpenid: openid }).limit(1).get()).data[0]
  if (!b) throw notFound('未找到该关注')
  const { stats } = await followers()
    .where({ _id: followerId, active: true })
    .update({ data: { active: false, revokedAt: ctx.now } })
  if (stats.updated === 1) {
    await recordFollowAudit({
      kind: 'follow_revoked',
      scope: b.scope,
      caseId: b.caseId,
      caseNo: b.caseNo,
      ownerOpenid: openid,
      followerOpenid: b.followerOpenid,
      followerId,
      at: ctx.now,
    })
  }
  return { followerId, revoked: true as const }
}

/** The relative's list: every submitted case an active binding covers, latest change first. */
export async function followedCases(_input: CaseInput<'followedCases'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const { data: bindings } = await followers().where({ followerOpenid: openid, active: true }).limit(100).get()
  const _ = db().command
  const one = bindings.filter((b) => b.scope === 'case')
  const owners = [...new Set(bindings.filter((b) => b.scope === 'all').map((b) => b.ownerOpenid))]
  const [byId, byOwner] = await Promise.all([
    one.length
      ? cases()
          .where({ _id: _.in(one.map((b) => b.caseId)) })
          .limit(100)
          .get()
      : { data: [] as CaseDoc[] },
    owners.length
      ? cases()
          .where({ openid: _.in(owners), state: _.neq('draft') })
          .orderBy('createdAt', 'desc')
          .limit(100)
          .get()
      : { data: [] as CaseDoc[] },
  ])
  const seen = new Map<string, FollowedCaseSummary>()
  for (const doc of [...byId.data, ...byOwner.data]) {
    if (doc.state === 'draft' || seen.has(doc._id)) continue
    const b = bindings.find((x) => (x.scope === 'case' ? x.caseId === doc._id : x.ownerOpenid === doc.openid))!
    seen.set(doc._id, summaryFor(doc, b, ctx.now))
  }
  return { cases: [...seen.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) }
}

/** The applicant's own list entry (masked name, stage, due date) plus what a follower needs; the output schema keeps only the follower's fields. */
function summaryFor(doc: CaseDoc, b: FollowerDoc, now: Date): FollowedCaseSummary {
  return { ...summaryOf(doc, now), followerId: b._id, readyForPickup: doc.state === 'ready_for_pickup' }
}

/** A followed case: stage, steps, deadline and where to collect the result (not the code). */
export async function followedCase({ caseId }: CaseInput<'followedCase'>, ctx: ActionContext): Promise<FollowedCaseView> {
  const { doc } = await loadFollowedCase(caseId, await ctx.caller())
  const { data: events } = await caseEvents().where({ caseId: doc._id }).orderBy('seq', 'asc').limit(1000).get()
  const d = deadlineOf(doc, ctx.now)
  const pickup = doc.state === 'ready_for_pickup' ? doc.result?.pickup : undefined
  return {
    caseId: doc._id,
    caseNo: doc.caseNo,
    matterName: doc.matterName,
    state: doc.state,
    stateLabel: CASE_STATE_LABELS[doc.state],
    applicantName: doc.applicant.nameMasked,
    ...(d
      ? {
          deadline: {
            dueDate: d.dueDate,
            workingDaysLeft: d.workingDaysLeft,
            overdue: d.overdue,
            paused: d.paused,
            provisional: d.provisional,
          },
        }
      : {}),
    deadlineChanges: deadlineChangesOf(doc),
    ...(pickup ? { pickup: { windowName: pickup.windowName, windowNumber: pickup.windowNumber, location: pickup.location } } : {}),
    timeline: events
      .filter((e) => !e.internal)
      .map((e) => ({
        seq: e.seq,
        action: e.action,
        label: citizenStepLabel(e.action, e.from),
        from: e.from,
        to: e.to,
        actor: e.actor,
        at: iso(e.at)!,
      })),
    ...(doc.submittedAt ? { submittedAt: iso(doc.submittedAt) } : {}),
    updatedAt: iso(doc.updatedAt)!,
  }
}
