/**
 * 候补: joining, positions, and a freed seat offered to the oldest fitting entry and held for it,
 * then confirmed (through the booking rules), declined or left to expire, or booked automatically.
 */
import { A, B, LEAD, PASSPORT, startDemoCloud } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'
import { setBeijingNow } from '../support/clock'
import { codeOf, dataOf } from '../support/calls'
import { applicant } from '../support/people'
import { slotOf, W, waitlistKit } from '../support/waitlist'

const t = cloudForFile(() => startDemoCloud(['appointment']))
const k = kitFor(() => waitlistKit(t))
const MONDAY = '2026-09-28'

beforeAll(() => k.smallWindows())
beforeEach(() => setBeijingNow(MONDAY, '09:00'))

describe('joining the waitlist', () => {
  it('when a slot that fits is still free, then joining is refused and nothing is written', async () => {
    const r = await k.join('o-join-free', '2026-10-12')
    expect(codeOf(r)).toBe('CONFLICT')
    expect((await t.db.collection('waitlist').where({ openid: 'o-join-free' }).count()).total).toBe(0)
  })

  it('when the input is bad (dates reversed, past the horizon, a window of another matter), then it is refused with the field and nothing is written', async () => {
    await k.fill('2026-10-13', 'bad')
    const reversed = await k.join('o-join-bad', '2026-10-13', { from: '2026-10-14', to: '2026-10-13' })
    expect(reversed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'to' }] } })
    expect(codeOf(await k.join('o-join-bad', '2026-10-30'))).toBe('INVALID_INPUT')
    expect(codeOf(await k.join('o-join-bad', '2026-10-13', { windowId: 'win-05' }))).toBe('INVALID_INPUT')
    const extra = await k.appointment.raw({ action: 'joinWaitlist', matterId: PASSPORT, openid: 'someone-else' }, 'o-join-bad')
    expect(codeOf(extra)).toBe('INVALID_INPUT')
    expect((await t.db.collection('waitlist').where({ openid: 'o-join-bad' }).count()).total).toBe(0)
  })

  it('when an account joins twice for one matter, then the second is refused; a second account is shown position 2', async () => {
    await k.fill('2026-10-14', 'pos')
    expect(dataOf(await k.join('o-pos-1', '2026-10-14'))).toMatchObject({ position: 1 })
    expect(codeOf(await k.join('o-pos-1', '2026-10-14'))).toBe('CONFLICT')
    setBeijingNow(MONDAY, '09:00', 1)
    expect(dataOf(await k.join('o-pos-2', '2026-10-14'))).toMatchObject({ position: 2 })
    const [entry] = await k.mine('o-pos-2')
    expect(entry).toMatchObject({ status: 'waiting', position: 2, half: 'am', windowId: W, from: '2026-10-14', auto: false })
    expect(entry.offer).toBeUndefined()
  })
})

