import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { appointmentCalls } from '../support/appointment'
import { dataOf, errorOf } from '../support/calls'

const functionsDir = mkdtempSync(join(tmpdir(), 'appointment-fns-'))
let t: TestCloud
let seq = 100

// A Monday before the 2026 National Day holiday (10-01..10-07) and its make-up Saturday (10-10).
const MONDAY = '2026-09-28'
const PASSPORT = 'm-passport'

beforeAll(async () => {
  await buildFunctions(['appointment', 'queue'], undefined, functionsDir)
  t = await startTestCloud({ functionsDir, seed: seedDemoCentre, indexes: INDEXES })
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow(MONDAY, '09:00'))

const { appointment, slotsOn } = appointmentCalls(() => t)
const book = (openid: string, slotId: string, extra: Partial<ReturnType<typeof applicant>> = {}) =>
  appointment({ action: 'book', slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(seq++), ...extra }, openid)
const count = async (collection: string, where: object = {}) => (await t.db.collection(collection).where(where).count()).total

describe('which days and slots open', () => {
  it('when the date is a statutory holiday, then no slot opens', async () => {
    expect(await slotsOn('2026-10-02')).toEqual([])
  })

  it('when the date is a make-up Saturday, then the usual slots open', async () => {
    const slots = await slotsOn('2026-10-10')
    expect(slots.length).toBeGreaterThan(0)
    expect(slots[0]).toMatchObject({ date: '2026-10-10', start: '09:00', end: '09:30', remaining: slots[0].capacity })
    expect(slots.map((s) => s.start)).not.toContain('12:00')
  })

  it('when the date is an ordinary Sunday, then no slot opens', async () => {
    expect(await slotsOn('2026-10-11')).toEqual([])
  })

  it('when the date is the 10th working day ahead, then it opens, and the 11th is out of range', async () => {
    expect((await slotsOn('2026-10-16')).length).toBeGreaterThan(0)
    const r = await appointment({ action: 'listSlots', matterId: PASSPORT, date: '2026-10-19' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'date' }] } })
  })

  it('when a slot today starts within the same-day cut-off, then it is not offered', async () => {
    const starts = (await slotsOn(MONDAY)).map((s) => s.start)
    expect(starts).not.toContain('09:00')
    expect(starts).not.toContain('09:30')
    expect(starts).toContain('10:00')
  })

  it('when the calendar is asked for, then it lists open days only, holidays left out', async () => {
    const r = await appointment({ action: 'listDays', matterId: PASSPORT })
    const dates = dataOf(r).days.map((d) => d.date)
    expect(dates).toContain('2026-10-10')
    expect(dates).not.toContain('2026-10-02')
    expect(dates).not.toContain('2026-10-04')
    expect(dates[dates.length - 1]).toBe('2026-10-16')
  })
})

