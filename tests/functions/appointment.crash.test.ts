/**
 * Whatever step a booking, a cancellation, a move or a check-in dies at, nothing leaks and nothing
 * is lost: the sweepers (appointment holdSweep, queue callSweep) finish or undo it. Each test puts
 * the data where a dead invocation would have left it, then runs the sweeper. The real kill of the
 * local cloud mid-rush is tests/local/durability.sigkill-during-bookings.test.ts.
 */
import { notificationKey } from '../../types/domain/notification'
import { LEAD, PASSPORT, startDemoCloud } from '../support/demo'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { apiOf, type TestCloud } from '../support/cloud'
import { appointmentCalls } from '../support/appointment'
import { dataOf, type EventOf } from '../support/calls'
import { queueContract, type appointmentContract } from '../../types/contracts'

let t: TestCloud
let seq = 3000
const DAY = '2026-09-28'

beforeAll(async () => {
  t = await startDemoCloud(['appointment', 'queue'])
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow(DAY, '09:00'))

const { appointment, slotsOn } = appointmentCalls(() => t)
const queue = apiOf(() => t, queueContract)
const doc = async (collection: string, id: string) => (await t.db.collection(collection).where({ _id: id }).get()).data[0]
const booking = (id: string) => doc('bookings', id)
const quota = (openid: string) => doc('booking_quota', openid)
const seat = (slotId: string) => doc('slot_seats', slotId)
const _ = () => t.db.command

/** Runs the booking sweeper three minutes later, when every settle time set now has passed. */
async function sweepLater(hhmm = '09:03') {
  setBeijingNow(DAY, hhmm)
  const r = await t.trigger('appointment', 'tick', 'holdSweep')
  expect(r.ok).toBe(true)
  return dataOf(r)
}

async function bookOne(openid: string, slotId: string, requestId = newRequestId()) {
  const event: EventOf<typeof appointmentContract, 'book'> = { action: 'book', slotId, matterId: PASSPORT, requestId, ...applicant(seq++) }
  const r = await appointment(event, openid)
  expect(r.ok).toBe(true)
  return { ...dataOf(r), event }
}

/** As if the invocation had died after taking its holds: pending again, no notification, no answer recorded. */
async function undoCommit(b: { bookingId: string; event: { requestId: string } }, openid: string) {
  await t.db
    .collection('bookings')
    .doc(b.bookingId)
    .update({ data: { status: 'pending' } })
  const key = notificationKey('booking.confirmed', b.bookingId, openid)
  await Promise.all([
    t.db.collection('outbox').doc(key).remove(),
    t.db.collection('messages').doc(key).remove(),
    t.db.collection('requests').doc(`book:${openid}:${b.event.requestId}`).remove(),
  ])
}

describe('a booking whose function died', () => {
  it('when it died after taking its quota and seat, then the sweeper completes it and records 预约成功 in the outbox and the message centre', async () => {
    const [slot] = await slotsOn('2026-09-29')
    const b = await bookOne('o-crash-1', slot.slotId)
    await undoCommit(b, 'o-crash-1')
    const swept = await sweepLater()
    expect(swept.completed).toBeGreaterThanOrEqual(1)
    expect(await booking(b.bookingId)).toMatchObject({ status: 'booked' })
    expect((await booking(b.bookingId)).settleBy).toBeUndefined()
    const key = notificationKey('booking.confirmed', b.bookingId, 'o-crash-1')
    expect(await doc('outbox', key)).toMatchObject({ status: 'pending', recipient: 'o-crash-1' })
    expect(await doc('messages', key)).toMatchObject({ openid: 'o-crash-1', title: '预约成功', read: false })
  })

  it('when it died holding the quota but not yet the seat, then the sweeper releases it and the quota and lock come back', async () => {
    const [, slot] = await slotsOn('2026-09-29')
    const before = (await seat(slot.slotId))?.remaining ?? slot.capacity
    const b = await bookOne('o-crash-2', slot.slotId)
    await undoCommit(b, 'o-crash-2')
    await t.db
      .collection('slot_seats')
      .where({ _id: slot.slotId, holders: b.bookingId })
      .update({ data: { remaining: _().inc(1), holders: _().pull(b.bookingId) } })
    await sweepLater()
    expect(await booking(b.bookingId)).toMatchObject({ status: 'released' })
    expect(await quota('o-crash-2')).toMatchObject({ active: 0, holders: [] })
    expect((await seat(slot.slotId)).remaining).toBe(before)
    expect(await doc('outbox', notificationKey('booking.confirmed', b.bookingId, 'o-crash-2'))).toBeUndefined()
    // Nobody sees it, and the same submit sent again books for real, under the same id.
    expect(dataOf(await appointment({ action: 'myBookings' }, 'o-crash-2')).bookings).toEqual([])
    const again = await appointment(b.event, 'o-crash-2')
    expect(again).toMatchObject({ ok: true, data: { bookingId: b.bookingId } })
    expect(await booking(b.bookingId)).toMatchObject({ status: 'booked' })
  })

  it('when the submit is sent again before any sweep, then it resumes the same booking and takes each hold once', async () => {
    const [, , slot] = await slotsOn('2026-09-29')
    const b = await bookOne('o-crash-3', slot.slotId)
    await undoCommit(b, 'o-crash-3')
    const again = await appointment(b.event, 'o-crash-3')
    expect(again).toMatchObject({ ok: true, data: { bookingId: b.bookingId, code: b.code } })
    expect(await quota('o-crash-3')).toMatchObject({ active: 1 })
    expect((await seat(slot.slotId)).holders.filter((h: string) => h === b.bookingId)).toHaveLength(1)
    expect(await doc('messages', notificationKey('booking.confirmed', b.bookingId, 'o-crash-3'))).toMatchObject({ title: '预约成功' })
  })

  it('when holds are left with no booking behind them, then the next booking is not refused for them and the sweeper gives them back', async () => {
    const slots = await slotsOn('2026-09-30')
    const ghosts = ['bk-00000000000000000001', 'bk-00000000000000000002', 'bk-00000000000000000003']
    await t.db
      .collection('booking_quota')
      .add({ data: { _id: 'o-crash-4', active: 3, holders: ghosts.map((id, i) => ({ id, lock: `ghost-${i}` })) } })
    await t.db.collection('slot_seats').add({
      data: {
        _id: slots[0].slotId,
        windowId: slots[0].windowId,
        date: slots[0].date,
        start: slots[0].start,
        capacity: slots[0].capacity,
        remaining: 0,
        holders: ghosts.slice(0, slots[0].capacity),
      },
    })
    // The quota heals on the spot: the refusal is checked against the bookings first.
    const b = await bookOne('o-crash-4', slots[1].slotId)
    expect(await quota('o-crash-4')).toMatchObject({ active: 1, holders: [{ id: b.bookingId }] })
    const swept = await sweepLater()
    expect(swept.seatsFreed).toBeGreaterThanOrEqual(slots[0].capacity)
    expect(await seat(slots[0].slotId)).toMatchObject({ remaining: slots[0].capacity, holders: [] })
  })
})

describe('a change whose function died', () => {
  it('when a cancellation died after the status change, then the sweeper gives back seat, quota and lock and records 预约已取消', async () => {
    const [slot] = await slotsOn('2026-10-08')
    const b = await bookOne('o-crash-5', slot.slotId)
    // Cancelled, and nothing after it happened.
    await t.db
      .collection('bookings')
      .doc(b.bookingId)
      .update({ data: { status: 'cancelled', cancelledBy: 'citizen', settleBy: new Date(`${DAY}T09:02:00+08:00`) } })
    await sweepLater()
    expect(await quota('o-crash-5')).toMatchObject({ active: 0 })
    expect((await seat(slot.slotId)).holders).not.toContain(b.bookingId)
    expect(await doc('messages', notificationKey('booking.cancelled', b.bookingId, 'o-crash-5'))).toMatchObject({ title: '预约已取消' })
  })

  it('when a citizen cancels, then 预约已取消 is in the message centre at once, before any delivery', async () => {
    const [, slot] = await slotsOn('2026-10-08')
    const b = await bookOne('o-crash-6', slot.slotId)
    expect((await appointment({ action: 'cancel', bookingId: b.bookingId }, 'o-crash-6')).ok).toBe(true)
    const key = notificationKey('booking.cancelled', b.bookingId, 'o-crash-6')
    expect(await doc('outbox', key)).toMatchObject({ status: 'pending' })
    expect(await doc('messages', key)).toMatchObject({ openid: 'o-crash-6', title: '预约已取消' })
  })

  it('when a move died after taking the new seat, then the sweeper gives that seat back and the booking stays where it was', async () => {
    const [from, to] = await slotsOn('2026-10-09')
    const b = await bookOne('o-crash-7', from.slotId)
    await t.db
      .collection('bookings')
      .doc(b.bookingId)
      .update({ data: { moving: { from: from.slotId, to: to.slotId }, settleBy: new Date(`${DAY}T09:02:00+08:00`) } })
    await t.db.collection('slot_seats').add({
      data: {
        _id: to.slotId,
        windowId: to.windowId,
        date: to.date,
        start: to.start,
        capacity: to.capacity,
        remaining: to.capacity - 1,
        holders: [b.bookingId],
      },
    })
    await sweepLater()
    expect(await booking(b.bookingId)).toMatchObject({ slotId: from.slotId, status: 'booked' })
    expect((await booking(b.bookingId)).moving).toBeUndefined()
    expect(await seat(to.slotId)).toMatchObject({ remaining: to.capacity, holders: [] })
    expect((await seat(from.slotId)).holders).toContain(b.bookingId)
  })

  it('when a move completes, then 预约成功 for the new time is recorded under its own subject', async () => {
    const [, , slot, next] = await slotsOn('2026-10-09')
    const b = await bookOne('o-crash-8', slot.slotId)
    expect(
      (await appointment({ action: 'reschedule', bookingId: b.bookingId, slotId: next.slotId, requestId: newRequestId() }, 'o-crash-8')).ok,
    ).toBe(true)
    const moved = await doc('messages', notificationKey('booking.confirmed', `${b.bookingId}:1`, 'o-crash-8'))
    expect(moved).toMatchObject({ title: '预约成功', body: expect.stringContaining(next.start) })
  })

  it('when the no-show sweep died after marking, then the holdSweep records the no-show and gives back the quota', async () => {
    const slot = (await slotsOn(DAY)).find((s) => s.start === '10:00')!
    const b = await bookOne('o-crash-9', slot.slotId)
    await t.db
      .collection('bookings')
      .doc(b.bookingId)
      .update({ data: { status: 'no_show', settleBy: new Date(`${DAY}T10:31:00+08:00`) } })
    await sweepLater('10:35')
    expect(await doc('no_shows', b.bookingId)).toMatchObject({ openid: 'o-crash-9' })
    expect(await quota('o-crash-9')).toMatchObject({ active: 0 })
  })
  it('when an evening reminder run died half-way, then the next run writes the missing reminders, once each', async () => {
    setBeijingNow(DAY, '18:00')
    const first = dataOf(await t.trigger('appointment', 'tick', 'dayBeforeReminders')).queued
    const tomorrow = (await t.db.collection('bookings').where({ date: '2026-09-29', status: 'booked' }).get()).data
    expect(first).toBe(tomorrow.length)
    const lost = notificationKey('booking.reminder_day_before', tomorrow[0]._id, tomorrow[0].openid)
    await t.db.collection('outbox').doc(lost).remove()
    setBeijingNow(DAY, '18:30')
    expect(dataOf(await t.trigger('appointment', 'tick', 'dayBeforeReminders')).queued).toBe(1)
    const reminders = await t.db.collection('outbox').where({ event: 'booking.reminder_day_before' }).get()
    expect(reminders.data.map((r) => r.subjectId).sort()).toEqual(tomorrow.map((b) => b._id).sort())
    expect(await doc('messages', lost)).toMatchObject({ title: '明日预约提醒' })
  })
})

describe('a check-in whose ticket could not be issued', () => {
  it('when the ticket write fails, then the booking is back to booked with its holds, and the next check-in works', async () => {
    const slot = (await slotsOn(DAY)).find((s) => s.start === '11:00')!
    const b = await bookOne('o-crash-10', slot.slotId)
    setBeijingNow(DAY, '10:40')
    const window = await doc('windows', slot.windowId)
    // The number the counter hands out next is already taken, so writing the ticket fails.
    const counter = await doc('queue_counters', `${DAY}-${window.queuePrefix}`)
    const next = (counter?.last ?? 0) + 1
    await t.db.collection('tickets').add({
      data: { _id: `${DAY.replace(/-/g, '')}-${window.queuePrefix}-${next}`, date: DAY, prefix: window.queuePrefix, status: 'done' },
    })
    expect(await queue({ action: 'checkIn', code: b.code }, LEAD)).toMatchObject({ ok: false })
    expect(await booking(b.bookingId)).toMatchObject({ status: 'booked' })
    expect((await booking(b.bookingId)).ticketId).toBeUndefined()
    const ok = await queue({ action: 'checkIn', code: b.code }, LEAD)
    expect(ok).toMatchObject({ ok: true, data: { ticket: { kind: 'booked' } } })
    expect(await booking(b.bookingId)).toMatchObject({ status: 'checked_in', ticketId: dataOf(ok).ticket.ticketId })
    expect(await quota('o-crash-10')).toMatchObject({ active: 0 })
  })

  it('when a check-in died between marking the booking and issuing the ticket, then the sweeper puts it back, and a later attempt finds a ticket that was issued', async () => {
    const slot = (await slotsOn(DAY)).find((s) => s.start === '11:30')!
    const lost = await bookOne('o-crash-11', slot.slotId)
    const issued = await bookOne('o-crash-12', slot.slotId)
    setBeijingNow(DAY, '10:40')
    const mark = { status: 'checked_in', checkedInAt: new Date(`${DAY}T10:40:00+08:00`), settleBy: new Date(`${DAY}T10:42:00+08:00`) }
    await t.db.collection('bookings').doc(lost.bookingId).update({ data: mark })
    await t.db.collection('bookings').doc(issued.bookingId).update({ data: mark })
    await t.db.collection('tickets').add({
      data: {
        _id: '20260928-Z-1',
        date: DAY,
        prefix: 'Z',
        number: 1,
        label: 'Z001',
        kind: 'booked',
        status: 'waiting',
        bookingId: issued.bookingId,
        openid: 'o-crash-12',
        matterId: PASSPORT,
        matterName: '普通护照签发',
        sortKey: '11:30|0|x',
        targetWindowId: '',
        windowId: '',
        callCount: 0,
        createdAt: new Date(),
      },
    })
    await sweepLater('10:45')
    expect(await booking(lost.bookingId)).toMatchObject({ status: 'booked' })
    expect(await booking(issued.bookingId)).toMatchObject({ status: 'checked_in', ticketId: '20260928-Z-1' })
    expect(await quota('o-crash-12')).toMatchObject({ active: 0 })
  })
})

describe('a call whose notices were lost', () => {
  it('when the function died right after calling, then the call sweeper records 请到…办理 for the called citizen', async () => {
    setBeijingNow(DAY, '09:10')
    const taken = await queue({ action: 'takeTicket', matterId: PASSPORT }, 'o-crash-13')
    const window = (await doc('matters', PASSPORT)).windowIds[0]
    // Nobody else queues for passports today, so this ticket is the one called.
    const called = await queue({ action: 'callNext', windowId: window }, LEAD)
    const { ticket } = dataOf(taken)
    expect(called).toMatchObject({ ok: true, data: { ticket: { ticketId: ticket.ticketId } } })
    const key = notificationKey('queue.called', ticket.ticketId, 'o-crash-13')
    expect(await doc('messages', key)).toMatchObject({ openid: 'o-crash-13' })
    await Promise.all([t.db.collection('outbox').doc(key).remove(), t.db.collection('messages').doc(key).remove()])
    setBeijingNow(DAY, '09:13')
    expect((await t.trigger('queue', 'callSweep')).ok).toBe(true)
    expect(await doc('outbox', key)).toMatchObject({ event: 'queue.called', status: 'pending' })
    expect(await doc('messages', key)).toMatchObject({ openid: 'o-crash-13', kind: 'queue' })
    expect((await doc('tickets', ticket.ticketId)).settleBy).toBeUndefined()
  })
})
