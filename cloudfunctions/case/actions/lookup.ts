import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import type { LookupResult } from '../../../types/contracts/case'
import {
  LOOKUP_MISS_MESSAGE,
  LOOKUP_NOTICE_AFTER,
  LOOKUP_STAGE_LABELS,
  LOOKUP_WINDOW_MS,
  lookupStageOf,
  newQueryCode,
  normaliseName,
  retryMessage,
} from '../../../types/domain/lookup'
import type { CaseInput } from '../../../types/contracts/case'
import { pageLink, ROUTES } from '../../../types/routes'
import { cloud, db } from '../../_kit/cloud'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { randomHex } from '../../_kit/ids'
import { log } from '../../_kit/log'
import { queueNotification } from '../../_kit/outbox'
import { cases, deadlineOf, iso, loadCase, type CaseDoc } from '../cases'
import { giveBack, markFilled, take, takeOwn, type Take } from './lookup-limits'

const digest = (s: string) => createHash('sha256').update(s).digest()
const same = (a: string, b: string): number => (timingSafeEqual(digest(a), digest(b)) ? 1 : 0)

/** Compared against when the number finds no case (or a case without a code), so a miss costs the same work as a wrong name. */
const NOBODY = { name: '无此人', idNumber: '000000000000000000', phone: '00000000000', queryCode: 'no-code' }

const miss = () => new AppError('NOT_FOUND', LOOKUP_MISS_MESSAGE)

/**
 * 进度查询 without a grant (types/domain/lookup.ts says why the query code replaced the lock per
 * case number). Every well-formed wrong guess (no such number, a draft, a wrong code, a wrong
 * name, wrong digits) takes the same steps and answers the same NOT_FOUND. The caller's own
 * budgets (OPENID, and the device the client names) are taken before the credentials are looked
 * at; a failure on a number is only counted, and its applicant told after LOOKUP_NOTICE_AFTER.
 */
export async function lookup(
  input: { caseNo: string; queryCode: string; name: string; idLast4: string; deviceId?: string },
  ctx: ActionContext,
): Promise<LookupResult> {
  // The OPENID is the budget's key; the role does not matter, so the staff read is skipped (access 'anyone').
  const openid = String(cloud.getWXContext().OPENID ?? '')
  if (!openid) throw new AppError('UNAUTHENTICATED')
  const now = ctx.now
  const attemptId = randomHex(16)
  const own = [`o:${openid}`, ...(input.deviceId ? [`d:${input.deviceId}`] : [])]

  const [found, ...taken] = await Promise.all([
    cases().where({ caseNo: input.caseNo }).limit(1).get(),
    ...own.map((key) => takeOwn(key, attemptId, now)),
  ])
  const refused = taken.filter((t): t is Extract<Take, { ok: false }> => !t.ok)
  if (refused.length) {
    await Promise.all(own.filter((_k, i) => taken[i].ok).map((key) => giveBack(key, attemptId)))
    throw new AppError('RATE_LIMITED', retryMessage(new Date(Math.max(...refused.map((r) => r.retryAt.getTime())))))
  }

  const doc = found.data[0] as CaseDoc | undefined
  const stage = doc ? lookupStageOf(doc.state) : undefined
  const known = doc && stage ? { ...doc.applicant, queryCode: doc.queryCode ?? NOBODY.queryCode } : NOBODY
  const last4 = input.idLast4
  // Bitwise, not &&/||: every comparison runs whatever the earlier ones found.
  const match =
    ((stage ? 1 : 0) &
      (doc?.queryCode ? 1 : 0) &
      same(input.queryCode, known.queryCode) &
      same(normaliseName(input.name), normaliseName(known.name)) &
      (same(last4, known.idNumber.slice(-4).toUpperCase()) | same(last4, known.phone.slice(-4)))) ===
    1

  if (!match) {
    await failedOn(input.caseNo, attemptId, stage ? doc : undefined, now)
    throw miss()
  }
  await Promise.all(own.map((key) => giveBack(key, attemptId)))
  return coarseView(doc!, now)
}

