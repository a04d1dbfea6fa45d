import { beijingDate } from '../../types/domain/working-days'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import { log } from '../_kit/log'
import { writeNotification } from '../_kit/outbox'
import { bookings, holdsQuota, holdsSeat, releaseHolds, type BookingDoc } from '../_bookings/booking'
import { cancelledNotice, confirmedNotice } from '../_bookings/notices'
import { recordNoShow } from './bookings'
import { SETTLE_AFTER_MS } from '../_kit/settle-time'
import { readQuota, releaseQuota, type QuotaDoc } from '../_bookings/quota'
import { readSeat, releaseSeat, seats, type SeatDoc } from '../_bookings/seats'
import { pool } from '../_kit/pool'
import { alignSeatCapacities } from './actions/capacity'

/** Stop taking new batches after this long: the function's timeout is 20 s (config.json). */
const BUDGET_MS = 14_000

/**
 * Timer trigger (every minute): makes every booking change whole, whatever died half-way.
 *  1. Settle: each booking whose settle time passed (every change sets one, SETTLE_AFTER_MS ahead,
 *     in the same update as the change) gets what its state implies, each step idempotent:
 *       pending     → completed (booked + 预约成功) when it holds both its quota and its seat, else
 *                     released (holds given back, status `released`);
 *       booked      → 预约成功 recorded; a move that died half-way gives back the seat it was taking;
 *       cancelled   → holds given back, 预约已取消 recorded (when the citizen cancelled);
 *       no_show     → the no-show recorded, quota and lock given back;
 *       checked_in  → linked to its ticket, or back to booked when no ticket was issued; quota back.
 *     Then the settle time is cleared (only if no newer change set another).
 *  2. Recount: every hold (quota with its lock, seat) is checked against the bookings: a hold whose
 *     booking is gone or no longer holds it is given back; a settled booking missing its hold gets
 *     it (data from before holds named their bookings, or a bug). Holds are read before bookings:
 *     a hold is only ever taken after its booking is written, so a live hold always finds its booking.
 *  3. Seats per slot: every seat of the days ahead has its day's (or else its window's) number.
 */
export async function holdSweep(now: Date) {
  const started = Date.now()
  const settled = await settleDue(now, started)
  const recount = await recountHolds(now)
  const seatsResized = await alignSeatCapacities(now)
  return { ...settled, ...recount, seatsResized }
}

type Outcome = 'completed' | 'released' | 'settled' | 'error'

async function settleDue(now: Date, started: number) {
  const _ = db().command
  const counts: Record<Outcome, number> = { completed: 0, released: 0, settled: 0, error: 0 }
  let more = false
  for (;;) {
    const { data } = await bookings()
      .where({ settleBy: _.lte(now) })
      .orderBy('settleBy', 'asc')
      .limit(100)
      .get()
    if (!data.length) break
    const results = await pool(data, 8, (b) =>
      settle(b, now).catch((e): Outcome => {
        log.error('appointment.settle', e)
        return 'error'
      }),
    )
    for (const r of results) counts[r]++
    if (results.every((r) => r === 'error')) break
    if (Date.now() - started > BUDGET_MS) {
      more = true
      break
    }
  }
  return { ...counts, more }
}

async function settle(b: BookingDoc, now: Date): Promise<Outcome> {
  let outcome: Outcome = 'settled'
  switch (b.status) {
    case 'pending':
      outcome = await completeOrRelease(b, now)
      break
    case 'booked':
      if (b.moving) await settleMove(b)
      await writeNotification(confirmedNotice(b))
      break
    case 'cancelled':
      await releaseHolds(b, { seat: true })
      if (b.cancelledBy === 'citizen') await writeNotification(cancelledNotice(b))
      break
    case 'no_show':
      await Promise.all([recordNoShow(b), releaseHolds(b, { seat: false })])
      break
    case 'checked_in':
      await settleCheckIn(b, now)
      break
    case 'released':
      await releaseHolds(b, { seat: true })
      break
  }
  const _ = db().command
  await bookings()
    .where({ _id: b._id, settleBy: b.settleBy })
    .update({ data: { settleBy: _.remove() } })
  return outcome
}

/** A booking whose function died while taking its holds: kept when it got both, else given back. */
async function completeOrRelease(b: BookingDoc, now: Date): Promise<Outcome> {
  const [quota, seat] = await Promise.all([readQuota(b.openid), readSeat(b.slotId)])
  const held = !!quota?.holders?.some((h) => h.id === b._id) && !!seat?.holders?.includes(b._id)
  if (held) {
    const { stats } = await bookings()
      .where({ _id: b._id, status: 'pending' })
      .update({ data: { status: 'booked' } })
    if (stats.updated === 1) await writeNotification(confirmedNotice(b))
    return 'completed'
  }
  await releaseHolds(b, { seat: true })
  await bookings()
    .where({ _id: b._id, status: 'pending' })
    .update({ data: { status: 'released', releasedAt: now } })
  return 'released'
}

/** A move that died between marking and moving: the booking still sits on `from`, so the seat of `to` goes back. */
async function settleMove(b: BookingDoc): Promise<void> {
  const { to } = b.moving!
  if (to !== b.slotId) await releaseSeat(to, b._id)
  await bookings()
    .where({ _id: b._id, 'moving.to': to })
    .update({ data: { moving: db().command.remove() } })
}

/**
 * A check-in marks the booking before it issues the ticket (queue/actions/checkIn.ts). One that
 * died in between is linked to its ticket if it was issued; otherwise, while the slot lasts, the
 * booking goes back to booked so staff can check the citizen in again.
 */
