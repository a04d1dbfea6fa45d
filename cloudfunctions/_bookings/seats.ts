import type { Slot } from '../../types/domain/schedule'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { insertOnce } from '../_kit/db'
import { AppError } from '../_kit/errors'

/**
 * A slot's seats live in one document per slot: how many remain and which bookings hold the
 * others. Taking a seat is one conditional update (`remaining > 0`, not already held by this
 * booking → `remaining - 1`, booking added), which the database applies atomically, so no number
 * of concurrent requests can take more seats than the slot has. Because each seat names its
 * booking, giving one back twice is harmless, and a sweeper can recount the seats from the bookings.
 */
export interface SeatDoc {
  _id: string
  windowId: string
  date: string
  start: string
  capacity: number
  remaining: number
  holders: string[]
}

export const seats = () => db().collection<SeatDoc>(COLLECTIONS.slotSeats)

const fresh = (slot: Slot, holders: string[]): SeatDoc => ({
  _id: slot.slotId,
  windowId: slot.windowId,
  date: slot.date,
  start: slot.start,
  capacity: slot.capacity,
  remaining: slot.capacity - holders.length,
  holders,
})

export async function readSeat(slotId: string): Promise<SeatDoc | undefined> {
  return (await seats().where({ _id: slotId }).limit(1).get()).data[0]
}

/** Creates the slot's seat document with every seat free, so the take below is one conditional update. */
export async function ensureSeat(slot: Slot): Promise<void> {
  await insertOnce(seats(), fresh(slot, []))
}

export async function takeSeat(slot: Slot, bookingId: string): Promise<void> {
  const _ = db().command
  for (let attempt = 0; attempt < 3; attempt++) {
    const { stats } = await seats()
      .where({ _id: slot.slotId, remaining: _.gt(0), holders: _.neq(bookingId) })
      .update({ data: { remaining: _.inc(-1), holders: _.push([bookingId]) } })
    if (stats.updated === 1) return
    const doc = await readSeat(slot.slotId)
    if (!doc) {
      if (await insertOnce(seats(), fresh(slot, [bookingId]))) return
      continue
    }
    if ((doc.holders ?? []).includes(bookingId)) return
    if (doc.remaining <= 0) break
  }
  throw new AppError('CONFLICT', '该时段已约满，请选择其他时段')
}

/** Gives a booking's seat back; a booking that holds none changes nothing. */
export async function releaseSeat(slotId: string, bookingId: string): Promise<boolean> {
  const _ = db().command
  const { stats } = await seats()
    .where({ _id: slotId, holders: bookingId })
    .update({ data: { remaining: _.inc(1), holders: _.pull(bookingId) } })
  return stats.updated === 1
}

/** Remaining seats per slot id; a slot nobody booked yet has no document and all its seats. */
export async function remainingSeats(slots: Slot[]): Promise<Map<string, number>> {
  const _ = db().command
  const left = new Map(slots.map((s) => [s.slotId, s.capacity]))
  const windowIds = [...new Set(slots.map((s) => s.windowId))]
  const dates = [...new Set(slots.map((s) => s.date))]
  if (!slots.length) return left
  for (let skip = 0; ; skip += 1000) {
    const { data } = await seats()
      .where({ windowId: _.in(windowIds), date: _.in(dates) })
      .field({ _id: true, remaining: true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get()
    for (const seat of data) if (left.has(seat._id)) left.set(seat._id, Math.max(0, seat.remaining))
    if (data.length < 1000) return left
  }
}

/**
 * Sets a slot's seats to `capacity`, keeping every seat already held (bookings and 候补 offers):
 * the free seats become `capacity − held`, below zero when more hold it than the new number (then
 * a cancellation brings it nearer zero and frees no seat, and `remaining > 0` takes none). It is a
 * compare-and-set on the seat's count, so a booking taken at the same moment is never overwritten.
 * Answers whether more people hold the slot than the new number (their bookings stay).
 */
export async function resizeSeat(slotId: string, capacity: number): Promise<{ overbooked: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await readSeat(slotId)
    if (!doc) return { overbooked: false }
    const held = doc.capacity - doc.remaining
    if (doc.capacity === capacity) return { overbooked: held > capacity }
    const { stats } = await seats()
      .where({ _id: slotId, capacity: doc.capacity, remaining: doc.remaining })
      .update({ data: { capacity, remaining: capacity - held } })
    if (stats.updated === 1) return { overbooked: held > capacity }
  }
  throw new AppError('CONFLICT', '该时段正在预约，请稍后重试')
}
