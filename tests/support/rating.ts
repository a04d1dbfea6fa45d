/** Shared set-up of the rating function tests: a cloud with the functions whose services are rated, and builders. */
import { queueContract, ratingContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import type { RatingKind } from '../../types/domain/rating'
import { caseClient } from './case'
import { dataOf, ok } from './calls'
import type { TestCloud } from './cloud'
import { LEAD, startDemoCloud } from './demo'
import { inquiryClient } from './inquiry'
import { newRequestId } from './people'

export { A, ADMIN, B, LEAD, PASSPORT, STAFF, STAFF_SCJG, SUPERVISOR } from './demo'

export const startRatingCloud = (): Promise<TestCloud> => startDemoCloud(['case', 'queue', 'inquiry', 'rating'])

export function ratingClient(t: TestCloud) {
  const call = t.api(ratingContract)
  const cases = caseClient(t)
  const inquiries = inquiryClient(t)
  const queue = t.api(queueContract)
  let seq = 40

  /** A passport case of `openid`, approved (办结) through the real case actions. */
  const finishedCase = (openid: string) => cases.caseIn('approved', openid, seq++)
  /** A walk-in passport ticket of `openid`, called and finished at win-01 by 陈静 (the hall must be open: set the clock). */
  async function servedTicket(openid: string): Promise<string> {
    const { ticket } = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, openid))
    const called = dataOf(await queue({ action: 'callNext', windowId: 'win-01' }, LEAD)).ticket
    expect(called?.ticketId).toBe(ticket.ticketId)
    await ok(queue({ action: 'finish', ticketId: ticket.ticketId }, LEAD))
    return ticket.ticketId
  }
  const answeredInquiry = (openid: string) => inquiries.answered(openid)

  type RateInput = ActionInput<typeof ratingContract, 'rate'>
  const rate = (openid: string, objectKind: RatingKind, objectId: string, over: Partial<RateInput> = {}) =>
    call({ action: 'rate', objectKind, objectId, level: 'satisfied', tags: [], text: '', requestId: newRequestId(), ...over }, openid)
  /** A 差评 of a fresh finished case of `openid`: its rating id and case id. */
  async function badRating(openid: string, over: Partial<RateInput> = {}) {
    const caseId = await finishedCase(openid)
    const r = dataOf(
      await rate(openid, 'case', caseId, { level: 'very_dissatisfied', tags: ['超过承诺时限未办结'], text: '等了很久还没有办好', ...over }),
    )
    return { ...r, caseId }
  }
  const count = async (collection: string, where: Record<string, unknown> = {}) =>
    (await t.db.collection(collection).where(where).count()).total
  const tick = (job: string) => t.trigger('rating', 'tick', job)
  return { call, cases, inquiries, queue, finishedCase, servedTicket, answeredInquiry, rate, badRating, count, tick }
}
