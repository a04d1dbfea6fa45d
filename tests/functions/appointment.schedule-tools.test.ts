/**
 * 排班管理: a department lead's view of a window's days (hours, seats per slot, bookings, 候补)
 * and the seats-per-slot change, which keeps every booking, gives new seats to the 候补 queue
 * first, and reaches every slot even when the function dies half-way. A closed day's held
 * 候补 seat is taken back with a message.
 */
import { A, B, LEAD, PASSPORT, STAFF, STAFF_SCJG, startDemoCloud } from '../support/demo'
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

const windowDays = async (as = LEAD) => dataOf(await k.appointment({ action: 'windowDays', windowId: W }, as))
const dayOf = async (date: string) => (await windowDays()).days.find((d) => d.date === date)!
const setCapacity = (date: string, capacity: number, as = LEAD) => k.appointment({ action: 'setCapacity', windowId: W, date, capacity }, as)
const mySlots = async (date: string) => (await k.slotsOn(date)).filter((s) => s.windowId === W)

describe('the window days a lead plans', () => {
  it('when the lead opens a window, then every day from today to the horizon is listed with its hours, seats, bookings and 候补', async () => {
    await k.fill('2026-10-12', 'days')
    await k.join(A, '2026-10-12')
    const view = await windowDays()
    expect(view).toMatchObject({ windowId: W, capacity: 1, today: MONDAY })
    expect(view.days[0].date).toBe(MONDAY)
    // 10 working days ahead of Monday 09-28 across the National Day holiday: 10-16 is the last.
    expect(view.days.at(-1)!.date).toBe('2026-10-16')
    expect(view.days.find((d) => d.date === '2026-10-02')).toMatchObject({ workingDay: false, periods: [], slots: 0 })
    expect(view.days.find((d) => d.date === '2026-10-12')).toMatchObject({
      workingDay: true,
      closed: false,
      periods: [{ start: '09:00', end: '10:00' }],
      capacity: 1,
      capacityChanged: false,
      slots: 2,
      booked: 2,
      waiting: 1,
    })
    expect(view.days.find((d) => d.date === '2026-10-13')).toMatchObject({ booked: 0, waiting: 0 })
    // The window's clerk sees the count on the day's list (今日预约), without the waiting people's names.
    const clerk = dataOf(await k.appointment({ action: 'daySchedule', date: '2026-10-12', windowId: W }, STAFF))
    expect(clerk).toMatchObject({ waiting: 1 })
    expect(clerk.bookings).toHaveLength(2)
    expect(dataOf(await k.appointment({ action: 'daySchedule', date: '2026-10-13', windowId: W }, STAFF)).waiting).toBe(0)
  })

  it('when a citizen, or staff of another department, asks for a window’s days, then it is forbidden', async () => {
    expect(codeOf(await k.appointment({ action: 'windowDays', windowId: W }, A))).toBe('FORBIDDEN')
    expect(codeOf(await k.appointment({ action: 'windowDays', windowId: W }, STAFF))).toBe('FORBIDDEN')
    expect(codeOf(await k.appointment({ action: 'windowDays', windowId: W }, STAFF_SCJG))).toBe('FORBIDDEN')
  })
})

