import { beijingIso } from '../../../types/domain/dates'
import { windowPlace } from '../../../types/domain/catalog'
import { holdUntil, queueOpen, slotFits, type WaitlistPolicy } from '../../../types/domain/waitlist'
import type { Slot } from '../../../types/domain/schedule'
import { pageLink, ROUTES } from '../../../types/routes'
import type { BookingDoc } from '../../_bookings/booking'
import { ensureSeat, releaseSeat, remainingSeats, seats } from '../../_bookings/seats'
import { getDepartment, getMatterDoc, getWindow } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { AppError } from '../../_kit/errors'
import { fingerprintOf } from '../../_kit/idempotency'
import { log } from '../../_kit/log'
import { deliverSoon, writeNotification } from '../../_kit/outbox'
import { placeBooking, type SeatSource } from '../actions/book'
import {
  CLAIM_LEASE_MS,
  entries,
  freeSeat,
  holdSeat,
  offerIdOf,
  readOfferSeat,
  slotById,
  waitlistPolicy,
  type EntryDoc,
  type SeatFrom,
  type SeatOffer,
} from './store'

/**
 * Offers a seat to the oldest waiting entry that fits it, while the queue for its date is open:
 * the entry is claimed (one conditional update, so two seats freed at once never go to one
 * entry), then the seat is held for it (one conditional update on the seat, from wherever the
 * seat comes), then the entry says so and the citizen is told, or, with 自动预约, booked. With no
 * taker the seat goes back to the free seats. Answers what became of it.
 */
export async function offerSeat(slot: Slot, source: SeatFrom, now: Date): Promise<'offered' | 'freed' | 'gone' | 'none'> {
  const policy = await waitlistPolicy()
  if (queueOpen(slot.date, now, policy)) {
    const exclude = source.from === 'offer' ? await entryOfOffer(slot.slotId, source.offerId) : undefined
    for (const e of await candidates(slot, now)) {
      if (e._id === exclude) continue
      const id = offerIdOf(e._id, e.seq + 1)
      if (!(await claim(e, id, slot.slotId, now))) continue
      const hold: SeatOffer = { id, entryId: e._id, openid: e.openid, until: holdUntil(slot, now, policy), at: now }
      if (!(await holdSeat(slot.slotId, source, hold))) {
        await entries()
          .where({ _id: e._id, 'offer.id': id })
          .update({ data: { offer: db().command.remove() } })
        return 'gone'
      }
      await finishOffer(e, hold, slot, now).catch((err) => log.error('waitlist.finish', err)) // the sweep finishes it
      return 'offered'
    }
  }
  if (source.from === 'free') return 'none'
  await freeSeat(slot.slotId, source)
  return 'freed'
}

/** The entry an offer being passed on was made to: it never gets the same seat straight back. */
async function entryOfOffer(slotId: string, offerId: string): Promise<string | undefined> {
  return (await readOfferSeat(slotId))?.offers?.find((o) => o.id === offerId)?.entryId
}