describe('a freed seat', () => {
  it('when a booking is cancelled, then the oldest entry is offered the seat for 12 hours, nobody else can book it, and the push says 候补成功', async () => {
    const [first] = await k.fill('2026-10-15', 'cancel')
    await k.join(A, '2026-10-15')
    setBeijingNow(MONDAY, '09:00', 1)
    await k.join(B, '2026-10-15')
    setBeijingNow(MONDAY, '09:00')
    expect(dataOf(await k.cancel(first.openid, first.bookingId))).toMatchObject({ status: 'cancelled' })

    const offer = await k.offerOf(A)
    expect(offer).toMatchObject({
      slotId: first.slotId,
      date: '2026-10-15',
      start: '09:00',
      end: '09:30',
      until: '2026-09-28T13:00:00.000Z',
    })
    expect(await k.offerOf(B)).toBeUndefined()
    expect((await k.slotsOn('2026-10-15')).find((s) => s.slotId === first.slotId)?.remaining).toBe(0)
    const intruder = await k.appointment(
      { action: 'book', slotId: first.slotId, matterId: PASSPORT, requestId: 'req-intruder-1', ...applicant(9999) },
      'o-intruder',
    )
    expect(codeOf(intruder)).toBe('CONFLICT')
    const [msg] = await k.messagesOf(A, 'waitlist.offered')
    expect(msg.title).toBe('候补成功，请在09-28 21:00前确认')
    expect(await k.seat(first.slotId)).toMatchObject({
      remaining: 0,
      holders: [],
      offers: [expect.objectContaining({ id: offer!.offerId, openid: A })],
    })
  })

  it('when the citizen confirms, then the held seat becomes their booking and the entry ends as booked', async () => {
    const offer = (await k.offerOf(A))!
    const booked = dataOf(await k.accept(A, offer.offerId))
    const bookings = dataOf(await k.appointment({ action: 'myBookings' }, A)).bookings
    expect(bookings.find((b) => b.bookingId === booked.bookingId)).toMatchObject({ status: 'booked', slotId: offer.slotId })
    expect((await k.mine(A))[0]).toMatchObject({ status: 'booked', bookingId: booked.bookingId })
    expect(await k.seat(offer.slotId)).toMatchObject({ remaining: 0, holders: [booked.bookingId], offers: [] })
    // The queue moved up: B is first now.
    expect((await k.mine(B))[0]).toMatchObject({ position: 1 })
  })

  it('when the citizen is at the booking limit, then confirming is refused by the booking rules and the seat stays held', async () => {
    const [first] = await k.fill('2026-10-16', 'limit')
    await k.join('o-limit', '2026-10-16')
    for (const hhmm of ['09:00', '09:30']) await k.book('o-limit', slotOf('2026-10-12', hhmm, 'win-02'))
    await k.book('o-limit', slotOf('2026-10-13', '09:00', 'win-02'))
    await k.cancel(first.openid, first.bookingId)
    const offer = (await k.offerOf('o-limit'))!
    const r = await k.accept('o-limit', offer.offerId)
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('最多同时保留3个预约') } })
    expect((await k.offerOf('o-limit'))?.offerId).toBe(offer.offerId)
    expect(await k.seat(first.slotId)).toMatchObject({
      remaining: 0,
      holders: [],
      offers: [expect.objectContaining({ id: offer.offerId })],
    })
  })

  it('when the citizen declines, then the next entry is offered the seat at once and the decliner keeps waiting', async () => {
    const [first] = await k.fill('2026-10-09', 'decline')
    await k.join('o-dec-1', '2026-10-09')
    setBeijingNow(MONDAY, '09:00', 1)
    await k.join('o-dec-2', '2026-10-09')
    await k.cancel(first.openid, first.bookingId)
    const offer = (await k.offerOf('o-dec-1'))!
    expect(dataOf(await k.decline('o-dec-1', offer.offerId))).toEqual({ offerId: offer.offerId, declined: true })
    expect((await k.offerOf('o-dec-2'))?.slotId).toBe(first.slotId)
    expect((await k.mine('o-dec-1'))[0]).toMatchObject({ status: 'waiting', ignored: 0 })
    expect((await k.mine('o-dec-1'))[0].offer).toBeUndefined()
    // Declining again, or someone else's offer, changes nothing.
    expect(codeOf(await k.decline('o-dec-1', offer.offerId))).toBe('NOT_FOUND')
    const other = (await k.offerOf('o-dec-2'))!
    expect(codeOf(await k.decline('o-dec-1', other.offerId))).toBe('NOT_FOUND')
  })

  it('when an offer is left to expire, then the next entry gets it, and the expiry is no no-show', async () => {
    const [first] = await k.fill('2026-10-08', 'expire')
    await k.join('o-exp-1', '2026-10-08')
    setBeijingNow(MONDAY, '09:00', 1)
    await k.join('o-exp-2', '2026-10-08')
    await k.cancel(first.openid, first.bookingId)
    expect(await k.offerOf('o-exp-1')).toBeDefined()
    setBeijingNow(MONDAY, '21:01')
    // 21:01 on the 28th: the queue for the 8th of October is still open.
    const report = await k.sweep()
    expect(report.expired).toBeGreaterThanOrEqual(1)
    expect((await k.mine('o-exp-1'))[0]).toMatchObject({ status: 'waiting', ignored: 1 })
    expect((await k.offerOf('o-exp-2'))?.slotId).toBe(first.slotId)
    expect((await t.db.collection('no_shows').where({ openid: 'o-exp-1' }).count()).total).toBe(0)
  })

  it('when the entry chose 自动预约, then the freed seat is booked for it at once with 预约成功, and the 候补 note goes to the message centre', async () => {
    const [first] = await k.fill('2026-09-30', 'auto')
    await k.join('o-auto', '2026-09-30', { auto: true })
    await k.cancel(first.openid, first.bookingId)
    const [entry] = await k.mine('o-auto')
    expect(entry).toMatchObject({ status: 'booked', bookingId: expect.stringMatching(/^bk-/) })
    const booking = dataOf(await k.appointment({ action: 'getBooking', bookingId: entry.bookingId! }, 'o-auto'))
    expect(booking).toMatchObject({ status: 'booked', slotId: first.slotId })
    expect(await k.messagesOf('o-auto', 'waitlist.booked')).toHaveLength(1)
    expect(await k.messagesOf('o-auto', 'booking.confirmed')).toHaveLength(1)
    expect(await k.messagesOf('o-auto', 'waitlist.offered')).toHaveLength(0)
  })

  it('when 自动预约 is refused by a booking rule (the account is at its limit), then the seat is offered as usual instead', async () => {
    const [first] = await k.fill('2026-10-16', 'autolimit', 'win-02')
    await k.join('o-autolimit', '2026-10-16', { auto: true, windowId: 'win-02' })
    for (const slotId of [
      slotOf('2026-10-09', '09:00', 'win-02'),
      slotOf('2026-10-09', '09:30', 'win-02'),
      slotOf('2026-10-08', '09:00', 'win-02'),
    ])
      await k.book('o-autolimit', slotId)
    await k.cancel(first.openid, first.bookingId)
    const [entry] = await k.mine('o-autolimit')
    expect(entry).toMatchObject({ status: 'waiting', offer: { slotId: first.slotId } })
    expect(await k.messagesOf('o-autolimit', 'waitlist.offered')).toHaveLength(1)
    expect(await k.messagesOf('o-autolimit', 'waitlist.booked')).toHaveLength(0)
  })

  it('when a lead adds extended hours on a full day, then the new seats go to the waiting entries first', async () => {
    await k.fill('2026-10-12', 'hours')
    await k.join('o-hours', '2026-10-12')
    const r = await k.appointment({ action: 'addHours', windowId: W, date: '2026-10-12', period: { start: '11:00', end: '11:30' } }, LEAD)
    expect(r.ok).toBe(true)
    expect((await k.offerOf('o-hours'))?.start).toBe('11:00')
  })

  it('when a booking moves to another slot, then its old seat is offered to the waitlist', async () => {
    const [first] = await k.fill('2026-10-10', 'move')
    await k.join('o-move', '2026-10-10')
    const r = await k.appointment(
      { action: 'reschedule', bookingId: first.bookingId, slotId: slotOf('2026-10-13', '09:30', 'win-02'), requestId: 'req-move-0001' },
      first.openid,
    )
    expect(r.ok).toBe(true)
    expect((await k.offerOf('o-move'))?.slotId).toBe(first.slotId)
  })
})

