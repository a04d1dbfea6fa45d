/**
 * Booking speed: bookings per second through the real path (function → wx-server-sdk → HTTP
 * admin API → store), next to the raw store's conditional-update rate measured in the same run,
 * p50/p99 latency of `book` and of the day view (`listSlots`), and the cloud round trips one
 * `book` makes: in all, and in sequence (the ones a caller waits for one after another).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { INDEXES } from '../../cloudfunctions/_kit/collections'
import { seedDemoCentre } from '../../local/seed'
import { startLocalCloud } from '../../local'
import { Store } from '../../local/store'
import { Transactions } from '../../local/transactions'
import { Database } from '../../local/database'
import { applicant } from '../support/people'
import { setBeijingNow, clearFakeNow } from '../support/clock'
import { bookRoundTrips, HELD_MS } from '../support/round-trips'
import { dataOf, invokeApi } from '../support/calls'
import { appointmentContract } from '../../types/contracts'

const BOOKINGS = 2000
const CONCURRENCY = 50
const VIEWS = 300

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]
const ms = (n: number) => `${n.toFixed(1)} ms`

async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++
        out[i] = await task(i)
      }
    }),
  )
  return out
}

async function rawConditionalUpdatesPerSecond(): Promise<number> {
  const store = new Store({})
  const db = new Database(store, new Transactions(store, () => undefined))
  const seats = 200_000
  db.insertDocs('bench_seats', [{ _id: 's1', remaining: seats }])
  const params = {
    collectionName: 'bench_seats',
    query: JSON.stringify({ _id: 's1', remaining: { $gt: { $numberInt: '0' } } }),
    data: JSON.stringify({ $inc: { remaining: { $numberInt: '-1' } } }),
    multi: false,
    merge: true,
    upsert: false,
  }
  const n = 20_000
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await db.handle('database.modifyDocument', params, 'bench')
  return n / ((performance.now() - t0) / 1000)
}

export async function run(): Promise<void> {
  const functionsDir = mkdtempSync(join(tmpdir(), 'bench-fns-'))
  await buildFunctions(['appointment'], undefined, functionsDir)
  const cloud = await startLocalCloud({ port: 0, functionsDir, seed: seedDemoCentre, indexes: INDEXES, log: () => undefined })
  try {
    setBeijingNow('2026-09-28', '09:00')
    const windows = ['win-01', 'win-02']
    // Room for every booking: 50 seats per slot on both passport windows.
    const call = invokeApi(cloud, appointmentContract)
    const setup = await call({ action: 'listDays', matterId: 'm-passport' }, 'o-bench')
    const dates = dataOf(setup).days.map((d) => d.date)
    const { db } = await import('./bench-db').then((m) => m.connect(cloud.url))
    for (const w of windows)
      await db
        .collection('schedules')
        .doc(w)
        .set({ data: { capacity: 50 } })
    const slots: string[] = []
    for (const date of dates)
      slots.push(...dataOf(await call({ action: 'listSlots', matterId: 'm-passport', date }, 'o-bench')).slots.map((s) => s.slotId))

    await call(
      { action: 'book', slotId: slots[0], matterId: 'm-passport', requestId: `warm-${Date.now()}`, ...applicant(900_000) },
      'o-warm',
    )
    const trips = await bookRoundTrips(call, slots[1], 900_001)

    const bookMs: number[] = []
    const t0 = performance.now()
    const answers = await pool(BOOKINGS, CONCURRENCY, async (i) => {
      const s = performance.now()
      const r = await call(
        { action: 'book', slotId: slots[i % slots.length], matterId: 'm-passport', requestId: `bench-${i}-${Date.now()}`, ...applicant(i) },
        `o-bench-${i}`,
      )
      bookMs.push(performance.now() - s)
      return r
    })
    const seconds = (performance.now() - t0) / 1000
    const failed = answers.filter((a) => !a.ok).length
    const viewMs: number[] = []
    await pool(VIEWS, 10, async (i) => {
      const s = performance.now()
      await call({ action: 'listSlots', matterId: 'm-passport', date: dates[i % dates.length] }, `o-view-${i}`)
      viewMs.push(performance.now() - s)
    })
    const raw = await rawConditionalUpdatesPerSecond()
    const rate = BOOKINGS / seconds

    console.log(`\n## booking (${BOOKINGS} bookings by different people, ${CONCURRENCY} at a time, in-memory store)`)
    console.log(`book through the real SDK path   ${rate.toFixed(0)} bookings/s   (${failed} refused)`)
    console.log(`raw store conditional update     ${raw.toFixed(0)} updates/s`)
    console.log(
      `ratio                            1 booking costs ${(raw / rate).toFixed(1)} raw updates of time (each round trip is a signed HTTP request from the SDK)`,
    )
    console.log(
      `book round trips   ${trips.sequential} in sequence, ${trips.total} in all; one book took ${trips.ms.toFixed(0)} ms with each request held ${HELD_MS} ms (warm instance): ${trips.actions.join(', ')}`,
    )
    console.log(`book latency       p50 ${ms(pct(bookMs, 50))}  p99 ${ms(pct(bookMs, 99))}`)
    console.log(`day view latency   p50 ${ms(pct(viewMs, 50))}  p99 ${ms(pct(viewMs, 99))}   (listSlots, ${VIEWS} calls, 10 at a time)`)
  } finally {
    clearFakeNow()
    await cloud.close()
  }
}
