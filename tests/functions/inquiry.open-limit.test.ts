import type { TestCloud } from '../support/cloud'
import { newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { inquiryClient, STAFF, startInquiryCloud } from '../support/inquiry'

let t: TestCloud
let c: ReturnType<typeof inquiryClient>

beforeAll(async () => {
  t = await startInquiryCloud()
  c = inquiryClient(t)
  await t.db
    .collection('settings')
    .doc('inquiry_policy')
    .set({ data: { maxOpenPerAsker: 5 } })
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

let accounts = 0
const fresh = () => `o-limit-${accounts++}`
const openOf = async (openid: string) =>
  (
    await t.db
      .collection('inquiries')
      .where({ openid, state: t.db.command.neq('closed') })
      .count()
  ).total
const LIMITED = { ok: false, error: { code: 'RATE_LIMITED', message: '您有5条咨询尚未结束，请等答复后或结束后再提问' } }

describe('the open-inquiry limit per account', () => {
  it('when 20 questions of one account arrive at once, then exactly 5 are asked and 15 refused', async () => {
    const me = fresh()
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.ask(me)))
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    for (const a of answers.filter((x) => !x.ok)) expect(a).toEqual(LIMITED)
    expect(await openOf(me)).toBe(5)
  })

  it('when an account at the limit ends one (itself or by staff), then exactly one more may be asked each time', async () => {
    const me = fresh()
    const ids = await Promise.all(Array.from({ length: 5 }, () => c.askOk(me)))
    expect(await c.ask(me)).toEqual(LIMITED)
    await c.ok(c.call({ action: 'resolve', inquiryId: ids[0] }, me))
    const again = await Promise.all(Array.from({ length: 6 }, () => c.ask(me)))
    expect(again.filter((a) => a.ok)).toHaveLength(1)
    await c.ok(c.claim(ids[1]))
    await c.ok(c.call({ action: 'close', inquiryId: ids[1], reason: '重复提问，已在另一条答复' }, STAFF))
    expect(await c.ask(me)).toMatchObject({ ok: true })
    expect(await c.ask(me)).toEqual(LIMITED)
    expect(await openOf(me)).toBe(5)
  })

  it('when a retried question (same request id) comes 10 times at once, then it takes one place', async () => {
    const me = fresh()
    const requestId = newRequestId()
    const answers = await Promise.all(Array.from({ length: 10 }, () => c.ask(me, { requestId })))
    expect(new Set(answers.filter((a) => a.ok).map((a) => a.data.inquiryId)).size).toBe(1)
    expect((await t.db.collection('inquiry_quota').doc(me).get()).data.open).toHaveLength(1)
  })

  it('when a question is refused for its input (an unknown matter), then no place is taken', async () => {
    const me = fresh()
    await c.askOk(me)
    expect(await c.ask(me, { matterId: 'm-no-such-matter' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await t.db.collection('inquiry_quota').doc(me).get()).data.open).toHaveLength(1)
  })

  it('when a release was lost (the inquiry closed, its place kept), then the full list takes the place back', async () => {
    const me = fresh()
    const ids = await Promise.all(Array.from({ length: 5 }, () => c.askOk(me)))
    await t.db
      .collection('inquiries')
      .doc(ids[2])
      .update({ data: { state: 'closed' } })
    expect(await c.ask(me)).toMatchObject({ ok: true })
    expect(await c.ask(me)).toEqual(LIMITED)
  })

  it('when a place was taken but its inquiry never written, then it counts for a minute and is taken back after', async () => {
    const me = fresh()
    await Promise.all(Array.from({ length: 4 }, () => c.askOk(me)))
    await t.db
      .collection('inquiry_quota')
      .doc(me)
      .update({ data: { open: t.db.command.push([{ id: 'iq-00000000000000000000', at: new Date(process.env.LOCAL_FAKE_NOW!) }]) } })
    expect(await c.ask(me)).toEqual(LIMITED)
    setBeijingNow('2026-09-21', '09:02')
    expect(await c.ask(me)).toMatchObject({ ok: true })
    expect(await openOf(me)).toBe(5)
  })

  it('when an account has open inquiries from before the list existed, then they count', async () => {
    const me = fresh()
    const ids = await Promise.all(Array.from({ length: 4 }, () => c.askOk(me)))
    await t.db.collection('inquiry_quota').doc(me).remove()
    expect(await c.ask(me)).toMatchObject({ ok: true })
    expect(await c.ask(me)).toEqual(LIMITED)
    expect((await t.db.collection('inquiry_quota').doc(me).get()).data.open.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining(ids),
    )
  })
})
