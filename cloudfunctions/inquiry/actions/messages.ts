import type { InquiryInput } from '../../../types/contracts/inquiry'
import { redact } from '../../../types/domain/masking'
import { pageLink, ROUTES } from '../../../types/routes'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { log } from '../../_kit/log'
import { enqueueNotification } from '../../_kit/outbox'
import {
  assertAllowed,
  replyClock,
  inquiries,
  inquiryMessages,
  inquiryPolicy,
  loadInquiry,
  topicOf,
  type InquiryDoc,
  type MessageDoc,
} from '../inquiries'

const ATTEMPTS = 5

/**
 * One message of the conversation. The asker may write until the inquiry ends; staff only as its
 * owner (首问负责制: claim first). A staff reply marks the inquiry answered and asks the outbox to
 * tell the citizen (one request per reply: the subject is `<inquiryId>:<seq>`); a follow-up after
 * an answer waits for a reply again, with a fresh due date. The sequence number is taken with a
 * revision-guarded update, so two messages at once get two numbers.
 */
export async function sendMessage(input: InquiryInput<'sendMessage'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  return once('inquiry.message', caller.openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const policy = await inquiryPolicy()
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const { doc, standing } = await loadInquiry(input.inquiryId, caller)
      assertAllowed('sendMessage', doc, standing)
      const fromStaff = !standing.asker
      const seq = doc.messageCount + 1
      const changes: Partial<InquiryDoc> = fromStaff
        ? { state: 'answered', awaitingReply: false, staffReplies: doc.staffReplies + 1 }
        : doc.state === 'answered'
          ? { state: 'claimed', awaitingReply: true, ...replyClock(ctx.now, policy) }
          : {}
      const { stats } = await inquiries()
        .where({ _id: doc._id, rev: doc.rev })
        .update({ data: { ...changes, messageCount: seq, lastMessageAt: ctx.now, rev: doc.rev + 1, updatedAt: ctx.now } })
      if (stats.updated !== 1) continue
      const staff = caller.staff
      const message: MessageDoc = {
        _id: `${doc._id}:${String(seq).padStart(4, '0')}`,
        inquiryId: doc._id,
        seq,
        from: fromStaff ? 'staff' : 'asker',
        ...(fromStaff ? { staffNo: staff!.staffNo, staffName: staff!.name, notified: false } : {}),
        text: input.text,
        at: ctx.now,
      }
      try {
        await inquiryMessages().add({ data: message })
      } catch (e) {
        await undo(doc, ctx.now)
        throw e
      }
      if (fromStaff) await notifyAsker(doc, message)
      return { inquiryId: doc._id, seq, state: (changes.state ?? doc.state) as InquiryDoc['state'] }
    }
    throw new AppError('CONFLICT', '对话正忙，请稍后重试')
  })
}

/** Puts the inquiry back when its message could not be written: no state change without its message. */
async function undo(doc: InquiryDoc, now: Date) {
  const { state, awaitingReply, dueDate, staffReplies, messageCount, lastMessageAt } = doc
  await inquiries()
    .where({ _id: doc._id, rev: doc.rev + 1 })
    .update({ data: { state, awaitingReply, dueDate, staffReplies, messageCount, lastMessageAt, rev: doc.rev + 2, updatedAt: now } })
    .catch((err) => log.error('inquiry.message.undo', err))
}

/**
 * The 'inquiry.answered' request for one staff reply. Its outbox id is the dedupe key, so the
 * deadline sweep can safely queue again a reply whose request was not written (notified: false).
 */
export async function notifyAsker(
  doc: Pick<InquiryDoc, '_id' | 'openid' | 'question' | 'departmentName'>,
  message: Pick<MessageDoc, '_id' | 'seq'>,
): Promise<boolean> {
  try {
    await enqueueNotification({
      event: 'inquiry.answered',
      subjectId: `${doc._id}:${message.seq}`,
      recipient: doc.openid,
      // Through WeChat's servers to a lock screen: numbers masked before the topic is cut, so no cut leaves part of one.
      data: { topic: topicOf(redact(doc.question)), department: doc.departmentName },
      page: pageLink(ROUTES.inquiryDetail, { id: doc._id }),
    })
    await inquiryMessages()
      .doc(message._id)
      .update({ data: { notified: true } })
    return true
  } catch (e) {
    log.error('inquiry.notify', e)
    return false
  }
}
