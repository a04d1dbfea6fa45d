/**
 * Near the end of the holiday data: a deadline that would fall in a year the calendar does not
 * know is refused with a message that says why, and the case stays as it was.
 */
import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../builders/clock'
import { A, caseClient, STAFF, startCaseCloud } from './case-kit'

let t: TestCloud
let c: ReturnType<typeof caseClient>

beforeAll(async () => {
  setBeijingNow('2026-12-24', '09:00')
  t = await startCaseCloud()
  c = caseClient(t)
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

describe('deadlines past the holiday data', () => {
  it('when acceptance would set a due date in 2027 (no holiday data yet), then it is refused saying so and the case stays in pre-review', async () => {
    const id = await c.caseIn('pre_review', A, 51)
    const r = await c.act(id, 'accept', STAFF)
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('2027年') } })
    expect(await c.stateOf(id)).toBe('pre_review')
  })
})
