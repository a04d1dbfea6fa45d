import type { InquiryInput } from '../../../types/contracts/inquiry'
import { centreOffice } from '../../../types/domain/inquiry'
import { allDepartments, getMatterDoc } from '../../_kit/catalog'
import { AppError, notFound } from '../../_kit/errors'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { randomHex } from '../../_kit/ids'
import { log } from '../../_kit/log'
import { departmentName, replyClock, inquiries, inquiryPolicy, topicOf, type InquiryDoc } from '../inquiries'
import { releaseOpenPlace, takeOpenPlace } from '../open-quota'

type AskInput = InquiryInput<'ask'>

/** Where a question about no particular matter goes when the policy names no department: the centre's office. */
async function generalDepartmentId(): Promise<string> {
  const office = centreOffice(await allDepartments())
  if (!office) throw new AppError('CONFLICT', '中心尚未设置一般咨询的受理部门，请选择具体事项后再提问')
  return office.id
}

/** The asker's own case a 催办 is about; anyone else's answers as a missing one. */
async function ownCase(caseId: string, openid: string) {
  const { data } = await db().collection(COLLECTIONS.cases).where({ _id: caseId, openid }).limit(1).get()
  const c = data[0] as { _id: string; caseNo: string; matterId: string; departmentId: string } | undefined
  if (!c) throw notFound('未找到该办件')
  return c
}

/**
 * A question about a matter goes to the matter's department, a 催办 to the department handling the
 * asker's case, a general one to the centre's office. The reply is due one working day later (policy); a retried submit answers the first.
 * The asker's profile name is kept only to scrub it from a published FAQ. The account's place
 * among its open inquiries is taken (open-quota.ts) after everything that may refuse the question
 * and before it is written, and given back if the write fails: a refused question leaves nothing.
 */
export async function ask(input: AskInput, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  return once('inquiry.ask', openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const policy = await inquiryPolicy()
    const linked = input.caseId ? await ownCase(input.caseId, openid) : undefined
    const matterId = linked?.matterId ?? input.matterId
    const matter = matterId ? await getMatterDoc(matterId) : undefined
    const departmentId = linked?.departmentId ?? matter?.departmentId ?? policy.generalDepartmentId ?? (await generalDepartmentId())
    const [deptName, { data: profiles }] = await Promise.all([
      departmentName(departmentId),
      db().collection(COLLECTIONS.profiles).where({ _id: openid }).limit(1).get(),
    ])
    const doc: InquiryDoc = {
      _id: `iq-${randomHex(20)}`,
      openid,
      askerName: String(profiles[0]?.name ?? ''),
      ...(matter ? { matterId: matter.id, matterName: matter.name } : {}),
      ...(linked ? { caseId: linked._id, caseNo: linked.caseNo } : {}),
      departmentId,
      departmentName: deptName,
      question: input.question,
      topic: topicOf(input.question),
      state: 'open',
      ownerStaffNo: '',
      ownerName: '',
      awaitingReply: true,
      ...replyClock(ctx.now, policy),
      messageCount: 0,
      staffReplies: 0,
      images: [],
      history: [{ kind: 'asked', at: ctx.now, departmentId }],
      flags: [],
      flagKey: '',
      rev: 0,
      askedAt: ctx.now,
      lastMessageAt: ctx.now,
      updatedAt: ctx.now,
    }
    await takeOpenPlace(openid, doc._id, policy.maxOpenPerAsker, ctx.now)
    try {
      await inquiries().add({ data: doc })
    } catch (e) {
      await releaseOpenPlace(openid, doc._id).catch((err) => log.error('inquiry.ask.release', err))
      throw e
    }
    return { inquiryId: doc._id, departmentId, departmentName: deptName, state: doc.state, dueDate: doc.dueDate }
  })
}
