/**
 * 任一窗口: a booking names a time, and the server books it at the window with the most seats left;
 * without it, a full window's slot is refused. The calendar says which day is today.
 */
import { PASSPORT, startDemoCloud } from '../support/demo'
import { appointmentCalls } from '../support/appointment'
import { codeOf, dataOf } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { cloudForFile } from '../support/for-file'
import { applicant, newRequestId } from '../support/people'

const t = cloudForFile(() => startDemoCloud(['appointment']))
const { appointment, slotsOn } = appointmentCalls(() => t)
const DAY = '2026-09-29'

beforeAll(() => setBeijingNow('2026-09-28', '09:00'))

const book = (slotId: string, seq: number, anyWindow?: boolean) =>
  appointment(
    { action: 'book', slotId, matterId: PASSPORT, requestId: newRequestId(), ...applicant(seq), ...(anyWindow ? { anyWindow } : {}) },
    `o-any-window-${seq}`,
  )

describe('任一窗口', () => {
  it('when one window is full at a time, then a booking for that time at any window lands at the other; without it, it is refused', async () => {
    const at = (await slotsOn(DAY)).filter((s) => s.start === '10:00')
    expect(at.length).toBeGreaterThanOrEqual(2)
    const [first, second] = at
    for (let i = 0; i < first.capacity; i++) dataOf(await book(first.slotId, 7100 + i))
    expect(codeOf(await book(first.slotId, 7190))).toBe('CONFLICT')

    const { bookingId } = dataOf(await book(first.slotId, 7191, true))
    const doc = (await t.db.collection('bookings').doc(bookingId).get()).data
    expect(doc).toMatchObject({ slotId: second.slotId, windowId: second.windowId, start: '10:00', date: DAY })
    const left = new Map((await slotsOn(DAY)).map((s) => [s.slotId, s.remaining]))
    expect(left.get(first.slotId)).toBe(0)
    expect(left.get(second.slotId)).toBe(second.capacity - 1)
  })

  it('when every window is full at that time, then the booking is refused and nothing is taken', async () => {
    const at = (await slotsOn(DAY)).filter((s) => s.start === '10:30')
    let seq = 7200
    for (const s of at) for (let i = 0; i < s.capacity; i++) dataOf(await book(s.slotId, seq++))
    expect(codeOf(await book(at[0].slotId, 7290, true))).toBe('CONFLICT')
    expect((await slotsOn(DAY)).filter((s) => s.start === '10:30').every((s) => s.remaining === 0)).toBe(true)
  })

  it('when the calendar is read, then it names the centre’s today', async () => {
    expect(dataOf(await appointment({ action: 'listDays', matterId: PASSPORT })).today).toBe('2026-09-28')
  })
})