describe('booking limits', () => {
  it('when a person books a slot, then seats drop by one and my bookings show it with a code', async () => {
    const [slot] = await slotsOn('2026-09-29')
    const r = await book('o-limits-1', slot.slotId)
    expect(r).toMatchObject({ ok: true, data: { bookingId: expect.stringMatching(/^bk-/), code: expect.stringMatching(/^[A-Z2-9]{8}$/) } })
    expect((await slotsOn('2026-09-29')).find((s) => s.slotId === slot.slotId)!.remaining).toBe(slot.capacity - 1)
    const mine = dataOf(await appointment({ action: 'myBookings' }, 'o-limits-1'))
    expect(mine.bookings[0]).toMatchObject({
      bookingId: dataOf(r).bookingId,
      status: 'booked',
      matterName: '普通护照签发',
      date: '2026-09-29',
      canCancel: true,
    })
    expect(mine.bookings[0].idNumberMasked).toMatch(/^110101\*+\d{3}[\dX]$/)
  })

  it('when an account books the same person for the same matter again, then it is refused until the first is cancelled', async () => {
    const [a, b] = await slotsOn('2026-09-30')
    const person = applicant(9001)
    const first = await book('o-limits-2', a.slotId, person)
    expect(first.ok).toBe(true)
    expect(await book('o-limits-2', b.slotId, person)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('该办事人') },
    })
    expect((await appointment({ action: 'cancel', bookingId: dataOf(first).bookingId }, 'o-limits-2')).ok).toBe(true)
    expect((await book('o-limits-2', b.slotId, person)).ok).toBe(true)
  })

  it('when an account holds 3 active bookings, then a 4th is refused until one is cancelled', async () => {
    const slots = await slotsOn('2026-10-08')
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push(dataOf(await book('o-limits-4', slots[i].slotId)).bookingId)
    const fourth = await book('o-limits-4', slots[3].slotId)
    expect(fourth).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('3') } })
    expect((await appointment({ action: 'cancel', bookingId: ids[0] }, 'o-limits-4')).ok).toBe(true)
    expect((await book('o-limits-4', slots[3].slotId)).ok).toBe(true)
  })

  it('when a booking starts within the hour, then it can no longer be cancelled', async () => {
    const slot = (await slotsOn(MONDAY)).find((s) => s.start === '10:00')!
    const r = await book('o-limits-5', slot.slotId)
    const cancel = await appointment({ action: 'cancel', bookingId: dataOf(r).bookingId }, 'o-limits-5')
    expect(cancel).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('when someone else tries to cancel my booking, then it is not found and stays booked', async () => {
    const [slot] = await slotsOn('2026-10-09')
    const { bookingId } = dataOf(await book('o-limits-6', slot.slotId))
    expect(await appointment({ action: 'cancel', bookingId }, 'o-intruder')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect((await t.db.collection('bookings').doc(bookingId).get()).data.status).toBe('booked')
  })
})

describe('reschedule', () => {
  it('when the new slot is full, then nothing changes; when it has room, then the seat moves', async () => {
    // One seat per slot at this window for the test.
    const matter = (await t.db.collection('matters').doc(PASSPORT).get()).data
    await t.db
      .collection('schedules')
      .doc(matter.windowIds[0])
      .set({ data: { capacity: 1 } })
    const slots = (await slotsOn('2026-10-12')).filter((s) => s.windowId === matter.windowIds[0])
    const mine = dataOf(await book('o-resched-1', slots[0].slotId))
    await book('o-resched-2', slots[1].slotId)

    const refused = await appointment(
      { action: 'reschedule', bookingId: mine.bookingId, slotId: slots[1].slotId, requestId: newRequestId() },
      'o-resched-1',
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await t.db.collection('bookings').doc(mine.bookingId).get()).data).toMatchObject({
      slotId: slots[0].slotId,
      status: 'booked',
    })
    const left = new Map((await slotsOn('2026-10-12')).map((s) => [s.slotId, s.remaining]))
    expect([left.get(slots[0].slotId), left.get(slots[1].slotId), left.get(slots[2].slotId)]).toEqual([0, 0, 1])

    const moved = await appointment(
      { action: 'reschedule', bookingId: mine.bookingId, slotId: slots[2].slotId, requestId: newRequestId() },
      'o-resched-1',
    )
    expect(moved).toMatchObject({ ok: true, data: { slotId: slots[2].slotId, code: mine.code } })
    const after = new Map((await slotsOn('2026-10-12')).map((s) => [s.slotId, s.remaining]))
    expect([after.get(slots[0].slotId), after.get(slots[2].slotId)]).toEqual([1, 0])
    await t.db.collection('schedules').doc(matter.windowIds[0]).remove()
  })
})