/** Waiting entries that fit the slot and have no offer open, oldest first. */
async function candidates(slot: Slot, now: Date): Promise<EntryDoc[]> {
  const _ = db().command
  const { data } = await entries()
    .where({ status: 'waiting', windowIds: slot.windowId, from: _.lte(slot.date), to: _.gte(slot.date) })
    .orderBy('joinedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(100)
    .get()
  return data.filter(
    (e) =>
      slotFits(e, slot) &&
      !(e.declined ?? []).includes(slot.slotId) &&
      (!e.offer || (e.offer.state === 'claiming' && new Date(e.offer.until) <= now)),
  )
}

async function claim(e: EntryDoc, offerId: string, slotId: string, now: Date): Promise<boolean> {
  const _ = db().command
  const { stats } = await entries()
    .where(
      _.and([
        { _id: e._id, status: 'waiting', seq: e.seq },
        _.or([{ offer: _.exists(false) }, { 'offer.state': 'claiming', 'offer.until': _.lte(now) }]),
      ]),
    )
    .update({
      data: { seq: _.inc(1), offer: { id: offerId, slotId, state: 'claiming', until: new Date(now.getTime() + CLAIM_LEASE_MS) } },
    })
  return stats.updated === 1
}

/**
 * Completes an offer whose seat is held: with 自动预约 it books the seat through the booking code
 * path (every booking rule applies) and ends the entry; otherwise, or when a rule refuses, the
 * entry says `held` and 候补成功 is pushed. Safe to repeat (the sweep repeats it after a crash).
 */
export async function finishOffer(e: EntryDoc, hold: SeatOffer, slot: Slot, now: Date): Promise<void> {
  if (e.auto) {
    try {
      const booked = await bookOffer(e, hold, slot.slotId, hold.id, fingerprintOf({ offerId: hold.id, auto: true }), now)
      const place = await placeOf(e.matterId, slot.windowId)
      const noted = await writeNotification({
        event: 'waitlist.booked',
        subjectId: hold.id,
        recipient: e.openid,
        data: { matterName: e.matterName, time: slotTime(slot), place: windowPlace(place.location, place.windowNumber), code: booked.code },
        page: pageLink(ROUTES.bookingDetail, { id: booked.bookingId }),
      })
      if (noted.fresh) await deliverSoon([noted.id])
      return
    } catch (err) {
      if (!(err instanceof AppError)) throw err
      // A booking rule refused (the account's limit, a bar): the seat stays held as an ordinary offer.
    }
  }
  const { stats } = await entries()
    .where({ _id: e._id, status: 'waiting', 'offer.id': hold.id })
    .update({ data: { offer: { id: hold.id, slotId: slot.slotId, state: 'held', until: hold.until } } })
  if (stats.updated !== 1) return
  const place = await placeOf(e.matterId, slot.windowId)
  const noted = await writeNotification({
    event: 'waitlist.offered',
    subjectId: hold.id,
    recipient: e.openid,
    data: {
      matterName: e.matterName,
      time: slotTime(slot),
      place: windowPlace(place.location, place.windowNumber),
      until: deadlineText(hold.until),
    },
    page: pageLink(ROUTES.waitlistMine, { offer: hold.id }),
  })
  if (noted.fresh) await deliverSoon([noted.id])
}

/** The offer's seat as a booking takes it: the hold moves onto the booking in one update, and back if a rule refuses. */
const offeredSeat = (hold: SeatOffer): SeatSource => {
  const _ = db().command
  return {
    async take(slot: Slot, bookingId: string) {
      const { stats } = await seats()
        .where({ _id: slot.slotId, 'offers.id': hold.id, holders: _.neq(bookingId) })
        .update({ data: { offers: _.pull({ id: hold.id }), holders: _.push([bookingId]) } })
      if (stats.updated === 1) return
      if ((await readOfferSeat(slot.slotId))?.holders?.includes(bookingId)) return
      throw new AppError('CONFLICT', '该候补名额已过期或已失效')
    },
    giveBack: (slot: Slot, bookingId: string) =>
      seats()
        .where({ _id: slot.slotId, holders: bookingId })
        .update({ data: { holders: _.pull(bookingId), offers: _.push([hold]) } }),
  }
}

/** Books the held seat for the entry through `placeBooking`, then ends the entry as booked. */
export async function bookOffer(e: EntryDoc, hold: SeatOffer, slotId: string, requestId: string, fingerprint: string, now: Date) {
  const booked = await placeBooking(
    {
      openid: e.openid,
      requestId,
      fingerprint,
      matterId: e.matterId,
      slotId,
      applicant: e.applicant,
      person: e.person,
      forOther: e.forOther,
      relation: e.relation,
      seat: offeredSeat(hold),
    },
    now,
  )
  await entries()
    .where({ _id: e._id, 'offer.id': hold.id })
    .update({
      data: {
        status: 'booked',
        bookingId: booked.bookingId,
        bookingCode: booked.code,
        bookedOffer: hold.id,
        offer: db().command.remove(),
        endedAt: now,
      },
    })
  return booked
}

/** A booking's seat when it lets go of it (cancel, reschedule): straight to the waitlist, or back to the free seats. */
export async function passSeat(b: Pick<BookingDoc, '_id' | 'slotId'>, now: Date): Promise<void> {
  const slot = await slotById(b.slotId)
  if (!slot) {
    await releaseSeat(b.slotId, b._id)
    return
  }
  await offerSeat(slot, { from: 'booking', bookingId: b._id }, now)
}

/** Offers every free seat of the slots to the waitlist (extra hours added, seats a sweep gave back). */
export async function offerFreeSeats(slots: Slot[], now: Date, policy?: WaitlistPolicy): Promise<number> {
  const p = policy ?? (await waitlistPolicy())
  const open = slots.filter((s) => queueOpen(s.date, now, p))
  if (!open.length) return 0
  const left = await remainingSeats(open)
  let offered = 0
  for (const slot of open) {
    const free = left.get(slot.slotId) ?? 0
    if (free <= 0) continue
    await ensureSeat(slot)
    for (let i = 0; i < free; i++) {
      const r = await offerSeat(slot, { from: 'free' }, now)
      if (r !== 'offered') break
      offered++
    }
  }
  return offered
}

/** Offers the free seats of a window's date, where the waitlist has anyone for it; never fails its caller. */
export async function offerFreeSeatsOf(windowId: string, date: string, slots: Slot[], now: Date): Promise<void> {
  await offerFreeSeats(
    slots.filter((s) => s.windowId === windowId && s.date === date),
    now,
  ).catch((err) => log.error('waitlist.offerFree', err))
}

export async function placeOf(matterId: string, windowId: string) {
  const [matter, window] = await Promise.all([getMatterDoc(matterId), getWindow(windowId)])
  const department = await getDepartment(matter.departmentId)
  return { windowName: window.name, windowNumber: window.number, location: department?.location ?? '' }
}

export const slotTime = (s: Pick<Slot, 'date' | 'start' | 'end'>) => `${s.date} ${s.start}-${s.end}`
/** `12-02 09:15`, Beijing time. */
export const deadlineText = (until: Date) => beijingIso(new Date(until)).slice(5, 16).replace('T', ' ')