async function settleCheckIn(b: BookingDoc, now: Date): Promise<void> {
  const _ = db().command
  if (!b.ticketId) {
    const ticket = (await db().collection(COLLECTIONS.tickets).where({ bookingId: b._id }).limit(1).get()).data[0]
    if (ticket) {
      await bookings()
        .where({ _id: b._id, status: 'checked_in', ticketId: _.exists(false) })
        .update({ data: { ticketId: ticket._id } })
    } else if (now < new Date(b.endAt)) {
      await bookings()
        .where({ _id: b._id, status: 'checked_in', ticketId: _.exists(false) })
        .update({ data: { status: 'booked', checkedInAt: _.remove() } })
      return
    }
  }
  await releaseQuota(b.openid, b._id)
}

const BOOKING_FIELDS = { _id: true, openid: true, slotId: true, status: true, lockKey: true, createdAt: true, moving: true } as const
type HoldView = Pick<BookingDoc, '_id' | 'openid' | 'slotId' | 'status' | 'lockKey' | 'createdAt' | 'moving'>

async function recountHolds(now: Date) {
  const _ = db().command
  const today = beijingDate(now)
  await adoptUnnamedHolds(today)
  const [quotaDocs, seatDocs] = await Promise.all([
    fetchAll<QuotaDoc>(COLLECTIONS.bookingQuota, { active: _.gt(0) }),
    fetchAll<SeatDoc>(COLLECTIONS.slotSeats, { date: _.gte(today) }),
  ])
  const [active, used] = await Promise.all([
    fetchAll<HoldView>(COLLECTIONS.bookings, { status: _.in(['pending', 'booked']) }, BOOKING_FIELDS),
    fetchAll<HoldView>(COLLECTIONS.bookings, { status: _.in(['checked_in', 'no_show']), date: _.gte(today) }, BOOKING_FIELDS),
  ])
  const byId = new Map([...active, ...used].map((b) => [b._id, b]))
  // Settled: booked, older than any invocation that could still be taking its holds, not moving.
  const settled = active.filter(
    (b) => b.status === 'booked' && !b.moving && now.getTime() - new Date(b.createdAt).getTime() > SETTLE_AFTER_MS,
  )
  const counts = { quotaFreed: 0, seatsFreed: 0, holdsRestored: 0 }

  const quotaOf = new Map(quotaDocs.map((q) => [q._id, q]))
  for (const q of quotaDocs) {
    for (const h of q.holders ?? []) {
      const b = byId.get(h.id)
      if ((!b || !holdsQuota(b.status) || b.openid !== q._id) && (await releaseQuota(q._id, h.id))) counts.quotaFreed++
    }
  }
  for (const b of settled) {
    const q = quotaOf.get(b.openid)
    if (q?.holders?.some((h) => h.id === b._id)) continue
    if (await restoreQuota(b)) counts.holdsRestored++
  }

  const sitting = (seat: SeatDoc, b: HoldView | undefined) =>
    !!b && holdsSeat(b.status) && (b.slotId === seat._id || b.moving?.to === seat._id)
  const seatOf = new Map(seatDocs.map((s) => [s._id, s]))
  for (const s of seatDocs) {
    for (const id of s.holders ?? []) {
      const b = byId.get(id)
      // A moving booking is the settle step's: which seat it keeps depends on where the move got to.
      if (b?.moving || sitting(s, b)) continue
      if (await releaseSeat(s._id, id)) counts.seatsFreed++
    }
  }
  for (const b of [...settled, ...used]) {
    const s = seatOf.get(b.slotId)
    if (!s || (s.holders ?? []).includes(b._id)) continue
    const { stats } = await seats()
      .where({ _id: s._id, holders: _.neq(b._id) })
      .update({ data: { remaining: _.inc(-1), holders: _.push([b._id]) } })
    if (stats.updated === 1) counts.holdsRestored++
  }
  return counts
}

/**
 * Quota and seat documents written before holds named their bookings (a bare count) are reset to
 * empty once; the recount then gives each settled booking its hold back, so the counts are rebuilt
 * from the bookings themselves. `holders: null` finds a missing field through the `holders` index
 * (MongoDB indexes a missing field as null: https://www.mongodb.com/docs/manual/tutorial/query-for-null-fields/),
 * where `_.exists(false)` would read the whole collection on every sweep.
 */
async function adoptUnnamedHolds(today: string): Promise<void> {
  const _ = db().command
  await db()
    .collection(COLLECTIONS.bookingQuota)
    .where({ holders: null })
    .update({ data: { active: 0, holders: [] } })
  const unnamed = await fetchAll<SeatDoc>(COLLECTIONS.slotSeats, { date: _.gte(today), holders: _.exists(false) })
  for (const s of unnamed)
    await seats()
      .where({ _id: s._id, holders: _.exists(false) })
      .update({ data: { remaining: s.capacity, holders: [] } })
}

/** Puts back the quota and lock of a settled booking that lacks them (never refused: the booking exists). */
async function restoreQuota(b: HoldView): Promise<boolean> {
  const _ = db().command
  const entry = { id: b._id, lock: b.lockKey }
  const { stats } = await db()
    .collection(COLLECTIONS.bookingQuota)
    .where({ _id: b.openid, 'holders.id': _.neq(b._id) })
    .update({ data: { active: _.inc(1), holders: _.push([entry]) } })
  if (stats.updated === 1) return true
  if (await readQuota(b.openid)) return false
  await db()
    .collection(COLLECTIONS.bookingQuota)
    .add({ data: { _id: b.openid, active: 1, holders: [entry] } })
    .catch(() => undefined)
  return true
}