/**
 * A failure on a case number is counted (never refused: the number is no secret), and the one
 * that reaches LOOKUP_NOTICE_AFTER within the hour tells the applicant of a real case. The count,
 * the mark and the notice run the same way for an invented number, so a real one is not slower.
 * The notice goes to the outbox alone (queueNotification: the notify drain delivers it to the
 * message centre within a minute, without a subscription grant: 'case.lookup_locked' is
 * message-only) rather than through enqueueNotification, whose message-centre write and
 * immediate-delivery call would make this answer measurably slower for real numbers.
 */
async function failedOn(caseNo: string, attemptId: string, doc: CaseDoc | undefined, now: Date): Promise<void> {
  const key = `n:${caseNo}`
  const counted = await take(key, attemptId, now, LOOKUP_NOTICE_AFTER).catch((e): Take => {
    log.error('case.lookup.count', e)
    return { ok: true, used: 0 }
  })
  if (!counted.ok || counted.used < LOOKUP_NOTICE_AFTER) return
  await Promise.all([markFilled(key, now).catch((e) => log.error('case.lookup.mark', e)), doc ? noticeToApplicant(doc, now) : undefined])
}

async function noticeToApplicant(doc: CaseDoc, now: Date): Promise<void> {
  await queueNotification({
    event: 'case.lookup_locked',
    subjectId: `${doc._id}:${Math.floor(now.getTime() / LOOKUP_WINDOW_MS)}`,
    recipient: doc.openid,
    data: { matterName: doc.matterName, caseNo: doc.caseNo, failures: LOOKUP_NOTICE_AFTER },
    page: pageLink(ROUTES.caseDetail, { id: doc._id }),
  }).catch((e) => log.error('case.lookup.notice', e))
}

/**
 * The case's query code, made now if the case has none yet (cases created before codes existed).
 * The write is conditional on there being no code, so two first reads at once agree on one.
 */
export async function queryCodeOf(doc: CaseDoc): Promise<string | undefined> {
  if (doc.queryCode) return doc.queryCode
  const code = newQueryCode(randomInt)
  const { stats } = await cases()
    .where({ _id: doc._id, queryCode: db().command.exists(false) })
    .update({ data: { queryCode: code } })
  if (stats.updated === 1) return code
  const { data } = await cases().where({ _id: doc._id }).limit(1).get()
  return (data[0] as CaseDoc | undefined)?.queryCode
}

/**
 * The applicant replaces the case's query code, e.g. after telling it to someone they should not
 * have: the old code stops working at once. Only the owner may; anyone else is answered as if the
 * case did not exist.
 */
export async function resetQueryCode({ caseId }: CaseInput<'resetQueryCode'>, ctx: ActionContext): Promise<{ queryCode: string }> {
  const { doc, access } = await loadCase(caseId, await ctx.caller())
  if (access.kind !== 'owner') throw notFound('未找到该办件')
  const queryCode = newQueryCode(randomInt)
  await cases()
    .where({ _id: doc._id, openid: doc.openid })
    .update({ data: { queryCode, updatedAt: ctx.now } })
  return { queryCode }
}

function coarseView(doc: CaseDoc, now: Date): LookupResult {
  const stage = lookupStageOf(doc.state)!
  const d = deadlineOf(doc, now)
  const pickup = doc.state === 'ready_for_pickup' ? doc.result?.pickup : undefined
  return {
    caseNo: doc.caseNo,
    matterName: doc.matterName,
    stage,
    stageLabel: LOOKUP_STAGE_LABELS[stage],
    ...(doc.submittedAt ? { submittedAt: iso(doc.submittedAt) } : {}),
    ...(d ? { dueDate: d.dueDate, ...(d.provisional ? { dueProvisional: true } : {}) } : {}),
    overdue: d?.overdue ?? false,
    readyForPickup: stage === 'ready',
    ...(pickup ? { pickup: { windowName: pickup.windowName, windowNumber: pickup.windowNumber, location: pickup.location } } : {}),
  }
}
