import { createHash } from 'node:crypto'
import type { EventPayload } from '../../../types/domain/event-payloads'
import { followedCasePage, type FollowScope } from '../../../types/domain/follow'
import type { NotificationEvent } from '../../../types/domain/notification'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { notFound } from '../../_kit/errors'
import type { Caller } from '../../_kit/identity'
import { randomHex } from '../../_kit/ids'
import { log } from '../../_kit/log'
import { enqueueNotification } from '../../_kit/outbox'
import { cases, type CaseDoc } from '../cases'

/**
 * A relative's binding to an applicant's case (scope `case`) or to all of the applicant's cases,
 * present and future (scope `all`). Its id is derived from who follows what, so accepting a second
 * invitation for the same thing finds the same binding; revoking keeps the document (inactive)
 * for the audit trail, and a later invitation reactivates it.
 */
export interface FollowerDoc {
  _id: string
  ownerOpenid: string
  followerOpenid: string
  scope: FollowScope
  caseId?: string
  caseNo?: string
  matterName?: string
  /** The applicant's masked name, as the relative sees it. */
  applicantName: string
  nickname?: string
  active: boolean
  /** The invitation (hash of its code) that bound it last. */
  inviteId: string
  acceptedAt: Date
  revokedAt?: Date
}

/** One-time invitation; `_id` is the hash of the code, so the store never holds a usable code. */
export interface InvitationDoc {
  _id: string
  ownerOpenid: string
  scope: FollowScope
  caseId?: string
  caseNo?: string
  matterName?: string
  applicantName: string
  status: 'open' | 'used'
  createdAt: Date
  expiresAt: Date
  usedBy?: string
  usedAt?: Date
  followerId?: string
}

export const followers = () => db().collection<FollowerDoc>(COLLECTIONS.caseFollowers)
export const invitations = () => db().collection<InvitationDoc>(COLLECTIONS.followInvitations)

export const inviteIdOf = (code: string) => createHash('sha256').update(`follow-invite:${code}`).digest('hex').slice(0, 40)
export const followerIdOf = (owner: string, follower: string, scope: FollowScope, caseId = '') =>
  `cf-${createHash('sha256').update([owner, follower, scope, caseId].join('\n')).digest('hex').slice(0, 20)}`

/** Active bindings that cover a case: to the case itself, or to all of its applicant's cases. */
export async function bindingsOf(doc: Pick<CaseDoc, '_id' | 'openid'>): Promise<FollowerDoc[]> {
  const [one, all] = await Promise.all([
    followers().where({ caseId: doc._id, scope: 'case', active: true }).limit(100).get(),
    followers().where({ ownerOpenid: doc.openid, scope: 'all', active: true }).limit(100).get(),
  ])
  return [...one.data, ...all.data].filter((b) => b.followerOpenid !== doc.openid)
}

/** The case as a bound relative may read it; no binding (or a draft) answers like a missing case. */
export async function loadFollowedCase(caseId: string, caller: Caller): Promise<{ doc: CaseDoc; binding: FollowerDoc }> {
  const { data } = await cases().where({ _id: caseId }).limit(1).get()
  const doc = data[0]
  const binding =
    doc && doc.state !== 'draft' && caller.openid ? (await bindingsOf(doc)).find((b) => b.followerOpenid === caller.openid) : undefined
  if (!doc || !binding) throw notFound('未找到该办件')
  return { doc, binding }
}

/**
 * Grants, acceptances and revocations go to the case function's insert-only audit collection.
 * A grant of all cases names no case: it is found by the applicant's OPENID.
 */
export type FollowAudit = {
  kind: 'follow_invited' | 'follow_accepted' | 'follow_revoked'
  scope: FollowScope
  caseId?: string
  caseNo?: string
  ownerOpenid: string
  followerOpenid?: string
  followerId?: string
  inviteId?: string
  at: Date
}
export const recordFollowAudit = (entry: FollowAudit) =>
  db()
    .collection(COLLECTIONS.audit)
    .add({ data: { _id: `au-${randomHex(20)}`, ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) } })

/** The events a case's applicant and its bound relatives are told (a failed-lookup notice goes to the applicant alone). */
export type CaseNoticeEvent = Exclude<Extract<NotificationEvent, `case.${string}`>, 'case.lookup_locked'>
/** A case event with its payload, before it is addressed to anyone. */
export type CaseNotice = { [E in CaseNoticeEvent]: { event: E; subjectId: string; data: EventPayload<E> } }[CaseNoticeEvent]

/** The fields every case notice names the case by. */
export const caseNoticeFields = (doc: Pick<CaseDoc, 'matterName' | 'caseNo'>) => ({ matterName: doc.matterName, caseNo: doc.caseNo })

/**
 * The notice without its reason: a refusal's or a date change's reason is free text written to
 * the applicant. Every payload that has one has it optional (event-payloads.ts), so what is left
 * is still that event's payload; the outbox checks it again.
 */
function withoutReason(n: CaseNotice): CaseNotice {
  if (!('reason' in n.data)) return n
  const { reason: _reason, ...data } = n.data
  return { ...n, data } as CaseNotice
}

/**
 * The same notification for every bound relative, each under their own OPENID (and so their own
 * subscription grants and their own dedupe key), opening the follower's page of the case. The
 * reason stays with the applicant.
 */
export async function notifyFollowers(doc: CaseDoc, n: CaseNotice): Promise<void> {
  const recipients = [...new Set((await bindingsOf(doc)).map((b) => b.followerOpenid))]
  const notice = withoutReason(n)
  await Promise.all(
    recipients.map((recipient) =>
      enqueueNotification({ ...notice, recipient, page: followedCasePage(doc._id) }).catch((e) => log.error('case.follow.notify', e)),
    ),
  )
}
