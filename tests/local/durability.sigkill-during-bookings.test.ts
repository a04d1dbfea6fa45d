/**
 * A real crash in the middle of a booking rush: the local cloud (a child process with a data
 * folder) is SIGKILLed while 60 bookings are in flight, three times over on the same folder (each
 * kill catches a few bookings between steps), then started again and the sweeper run. Afterwards no quota, lock or seat is held without a booking behind it, every booking
 * is complete or released, every completed one has its 预约成功 in the outbox and the message centre,
 * and every booking that was answered before the kill is there.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { notificationKey } from '../../types/domain/notification'
import { buildFunctions } from '../../scripts/build-functions'
import { applicant, newRequestId } from '../support/people'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import type { Doc } from '../../cloudfunctions/_kit/db-types'
import { appointmentContract } from '../../types/contracts'
import { dataOf, gatewayApi } from '../support/calls'
import { startTestCloud, type TestCloud } from '../support/cloud'

const root = resolve(__dirname, '..', '..')
const DAY = '2026-09-28'
const RUSH = 60
const ROUNDS = 3
let functionsDir: string
let child: ChildProcess | undefined
let t: TestCloud | undefined

beforeAll(async () => {
  functionsDir = mkdtempSync(join(tmpdir(), 'booking-crash-fns-'))
  await buildFunctions(['appointment'], undefined, functionsDir)
})
afterAll(async () => {
  child?.kill('SIGKILL')
  clearFakeNow()
  await t?.close()
})

function startChild(dataDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  // `node --import tsx` keeps it one process, so SIGKILL hits the cloud itself.
  child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'booking-cloud.ts'), dataDir, functionsDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((ok, fail) => {
    let out = ''
    child!.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('\n')) ok(JSON.parse(out.split('\n')[0]).url)
    })
    child!.once('exit', (code) => fail(new Error(`child exited early (${code})`)))
  })
}

async function all(collection: string): Promise<Doc[]> {
  const out: Doc[] = []
  for (let skip = 0; ; skip += 1000) {
    const { data } = await t!.db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(1000).get()
    out.push(...data)
    if (data.length < 1000) return out
  }
}

describe('a booking rush cut by SIGKILL', () => {
  it('when the cloud is killed during 60 concurrent bookings, then after a restart and one sweep nothing is leaked and nothing is lost', async () => {
    const at = setBeijingNow(DAY, '09:00')
    const dataDir = mkdtempSync(join(tmpdir(), 'booking-crash-data-'))
    const env = { ...process.env, LOCAL_FAKE_NOW: at.toISOString(), NOTIFY_SOON: 'off' }
    const answered: Array<{ openid: string; bookingId: string }> = []
    const slots: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const url = await startChild(dataDir, env)
      const callAt = gatewayApi(url, appointmentContract)
      if (!slots.length) {
        for (const date of ['2026-09-29', '2026-09-30'])
          slots.push(...dataOf(await callAt({ action: 'listSlots', matterId: 'm-passport', date }, 'o-look')).slots.map((s) => s.slotId))
      }
      const exited = new Promise<NodeJS.Signals | null>((ok) => child!.once('exit', (_code, signal) => ok(signal)))
      let answers = 0
      await Promise.all(
        Array.from({ length: RUSH }, async (_, i) => {
          const openid = `o-rush-${round}-${i}`
          try {
            const r = await callAt(
              {
                action: 'book',
                slotId: slots[(i + round) % slots.length],
                matterId: 'm-passport',
                requestId: newRequestId(),
                ...applicant(round * RUSH + i),
              },
              openid,
            )
            if (r.ok) answered.push({ openid, bookingId: r.data.bookingId })
            // Kill while most of the rush is still on its way through the booking steps.
            if (++answers === 5 + round * 5) child!.kill('SIGKILL')
          } catch {
            // The cloud is gone: this booking got no answer.
          }
        }),
      )
      expect(await exited).toBe('SIGKILL')
      expect(answers).toBeLessThan(RUSH)
    }

    t = await startTestCloud({ functionsDir, dataDir, indexes: INDEXES })
    const before = await all('bookings')
    setBeijingNow(DAY, '09:05')
    const swept = await t.trigger('appointment', 'tick', 'holdSweep')
    expect(swept).toMatchObject({ ok: true, data: { more: false } })

    const bookings = await all('bookings')
    const quotas = await all('booking_quota')
    const seats = await all('slot_seats')
    // Every booking the rush left is complete or released; none is half made.
    expect(bookings.length).toBe(before.length)
    expect(bookings.filter((b) => !['booked', 'released'].includes(b.status))).toEqual([])
    // Every answered booking is kept.
    const byId = new Map(bookings.map((b) => [b._id, b]))
    for (const a of answered) expect(byId.get(a.bookingId)).toMatchObject({ status: 'booked', openid: a.openid })
    // Quotas and locks: exactly the account's active bookings, nothing else.
    for (const q of quotas) {
      const mine = bookings
        .filter((b) => b.openid === q._id && b.status === 'booked')
        .map((b) => b._id)
        .sort()
      expect({ account: q._id, holders: q.holders.map((h: { id: string }) => h.id).sort(), active: q.active }).toEqual({
        account: q._id,
        holders: mine,
        active: mine.length,
      })
      expect(new Set(q.holders.map((h: { lock: string }) => h.lock)).size).toBe(q.holders.length)
    }
    // Seats: exactly the slot's bookings, and the count agrees.
    for (const s of seats) {
      const sitting = bookings
        .filter((b) => b.slotId === s._id && b.status === 'booked')
        .map((b) => b._id)
        .sort()
      expect({ slot: s._id, holders: [...s.holders].sort(), remaining: s.remaining }).toEqual({
        slot: s._id,
        holders: sitting,
        remaining: s.capacity - sitting.length,
      })
    }
    // Every completed booking has its 预约成功, in the outbox and in the message centre.
    const outbox = new Set((await all('outbox')).map((o) => o._id))
    const messages = new Set((await all('messages')).map((m) => m._id))
    for (const b of bookings.filter((x) => x.status === 'booked')) {
      const key = notificationKey('booking.confirmed', b._id, b.openid)
      expect({ booking: b._id, outbox: outbox.has(key), message: messages.has(key) }).toEqual({
        booking: b._id,
        outbox: true,
        message: true,
      })
    }
    // And nobody lost their place for good: accounts of the rush, answered or not, can book again.
    const appointment = t.api(appointmentContract)
    const later: string[] = []
    for (const date of ['2026-10-08', '2026-10-09'])
      later.push(...dataOf(await appointment({ action: 'listSlots', matterId: 'm-passport', date }, 'o-look')).slots.map((s) => s.slotId))
    const again = await Promise.all(
      Array.from({ length: RUSH }, (_, i) =>
        appointment(
          { action: 'book', slotId: later[i % later.length], matterId: 'm-passport', requestId: newRequestId(), ...applicant(1000 + i) },
          `o-rush-${i % ROUNDS}-${i}`,
        ),
      ),
    )
    expect(again.filter((a) => !a.ok).map((a) => a.error)).toEqual([])
  })
})
