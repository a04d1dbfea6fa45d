import { createHash, timingSafeEqual } from 'node:crypto'
import type { LookupResult } from '../../../types/contracts/case'
import { LOOKUP_MAX_FAILURES, LOOKUP_MISS_MESSAGE, LOOKUP_STAGE_LABELS, LOOKUP_WINDOW_MS, lookupStageOf, normaliseName, retryMessage } from '../../../types/domain/lookup'
import { notificationKey } from '../../../types/domain/notification'
import { cloud, db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { randomHex } from '../../_kit/ids'
import { log } from '../../_kit/log'
import { isDuplicate } from '../../_kit/outbox'
import { cases, deadlineOf, iso, type CaseDoc } from '../cases'
import { giveBack, markFilled, take, takeOwn } from './lookup-limits'

const digest = (s: string) => createHash('sha256').update(s).digest()
const same = (a: string, b: string): number => (timingSafeEqual(digest(a), digest(b)) ? 1 : 0)

/** Compared against when the number finds no case, so a miss costs the same work as a wrong name. */
const NOBODY: Pick<CaseDoc['applicant'], 'name' | 'idNumber' | 'phone'> = { name: '无此人', idNumber: '000000000000000000', phone: '00000000000' }

const miss = () => new AppError('NOT_FOUND', LOOKUP_MISS_MESSAGE)

/**
 * 进度查询 without a grant. Every well-formed wrong guess (no such number, a draft, a wrong name,
 * wrong digits) takes the same steps and answers the same NOT_FOUND; the budget of failed attempts
 * per OPENID and per case number is taken before the credentials are looked at (lookup-limits.ts).
 */
export async function lookup(input: { caseNo: string; name: string; idLast4: string }, ctx: ActionContext): Promise<LookupResult> {
  // The OPENID is the budget's key; the role does not matter, so the staff read is skipped (access 'anyone').
  const openid = String(cloud.getWXContext().OPENID ?? '')
  if (!openid) throw new AppError('UNAUTHENTICATED')
  const now = ctx.now
  const attemptId = randomHex(16)
  const byOpenid = `o:${openid}`
  const byNumber = `n:${input.caseNo}`

  const [found, mine] = await Promise.all([cases().where({ caseNo: input.caseNo }).limit(1).get(), takeOwn(byOpenid, attemptId, now)])
  if (!mine.ok) throw new AppError('RATE_LIMITED', retryMessage(mine.retryAt))
  const theirs = await take(byNumber, attemptId, now)
  if (!theirs.ok) {
    await giveBack(byOpenid, attemptId)
    throw new AppError('RATE_LIMITED', retryMessage(theirs.retryAt))
  }

  const doc = found.data[0] as CaseDoc | undefined
  const stage = doc ? lookupStageOf(doc.state) : undefined
  const known = doc && stage ? doc.applicant : NOBODY
  const last4 = input.idLast4
  // Bitwise, not &&/||: every comparison runs whatever the earlier ones found.
  const match = ((stage ? 1 : 0) & same(normaliseName(input.name), normaliseName(known.name)) & (same(last4, known.idNumber.slice(-4).toUpperCase()) | same(last4, known.phone.slice(-4)))) === 1

  if (!match) {
    if (theirs.used >= LOOKUP_MAX_FAILURES) await budgetFilled(byNumber, stage ? doc : undefined, now)
    throw miss()
  }
  await Promise.all([giveBack(byOpenid, attemptId), giveBack(byNumber, attemptId)])
  return coarseView(doc!, now)
}

/**
 * The failure that fills a case number's budget: the limit document records it, and the
 * applicant of a real case is told someone keeps failing to look it up. Both writes run side by
 * side so a real number is not slower than an invented one. The notice goes straight to the
 * outbox (the notify drain sends it within a minute) rather than through enqueueNotification,
 * whose immediate-delivery call would make this answer measurably slower for real numbers.
 */
async function budgetFilled(key: string, doc: CaseDoc | undefined, now: Date): Promise<void> {
  await Promise.all([markFilled(key, now).catch((e) => log.error('case.lookup.mark', e)), doc ? noticeToApplicant(doc, now) : undefined])
}

async function noticeToApplicant(doc: CaseDoc, now: Date): Promise<void> {
  const subjectId = `${doc._id}:${Math.floor(now.getTime() / LOOKUP_WINDOW_MS)}`
  const event = 'case.lookup_locked' as const
  try {
    await db()
      .collection(COLLECTIONS.outbox)
      .add({
        data: {
          _id: notificationKey(event, subjectId, doc.openid),
          event,
          subjectId,
          subjectRoot: doc._id,
          recipient: doc.openid,
          data: { matterName: doc.matterName, caseNo: doc.caseNo, failures: LOOKUP_MAX_FAILURES },
          page: `packages/case/detail/index?id=${doc._id}`,
          status: 'pending',
          attempts: 0,
          createdAt: db().serverDate(),
        },
      })
  } catch (e) {
    if (!isDuplicate(e)) log.error('case.lookup.notice', e)
  }
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
