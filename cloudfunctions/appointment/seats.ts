import type { Slot } from '../../types/domain/schedule'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError } from '../_kit/errors'
import { isDuplicate } from '../_kit/outbox'

/**
 * A slot's remaining seats live in one document per slot, created by the first booking. Taking a
 * seat is one conditional update (`remaining > 0` → `remaining - 1`), which the database applies
 * atomically, so no number of concurrent requests can take more seats than the slot has.
 */
export async function takeSeat(slot: Slot): Promise<void> {
  const seats = db().collection(COLLECTIONS.slotSeats)
  const _ = db().command
  for (let attempt = 0; attempt < 2; attempt++) {
    const { stats } = await seats.where({ _id: slot.slotId, remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1) } })
    if (stats.updated === 1) return
    try {
      // First booking of the slot: creating the document with one seat taken is itself the take.
      await seats.add({ data: { _id: slot.slotId, windowId: slot.windowId, date: slot.date, start: slot.start, capacity: slot.capacity, remaining: slot.capacity - 1 } })
      return
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
  throw new AppError('CONFLICT', '该时段已约满，请选择其他时段')
}

export async function releaseSeat(slotId: string): Promise<void> {
  await db().collection(COLLECTIONS.slotSeats).doc(slotId).update({ data: { remaining: db().command.inc(1) } })
}

/** Remaining seats per slot id; a slot nobody booked yet has no document and all its seats. */
export async function remainingSeats(slots: Slot[]): Promise<Map<string, number>> {
  const _ = db().command
  const left = new Map(slots.map((s) => [s.slotId, s.capacity]))
  const windowIds = [...new Set(slots.map((s) => s.windowId))]
  const dates = [...new Set(slots.map((s) => s.date))]
  if (!slots.length) return left
  for (let skip = 0; ; skip += 1000) {
    const { data } = await db().collection(COLLECTIONS.slotSeats).where({ windowId: _.in(windowIds), date: _.in(dates) }).orderBy('_id', 'asc').skip(skip).limit(1000).get()
    for (const seat of data) if (left.has(seat._id)) left.set(seat._id, Math.max(0, seat.remaining))
    if (data.length < 1000) return left
  }
}
