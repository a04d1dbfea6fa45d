import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { apiOf, startTestCloud, type TestCloud } from '../support/cloud'
import { dataOf, errorOf } from '../support/calls'
import { appointmentContract, queueContract } from '../../types/contracts'
import type { TicketView } from '../../types/contracts/queue'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'

const functionsDir = mkdtempSync(join(tmpdir(), 'queue-fns-'))
let t: TestCloud
let windows: string[]
const DAY = '2026-09-28'
const LEAD = 'demo-lead-crj'

beforeAll(async () => {
  await buildFunctions(['appointment', 'queue'], undefined, functionsDir)
  t = await startTestCloud({ functionsDir, seed: seedDemoCentre, indexes: INDEXES })
  windows = (await t.db.collection('matters').doc('m-passport').get()).data.windowIds
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const queue = apiOf(() => t, queueContract)
const appointment = apiOf(() => t, appointmentContract)
async function bookAt(openid: string, seq: number, hhmm: string, seconds: number) {
  setBeijingNow(DAY, '09:00', seconds)
  const r = await appointment(
    {
      action: 'book',
      slotId: `${windows[0]}-20260928-${hhmm.replace(':', '')}`,
      matterId: 'm-passport',
      requestId: newRequestId(),
      ...applicant(seq),
    },
    openid,
  )
  expect(r.ok).toBe(true)
  return dataOf(r)
}

describe('the hall queue', () => {
  let b1: { code: string; bookingId: string }, b2: { code: string; bookingId: string }
  const tickets: Record<string, TicketView> = {}

  beforeAll(async () => {
    b1 = await bookAt('o-q-b1', 1, '10:00', 0)
    b2 = await bookAt('o-q-b2', 2, '10:00', 5)
  })

  it('when people arrive, then walk-ins and booked check-ins get tickets of the window group', async () => {
    setBeijingNow(DAY, '09:40')
    tickets.w1 = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w1')).ticket
    setBeijingNow(DAY, '09:45')
    const checkedIn = await queue({ action: 'checkIn', code: b1.code.toLowerCase() }, LEAD)
    expect(checkedIn).toMatchObject({ ok: true, data: { ticket: { kind: 'booked', status: 'waiting' } } })
    tickets.b1 = dataOf(checkedIn).ticket
    setBeijingNow(DAY, '10:05')
    tickets.w2 = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w2')).ticket
    setBeijingNow(DAY, '10:06')
    tickets.w3 = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w3')).ticket
    setBeijingNow(DAY, '10:10')
    tickets.b2 = dataOf(await queue({ action: 'checkIn', code: b2.code }, LEAD)).ticket

    expect(tickets.w1.label).toMatch(/^[A-H]\d{3}$/)
    expect((await t.db.collection('bookings').doc(b1.bookingId).get()).data).toMatchObject({
      status: 'checked_in',
      ticketId: tickets.b1.ticketId,
    })
    const mine = await queue({ action: 'myTickets' }, 'o-q-w3')
    expect(dataOf(mine).tickets[0]).toMatchObject({ label: tickets.w3.label, ahead: 4, waitMinutes: expect.any(Number) })
  })

  it('when a booking is checked in twice, or by staff of another department, then it is refused', async () => {
    expect(await queue({ action: 'checkIn', code: b1.code }, LEAD)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await queue({ action: 'checkIn', code: b2.code }, 'demo-staff-scjg')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('when the window calls, then booked tickets of the slot come before its walk-ins, in booking order', async () => {
    setBeijingNow(DAY, '10:12')
    const order: string[] = []
    for (let i = 0; i < 4; i++) {
      const called = await queue({ action: 'callNext', windowId: windows[0] }, LEAD)
      expect(called.ok).toBe(true)
      const { ticket } = dataOf(called)
      order.push(ticket!.label)
      if (i === 0) {
        // Calling W1 leaves W3 with exactly 3 ahead: it is told to get ready.
        const reminder = await t.db.collection('outbox').where({ event: 'queue.three_ahead', recipient: 'o-q-w3' }).count()
        expect(reminder.total).toBe(1)
      }
      await queue({ action: 'finish', ticketId: ticket!.ticketId }, LEAD)
    }
    expect(order).toEqual([tickets.w1.label, tickets.b1.label, tickets.b2.label, tickets.w2.label])
    expect((await t.db.collection('outbox').where({ event: 'queue.called', recipient: 'o-q-b1' }).count()).total).toBe(1)
  })

  it('when a called ticket is transferred, then it is first at the other window', async () => {
    setBeijingNow(DAY, '10:20')
    tickets.w4 = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w4')).ticket
    const w3 = dataOf(await queue({ action: 'callNext', windowId: windows[0] }, LEAD)).ticket!
    expect(w3.label).toBe(tickets.w3.label)
    const moved = await queue({ action: 'transfer', ticketId: w3.ticketId, toWindowId: windows[1] }, LEAD)
    expect(moved).toMatchObject({ ok: true, data: { ticket: { status: 'waiting' } } })
    const there = await queue({ action: 'callNext', windowId: windows[1] }, LEAD)
    expect(dataOf(there).ticket!.label).toBe(tickets.w3.label)
  })

  it('when two windows call at once, then they get different tickets', async () => {
    setBeijingNow(DAY, '10:30')
    await queue({ action: 'finish', ticketId: tickets.w3.ticketId }, LEAD)
    tickets.w5 = dataOf(await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w5')).ticket
    const [a, b] = await Promise.all(windows.slice(0, 2).map((w) => queue({ action: 'callNext', windowId: w }, LEAD)))
    expect(a.ok && b.ok).toBe(true)
    expect(new Set([dataOf(a).ticket!.label, dataOf(b).ticket!.label])).toEqual(new Set([tickets.w4.label, tickets.w5.label]))
  })

  it('when a called citizen does not come, then skip ends the ticket and the board shows current calls', async () => {
    const board = await queue({ action: 'board' })
    expect(board.ok).toBe(true)
    expect(dataOf(board).called.map((c) => c.label)).toEqual(expect.arrayContaining([tickets.w4.label, tickets.w5.label]))
    const skipped = await queue({ action: 'skip', ticketId: tickets.w4.ticketId }, LEAD)
    expect(skipped).toMatchObject({ ok: true, data: { ticket: { status: 'skipped' } } })
    expect(await queue({ action: 'recall', ticketId: tickets.w4.ticketId }, LEAD)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('when a citizen calls a staff action, then it is forbidden', async () => {
    expect(await queue({ action: 'callNext', windowId: windows[0] }, 'o-q-w1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it.each([
    [{ action: 'checkIn', code: '0O1I' }, 'code'],
    [{ action: 'transfer', ticketId: 'A001', toWindowId: 'win-02' }, 'ticketId'],
    [{ action: 'callNext', windowId: 'WIN 1' }, 'windowId'],
    [{ action: 'takeTicket', matterId: 'm-passport', openid: 'o-someone-else' }, ''],
  ])('when %j is malformed, then INVALID_INPUT names %s and no ticket changes', async (event, path) => {
    const before = JSON.stringify((await t.db.collection('tickets').orderBy('_id', 'asc').get()).data)
    const r = await queue.raw(event, LEAD)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(errorOf(r).issues!.map((i) => i.path)).toContain(path)
    expect(JSON.stringify((await t.db.collection('tickets').orderBy('_id', 'asc').get()).data)).toBe(before)
  })
})