describe('leaving', () => {
  it('when an entry with a held seat leaves, then the seat goes to the next entry; the account can join again later', async () => {
    const [first] = await k.fill('2026-10-14', 'leave', 'win-02')
    await k.join('o-leave-1', '2026-10-14', { windowId: 'win-02' })
    setBeijingNow(MONDAY, '09:00', 1)
    await k.join('o-leave-2', '2026-10-14', { windowId: 'win-02' })
    setBeijingNow(MONDAY, '09:00', 2)
    await k.cancel(first.openid, first.bookingId)
    const [entry] = await k.mine('o-leave-1')
    expect(entry.offer?.slotId).toBe(first.slotId)
    expect(dataOf(await k.appointment({ action: 'leaveWaitlist', entryId: entry.entryId }, 'o-leave-1'))).toEqual({
      entryId: entry.entryId,
      status: 'left',
    })
    expect((await k.offerOf('o-leave-2'))?.slotId).toBe(first.slotId)
    // Someone else's entry cannot be ended by another account.
    const [other] = await k.mine('o-leave-2')
    expect(codeOf(await k.appointment({ action: 'leaveWaitlist', entryId: other.entryId }, 'o-leave-1'))).toBe('NOT_FOUND')

    // The seat is booked by the second; the first joins again and is the only one waiting.
    dataOf(await k.accept('o-leave-2', (await k.offerOf('o-leave-2'))!.offerId))
    setBeijingNow(MONDAY, '09:05')
    expect(dataOf(await k.join('o-leave-1', '2026-10-14', { windowId: 'win-02', half: 'any' }))).toEqual({
      entryId: entry.entryId,
      position: 1,
    })
    expect((await k.mine('o-leave-1'))[0]).toMatchObject({ status: 'waiting', half: 'any', ignored: 0 })
  })
})