describe('no-shows', () => {
  it('when an account misses 3 bookings within 90 days, then its new bookings are refused for 30 days, saying until when', async () => {
    const person = applicant(7000)
    const matters = (await t.db.collection('matters').where({ 'flags.appointment': true }).limit(3).get()).data
    expect(matters).toHaveLength(3)
    for (const [i, m] of matters.entries()) {
      const slot = (await slotsOn(['2026-09-29', '2026-09-30', '2026-10-08'][i], m._id))[0]
      const r = await appointment(
        { action: 'book', slotId: slot.slotId, matterId: m._id, requestId: newRequestId(), ...person },
        'o-noshow-1',
      )
      expect(r.ok).toBe(true)
    }
    setBeijingNow('2026-10-08', '18:00')
    const sweep = await t.trigger('appointment', 'tick', 'noShowSweep')
    expect(sweep.ok).toBe(true)
    const mine = dataOf(await appointment({ action: 'myBookings' }, 'o-noshow-1')).bookings
    expect(mine.map((b) => b.status)).toEqual(['no_show', 'no_show', 'no_show'])

    const [slot] = await slotsOn('2026-10-09')
    const refused = await appointment(
      { action: 'book', slotId: slot.slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(7001) },
      'o-noshow-1',
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('2026-11-07') } })

    setBeijingNow('2026-11-09', '09:00')
    const [later] = await slotsOn('2026-11-10')
    expect(
      (
        await appointment(
          { action: 'book', slotId: later.slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(7001) },
          'o-noshow-1',
        )
      ).ok,
    ).toBe(true)
  })

  it('when the timer event comes from a client instead of a trigger, then it does nothing', async () => {
    const r = await appointment.raw({ Type: 'Timer', TriggerName: 'tick', Message: 'noShowSweep' }, 'o-forger')
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('idempotent submits', () => {
  it('when the same submit is replayed 10 times at once, then there is one booking and every answer is the same', async () => {
    const [slot] = await slotsOn('2026-10-13')
    const event = { action: 'book' as const, slotId: slot.slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(5555) }
    const answers = await Promise.all(Array.from({ length: 10 }, () => appointment(event, 'o-replay-1')))
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(answers[0].ok).toBe(true)
    expect(await count('bookings', { openid: 'o-replay-1' })).toBe(1)
  })

  it('when a request id is reused for a different booking, then it is refused', async () => {
    const [a, b] = await slotsOn('2026-10-14')
    const requestId = newRequestId()
    await appointment({ action: 'book', slotId: a.slotId, matterId: PASSPORT, requestId, ...applicant(5600) }, 'o-replay-2')
    const r = await appointment({ action: 'book', slotId: b.slotId, matterId: PASSPORT, requestId, ...applicant(5601) }, 'o-replay-2')
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('bad input changes nothing', () => {
  const good = () => ({ action: 'book', slotId: 'win-01-20260929-1000', matterId: PASSPORT, requestId: newRequestId(), ...applicant(4242) })
  it.each([
    ['a wrong ID checksum', { idNumber: '110101198001011234' }, 'idNumber'],
    ['a short phone', { phone: '1391234' }, 'phone'],
    ['an empty name', { name: '' }, 'name'],
    ['a malformed slot', { slotId: 'tomorrow' }, 'slotId'],
    ['a holiday slot', { slotId: 'win-01-20261002-1000' }, 'slotId'],
    ['a slot outside opening hours', { slotId: 'win-01-20260929-1230' }, 'slotId'],
    ['a window that does not handle the matter', { slotId: 'win-62-20260929-1000' }, 'slotId'],
    ['a forged openid', { openid: 'o-victim' }, ''],
  ])('when a booking has %s (%j), then INVALID_INPUT names the field "%s" and no booking is written', async (_label, patch, path) => {
    const before = await count('bookings')
    const r = await appointment.raw({ ...good(), ...patch }, 'o-bad-1')
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(errorOf(r).issues!.map((i) => i.path)).toContain(path)
    expect(await count('bookings')).toBe(before)
  })

  it.each([
    [{ action: 'listSlots', matterId: PASSPORT, date: '2026-13-01' }],
    [{ action: 'cancel', bookingId: 'nope' }],
    [{ action: 'reschedule', bookingId: 'bk-00000000000000000000', slotId: 'x', requestId: 'r' }],
    [{ action: 'closeDate', windowId: 'win-01', date: '2026-10-09' }],
  ])('when %j is malformed, then it is INVALID_INPUT', async (event) => {
    expect(await appointment.raw(event, 'demo-lead-crj')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('staff schedule', () => {
  it('when a citizen asks for the day schedule, then it is forbidden', async () => {
    expect(await appointment({ action: 'daySchedule' }, 'o-citizen-x')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('when the lead closes a date without bookings, then its slots disappear; with bookings, then it is refused', async () => {
    const matter = (await t.db.collection('matters').doc(PASSPORT).get()).data
    const w = matter.windowIds[matter.windowIds.length - 1]
    const closed = await appointment({ action: 'closeDate', windowId: w, date: '2026-10-15', reason: '设备检修' }, 'demo-lead-crj')
    expect(closed).toMatchObject({ ok: true, data: { closed: true } })
    expect((await slotsOn('2026-10-15')).filter((s) => s.windowId === w)).toEqual([])

    const slot = (await slotsOn('2026-10-16')).find((s) => s.windowId === w)!
    await book('o-close-1', slot.slotId)
    const refused = await appointment({ action: 'closeDate', windowId: w, date: '2026-10-16', reason: '设备检修' }, 'demo-lead-crj')
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await slotsOn('2026-10-16')).some((s) => s.windowId === w)).toBe(true)
  })

  it('when the lead adds extended hours on a Sunday, then those slots open', async () => {
    const matter = (await t.db.collection('matters').doc(PASSPORT).get()).data
    const r = await appointment(
      { action: 'addHours', windowId: matter.windowIds[0], date: '2026-10-11', period: { start: '09:00', end: '11:00' } },
      'demo-lead-crj',
    )
    expect(r).toMatchObject({ ok: true, data: { slots: 4 } })
    expect((await slotsOn('2026-10-11')).map((s) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30'])
  })

  it('when staff of another department try to close a passport window, then it is forbidden', async () => {
    const r = await appointment({ action: 'closeDate', windowId: 'win-01', date: '2026-10-14', reason: '设备检修' }, 'demo-staff-scjg')
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