describe('seats per slot', () => {
  it('when the lead raises a day to 3, then every slot has 3 seats, the other days keep 1, and the day says so', async () => {
    expect(dataOf(await setCapacity('2026-10-13', 3))).toEqual({ windowId: W, date: '2026-10-13', capacity: 3, overbooked: [] })
    expect((await mySlots('2026-10-13')).map((s) => [s.capacity, s.remaining])).toEqual([
      [3, 3],
      [3, 3],
    ])
    expect((await mySlots('2026-10-14')).map((s) => s.capacity)).toEqual([1, 1])
    expect(await dayOf('2026-10-13')).toMatchObject({ capacity: 3, capacityChanged: true })
  })

  it('when a full day is raised, then the new seats go to the 候补 queue first', async () => {
    await k.fill('2026-10-14', 'raise')
    await k.join(B, '2026-10-14')
    await setCapacity('2026-10-14', 2)
    const offer = await k.offerOf(B)
    expect(offer?.slotId).toBe(slotOf('2026-10-14', '09:00'))
    expect((await mySlots('2026-10-14')).map((s) => s.remaining)).toEqual([0, 1])
  })

  it('when a day is lowered below its bookings, then they stay, the slot takes nobody new, and a cancellation frees no seat until it is under the number', async () => {
    const date = '2026-10-15'
    await setCapacity(date, 3)
    const slotId = slotOf(date, '09:00')
    const held = [await k.book('o-low-1', slotId), await k.book('o-low-2', slotId), await k.book('o-low-3', slotId)]
    expect(dataOf(await setCapacity(date, 1))).toMatchObject({ capacity: 1, overbooked: ['09:00'] })
    expect(await k.seat(slotId)).toMatchObject({ capacity: 1, remaining: -2 })
    for (const [i, b] of held.entries())
      expect(dataOf(await k.appointment({ action: 'getBooking', bookingId: b.bookingId }, `o-low-${i + 1}`))).toMatchObject({
        status: 'booked',
      })
    expect((await mySlots(date)).map((s) => s.remaining)).toEqual([0, 1])
    expect(
      codeOf(await k.appointment({ action: 'book', slotId, matterId: PASSPORT, requestId: 'rq-low-4', ...applicant(9004) }, 'o-low-4')),
    ).toBe('CONFLICT')
    await k.cancel('o-low-1', held[0].bookingId)
    expect((await mySlots(date))[0].remaining).toBe(0)
    await k.cancel('o-low-2', held[1].bookingId)
    await k.cancel('o-low-3', held[2].bookingId)
    expect((await mySlots(date))[0].remaining).toBe(1)
  })

  it('when the number is bad (0, 51, 2.5, text), then it is refused with the field and nothing changes', async () => {
    for (const capacity of [0, 51, 2.5, '3'])
      expect(await k.appointment.raw({ action: 'setCapacity', windowId: W, date: '2026-10-16', capacity }, LEAD)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: 'capacity' }] },
      })
    expect(await dayOf('2026-10-16')).toMatchObject({ capacity: 1, capacityChanged: false })
  })

  it('when the day is closed, or in the past, or asked by window staff, then it is refused', async () => {
    expect(dataOf(await k.appointment({ action: 'closeDate', windowId: W, date: '2026-10-16', reason: '设备检修' }, LEAD))).toMatchObject({
      closed: true,
    })
    expect(codeOf(await setCapacity('2026-10-16', 2))).toBe('CONFLICT')
    expect(codeOf(await setCapacity('2026-09-25', 2))).toBe('INVALID_INPUT')
    expect(codeOf(await setCapacity('2026-10-12', 2, STAFF))).toBe('FORBIDDEN')
    expect(await dayOf('2026-10-16')).toMatchObject({ closed: true, reason: '设备检修', slots: 0 })
  })

  it('when extended hours are added to a day with its own number, then the new slots have that number too', async () => {
    await setCapacity('2026-10-09', 2)
    await k.appointment({ action: 'addHours', windowId: W, date: '2026-10-09', period: { start: '17:30', end: '18:30' } }, LEAD)
    expect((await mySlots('2026-10-09')).map((s) => [s.start, s.capacity])).toEqual([
      ['09:00', 2],
      ['09:30', 2],
      ['17:30', 2],
      ['18:00', 2],
    ])
    expect(await dayOf('2026-10-09')).toMatchObject({ extraPeriods: [{ start: '17:30', end: '18:30' }], capacity: 2, slots: 4 })
  })
})

describe('a change that died half-way', () => {
  it('when the number was saved but the seats not resized, then the booking sweeper resizes them', async () => {
    const date = '2026-10-08'
    const slotId = slotOf(date, '09:30')
    await k.book('o-crash-cap', slotId)
    // What a setCapacity that died after saving the day's number leaves: the old seat document.
    await t.db
      .collection('schedule_days')
      .doc(`${W}-${date}`)
      .set({ data: { windowId: W, date, closed: false, extraPeriods: [], capacity: 4 } })
    expect(await k.seat(slotId)).toMatchObject({ capacity: 1, remaining: 0 })
    setBeijingNow(MONDAY, '09:01')
    const swept = dataOf(await t.trigger('appointment', 'tick', 'holdSweep'))
    expect(swept.seatsResized).toBe(1)
    expect(await k.seat(slotId)).toMatchObject({ capacity: 4, remaining: 3 })
    expect(dataOf(await t.trigger('appointment', 'tick', 'holdSweep')).seatsResized).toBe(0)
  })
})

