import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { applicant, newRequestId } from '../builders/people'
import { clearFakeNow, setBeijingNow } from '../builders/clock'

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

const queue = (event: object, openid?: string) => t.call('queue', event, openid) as Promise<any>
async function bookAt(openid: string, seq: number, hhmm: string, seconds: number) {
  setBeijingNow(DAY, '09:00', seconds)
  const r: any = await t.call(
    'appointment',
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
  return r.data as { bookingId: string; code: string }
}

describe('the hall queue', () => {
  let b1: { code: string; bookingId: string }, b2: { code: string; bookingId: string }
  const tickets: Record<string, any> = {}

  beforeAll(async () => {
    b1 = await bookAt('o-q-b1', 1, '10:00', 0)
    b2 = await bookAt('o-q-b2', 2, '10:00', 5)
  })

  it('when people arrive, then walk-ins and booked check-ins get tickets of the window group', async () => {
    setBeijingNow(DAY, '09:40')
    tickets.w1 = (await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w1')).data.ticket
    setBeijingNow(DAY, '09:45')
    const checkedIn = await queue({ action: 'checkIn', code: b1.code.toLowerCase() }, LEAD)
    expect(checkedIn).toMatchObject({ ok: true, data: { ticket: { kind: 'booked', status: 'waiting' } } })
    tickets.b1 = checkedIn.data.ticket
    setBeijingNow(DAY, '10:05')
    tickets.w2 = (await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w2')).data.ticket
    setBeijingNow(DAY, '10:06')
    tickets.w3 = (await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w3')).data.ticket
    setBeijingNow(DAY, '10:10')
    tickets.b2 = (await queue({ action: 'checkIn', code: b2.code }, LEAD)).data.ticket

    expect(tickets.w1.label).toMatch(/^[A-H]\d{3}$/)
    expect((await t.db.collection('bookings').doc(b1.bookingId).get()).data).toMatchObject({
      status: 'checked_in',
      ticketId: tickets.b1.ticketId,
    })
    const mine = await queue({ action: 'myTickets' }, 'o-q-w3')
    expect(mine.data.tickets[0]).toMatchObject({ label: tickets.w3.label, ahead: 4, waitMinutes: expect.any(Number) })
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
      order.push(called.data.ticket.label)
      if (i === 0) {
        // Calling W1 leaves W3 with exactly 3 ahead: it is told to get ready.
        const reminder = await t.db.collection('outbox').where({ event: 'queue.three_ahead', recipient: 'o-q-w3' }).count()
        expect(reminder.total).toBe(1)
      }
      await queue({ action: 'finish', ticketId: called.data.ticket.ticketId }, LEAD)
    }
    expect(order).toEqual([tickets.w1.label, tickets.b1.label, tickets.b2.label, tickets.w2.label])
    expect((await t.db.collection('outbox').where({ event: 'queue.called', recipient: 'o-q-b1' }).count()).total).toBe(1)
  })

  it('when a called ticket is transferred, then it is first at the other window', async () => {
    setBeijingNow(DAY, '10:20')
    tickets.w4 = (await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w4')).data.ticket
    const w3 = await queue({ action: 'callNext', windowId: windows[0] }, LEAD)
    expect(w3.data.ticket.label).toBe(tickets.w3.label)
    const moved = await queue({ action: 'transfer', ticketId: w3.data.ticket.ticketId, toWindowId: windows[1] }, LEAD)
    expect(moved).toMatchObject({ ok: true, data: { ticket: { status: 'waiting' } } })
    const there = await queue({ action: 'callNext', windowId: windows[1] }, LEAD)
    expect(there.data.ticket.label).toBe(tickets.w3.label)
  })

  it('when two windows call at once, then they get different tickets', async () => {
    setBeijingNow(DAY, '10:30')
    await queue({ action: 'finish', ticketId: tickets.w3.ticketId }, LEAD)
    tickets.w5 = (await queue({ action: 'takeTicket', matterId: 'm-passport' }, 'o-q-w5')).data.ticket
    const [a, b] = await Promise.all(windows.slice(0, 2).map((w) => queue({ action: 'callNext', windowId: w }, LEAD)))
    expect(a.ok && b.ok).toBe(true)
    expect(new Set([a.data.ticket.label, b.data.ticket.label])).toEqual(new Set([tickets.w4.label, tickets.w5.label]))
  })

  it('when a called citizen does not come, then skip ends the ticket and the board shows current calls', async () => {
    const board = await queue({ action: 'board' })
    expect(board.ok).toBe(true)
    expect(board.data.called.map((c: any) => c.label)).toEqual(expect.arrayContaining([tickets.w4.label, tickets.w5.label]))
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
    const r = await queue(event, LEAD)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(r.error.issues.map((i: any) => i.path)).toContain(path)
    expect(JSON.stringify((await t.db.collection('tickets').orderBy('_id', 'asc').get()).data)).toBe(before)
  })
})
