import { setBeijingNow } from '../support/clock'
import { codeOf, dataOf, errorOf } from '../support/calls'
import { newRequestId } from '../support/people'
import { isValidTrackingNo, newTrackingNo } from '../../types/domain/complaint'
import { A, B, complaintClient, startComplaintCloud } from '../support/complaint'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startComplaintCloud())
const c = kitFor(() => complaintClient(t))

/** The same number with one character changed so that the check character still fits is rare; we change the body and fix the check. */
function otherValidNumber(no: string): string {
  for (let i = 0; i < 1000; i++) {
    const candidate = newTrackingNo(() => i % 31)
    if (candidate !== no && isValidTrackingNo(candidate)) return candidate
  }
  throw new Error('no number')
}

describe('tracking with number and password', () => {
  it('when the number has a typo, the check character catches it before any lookup', async () => {
    setBeijingNow('2026-09-21', '09:00')
    const sent = dataOf(await c.submit(A, { anonymous: true, contactPhone: undefined, requestId: newRequestId() }))
    const last = sent.trackingNo.slice(-1)
    const typo = sent.trackingNo.slice(0, -1) + (last === 'A' ? 'B' : 'A')
    expect(codeOf(await c.call({ action: 'track', trackingNo: typo, password: sent.password }, B))).toBe('INVALID_INPUT')
  })

  it('when the password or the number is wrong, the answer is one and the same NOT_FOUND; after 5 failures in an hour the account is paused', async () => {
    setBeijingNow('2026-09-22', '09:00')
    const sent = dataOf(await c.submit(A, { anonymous: true, contactPhone: undefined }))
    const wrongPassword = sent.password === '00000000' ? '11111111' : '00000000'
    const byPassword = await c.call({ action: 'track', trackingNo: sent.trackingNo, password: wrongPassword }, B)
    const byNumber = await c.call({ action: 'track', trackingNo: otherValidNumber(sent.trackingNo), password: sent.password }, B)
    expect(errorOf(byPassword)).toEqual(errorOf(byNumber))
    expect(errorOf(byPassword).code).toBe('NOT_FOUND')

    // Anyone holding number and password may follow an anonymous complaint.
    expect(dataOf(await c.call({ action: 'track', trackingNo: sent.trackingNo, password: sent.password }, B)).state).toBe('submitted')
    // A real-name complaint opens only for its own account.
    const real = dataOf(await c.submit(A))
    expect(dataOf(await c.call({ action: 'track', trackingNo: real.trackingNo }, A)).state).toBe('submitted')
    expect(errorOf(await c.call({ action: 'track', trackingNo: real.trackingNo }, B))).toEqual(errorOf(byPassword))

    for (let i = 0; i < 2; i++) await c.call({ action: 'track', trackingNo: sent.trackingNo, password: wrongPassword }, B)
    expect(codeOf(await c.call({ action: 'track', trackingNo: sent.trackingNo, password: sent.password }, B))).toBe('RATE_LIMITED')
    // Another account is not affected; an hour later B may try again.
    expect(codeOf(await c.call({ action: 'track', trackingNo: real.trackingNo }, A))).toBeUndefined()
    setBeijingNow('2026-09-22', '10:01')
    expect(dataOf(await c.call({ action: 'track', trackingNo: sent.trackingNo, password: sent.password }, B)).state).toBe('submitted')
  })

  it('when a retried anonymous submit answers the first one, it gives the same password again', async () => {
    const requestId = newRequestId()
    const first = dataOf(await c.submit(A, { anonymous: true, contactPhone: undefined, requestId }))
    const again = dataOf(await c.submit(A, { anonymous: true, contactPhone: undefined, requestId }))
    expect(again).toEqual(first)
    expect(dataOf(await c.call({ action: 'mine' }, A)).items.map((i) => i.trackingNo)).not.toContain(first.trackingNo)
  })
})