describe('closing a day with a held 候补 seat', () => {
  it('when the lead closes it, then the sweep takes the seat back, tells the citizen, and the entry keeps waiting', async () => {
    const date = '2026-10-07'
    setBeijingNow(MONDAY, '09:00')
    // 10-07 is a holiday: open it with extra hours, fill it, let a 候补 entry be offered a seat.
    await k.appointment({ action: 'addHours', windowId: W, date, period: { start: '09:00', end: '10:00' } }, LEAD)
    const [first, second] = await k.fill(date, 'close')
    await k.join('o-close-wait', date)
    await k.cancel(first.openid, first.bookingId)
    expect((await k.offerOf('o-close-wait'))?.slotId).toBe(first.slotId)
    await k.cancel(second.openid, second.bookingId)
    expect(dataOf(await k.appointment({ action: 'closeDate', windowId: W, date, reason: '停电' }, LEAD))).toMatchObject({ closed: true })

    await k.sweep()
    const [entry] = await k.mine('o-close-wait')
    expect(entry).toMatchObject({ status: 'waiting' })
    expect(entry.offer).toBeUndefined()
    const [msg] = await k.messagesOf('o-close-wait', 'waitlist.withdrawn')
    expect(msg).toMatchObject({ title: '候补名额已取消' })
    expect(msg.body).toContain(`${date} 09:00`)
    expect(await k.seat(first.slotId)).toMatchObject({ remaining: 1 })
  })
})

describe('the window’s usual seats per slot', () => {
  it('when the lead raises the window to 2, then days without their own number follow (the 候补 entry is offered the new seat), and a day with its own keeps it', async () => {
    // 10-12 was filled (one seat per slot) with A waiting; 10-13 has its own number, 3.
    const r = dataOf(await k.appointment({ action: 'setWindowCapacity', windowId: W, capacity: 2 }, LEAD))
    expect(r).toEqual({ windowId: W, capacity: 2, overbooked: [] })
    expect((await mySlots('2026-10-12')).map((s) => s.capacity)).toEqual([2, 2])
    expect((await k.offerOf(A))?.slotId).toBe(slotOf('2026-10-12', '09:00'))
    expect((await mySlots('2026-10-13')).map((s) => s.capacity)).toEqual([3, 3])
    // A day nobody set follows the window.
    expect((await mySlots('2026-09-30')).map((s) => s.capacity)).toEqual([2, 2])
    const view = await windowDays()
    expect(view.capacity).toBe(2)
    expect(view.days.find((d) => d.date === '2026-10-13')).toMatchObject({ capacity: 3, capacityChanged: true })
    expect(view.days.find((d) => d.date === '2026-09-30')).toMatchObject({ capacity: 2, capacityChanged: false })
    // The other window of the matter is untouched.
    expect((await k.slotsOn('2026-10-14')).filter((s) => s.windowId === 'win-02').map((s) => s.capacity)).toEqual([1, 1])
  })

  it('when the window’s number was saved but the seats not resized, then the booking sweeper resizes the days without their own', async () => {
    await t.db
      .collection('schedules')
      .doc(W)
      .set({ data: { periods: [{ start: '09:00', end: '10:00' }], capacity: 4 } })
    expect(await k.seat(slotOf('2026-10-12', '09:30'))).toMatchObject({ capacity: 2, remaining: 1 })
    setBeijingNow(MONDAY, '09:02')
    expect(dataOf(await t.trigger('appointment', 'tick', 'holdSweep')).seatsResized).toBeGreaterThan(0)
    expect(await k.seat(slotOf('2026-10-12', '09:30'))).toMatchObject({ capacity: 4, remaining: 3 })
    // Days with their own number keep it (10-13: 3, 10-14: 2).
    expect(await k.seat(slotOf('2026-10-13', '09:00'))).toMatchObject({ capacity: 3 })
    expect(await k.seat(slotOf('2026-10-14', '09:00'))).toMatchObject({ capacity: 2 })
  })

  it('when window staff, or a bad number, ask to change it, then it is refused and nothing changes', async () => {
    expect(codeOf(await k.appointment({ action: 'setWindowCapacity', windowId: W, capacity: 3 }, STAFF))).toBe('FORBIDDEN')
    expect(await k.appointment.raw({ action: 'setWindowCapacity', windowId: W, capacity: 0 }, LEAD)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'capacity' }] },
    })
    expect((await windowDays()).capacity).toBe(4)
  })
})