describe('hold times and the queue closing', () => {
  let tomorrow: Awaited<ReturnType<typeof k.fill>>
  it('when the slot starts within 24 hours, then the hold is 15 minutes', async () => {
    tomorrow = await k.fill('2026-09-29', 'near')
    const [first] = tomorrow
    await k.join('o-near', '2026-09-29')
    setBeijingNow(MONDAY, '10:00')
    await k.cancel(first.openid, first.bookingId)
    expect((await k.offerOf('o-near'))?.until).toBe('2026-09-28T02:15:00.000Z')
  })

  it('when it is 18:00 the day before, then a freed seat is offered to nobody and goes back to everyone, and joining is closed', async () => {
    const second = tomorrow[1]
    setBeijingNow(MONDAY, '18:00')
    expect(dataOf(await k.cancel(second.openid, second.bookingId))).toMatchObject({ status: 'cancelled' })
    expect((await k.slotsOn('2026-09-29')).find((s) => s.slotId === slotOf('2026-09-29', '09:30'))?.remaining).toBe(1)
    expect((await k.seat(slotOf('2026-09-29', '09:30'))).offers ?? []).toEqual([])
    expect(codeOf(await k.join('o-late', '2026-09-29'))).toBe('INVALID_INPUT')
  })
})

describe('three ignored offers', () => {
  it('when an entry lets three offers expire, then it is removed with a message and never offered again', async () => {
    const [first] = await k.fill('2026-10-15', 'ignore', 'win-02')
    await k.join('o-ignore', '2026-10-15', { windowId: 'win-02' })
    await k.cancel(first.openid, first.bookingId)
    for (const hhmm of ['21:01', '21:02', '21:03']) {
      // Each sweep re-offers the freed seat to the only entry for it, with a fresh 12-hour hold: end that hold now.
      await t.db
        .collection('slot_seats')
        .where({ _id: first.slotId })
        .update({ data: { 'offers.0.until': new Date('2026-09-28T00:00:00Z') } })
      setBeijingNow(MONDAY, hhmm)
      await k.sweep()
    }
    const [entry] = await k.mine('o-ignore')
    expect(entry).toMatchObject({ status: 'removed', ignored: 3 })
    expect(entry.offer).toBeUndefined()
    const [msg] = await k.messagesOf('o-ignore', 'waitlist.removed')
    expect(msg.body).toContain('连续3次未确认候补名额')
    expect(await k.seat(first.slotId)).toMatchObject({ remaining: 1, offers: [] })
    expect((await t.db.collection('no_shows').where({ openid: 'o-ignore' }).count()).total).toBe(0)
  })
})
