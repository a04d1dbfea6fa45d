import { beijingDate } from '../../../types/domain/dates'
import { queueOpen, slotFits } from '../../../types/domain/waitlist'
import { parseSlotId } from '../../../types/domain/schedule'
import { pageLink, ROUTES } from '../../../types/routes'
import { bookings } from '../../_bookings/booking'
import { getMatterDoc } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { fetchAll } from '../../_kit/fetchAll'
import { log } from '../../_kit/log'
import { writeNotification } from '../../_kit/outbox'
import { openSlots } from '../schedules'
import { finishOffer, offerFreeSeats, offerSeat } from './offer'
import { CLAIM_LEASE_MS, entries, freeSeat, slotById, waitlistPolicy, type EntryDoc, type OfferSeatDoc, type SeatOffer } from './store'

/**
 * Timer job (every minute): the 候补 queue kept whole, whatever died half-way.
 *  1. Held seats: an offer past its hold expires (one more ignored offer; the entry ends at the
 *     policy's limit, with a message) and the seat goes to the next entry; an offer whose entry
 *     never heard of it (the offering invocation died after holding the seat) is finished; an
 *     offer nobody owns any more (the entry left or moved on) is passed on.
 *  2. Entries: a claim whose seat was never held lapses; an entry whose offer was taken by its
 *     booking is marked booked; entries past their last date end.
 *  3. Free seats: any free seat a waiting entry fits (given back by a sweep, extra hours) is offered.
 * Expired and declined offers are never bookings, so they never count as no-shows.
 */
export async function waitlistSweep(now: Date) {
  const counts = { expired: 0, finished: 0, passed: 0, lapsed: 0, ended: 0, offered: 0 }
  await sweepHeldSeats(now, counts)
  await sweepEntries(now, counts)
  counts.offered = await offerToWaiting(now)
  return counts
}

async function sweepHeldSeats(now: Date, counts: Record<string, number>) {
  const _ = db().command
  const policy = await waitlistPolicy()
  const held = await fetchAll<OfferSeatDoc>(COLLECTIONS.slotSeats, { 'offers.until': _.gt(new Date(0)) })
  const holds = held.flatMap((s) => (s.offers ?? []).map((o) => ({ slotId: s._id, o })))
  if (!holds.length) return
  const ids = [...new Set(holds.map((h) => h.o.entryId))]
  const byId = new Map((await fetchAll<EntryDoc>(COLLECTIONS.waitlist, { _id: _.in(ids) })).map((e) => [e._id, e]))
  for (const { slotId, o } of holds) {
    try {
      const slot = await slotById(slotId)
      const e = byId.get(o.entryId)
      const mine = !!e && e.status === 'waiting' && e.offer?.id === o.id
      const settled = now.getTime() - new Date(o.at).getTime() > CLAIM_LEASE_MS
      if (!slot) {
        // The slot is gone (its day closed): the hold goes back, the citizen is told, and the entry may be offered another.
        if (mine) await withdraw(e, o, slotId)
        await freeSeat(slotId, { from: 'offer', offerId: o.id })
        continue
      }
      if (mine && new Date(o.until) <= now) {
        await expire(e, o, policy.maxIgnored, now)
        counts.expired++
        await offerSeat(slot, { from: 'offer', offerId: o.id }, now)
      } else if (mine && e.offer?.state === 'claiming' && settled) {
        await finishOffer(e, o, slot, now)
        counts.finished++
      } else if (!mine && settled) {
        await offerSeat(slot, { from: 'offer', offerId: o.id }, now)
        counts.passed++
      }
    } catch (err) {
      log.error('waitlist.sweep', err)
    }
  }
}

/** An offer whose slot closed: taken back, and said so (the citizen was told to confirm it). The entry keeps its place. */
async function withdraw(e: EntryDoc, o: SeatOffer, slotId: string) {
  const { stats } = await entries()
    .where({ _id: e._id, 'offer.id': o.id })
    .update({ data: { offer: db().command.remove() } })
  const at = parseSlotId(slotId)
  if (stats.updated === 1 && at)
    await writeNotification({
      event: 'waitlist.withdrawn',
      subjectId: o.id,
      recipient: e.openid,
      data: { matterName: e.matterName, time: `${at.date} ${at.start}` },
      page: pageLink(ROUTES.waitlistMine),
    })
}

/** An offer left to expire: counted against the entry, which ends at `maxIgnored` (with a message). Never a no-show. */
async function expire(e: EntryDoc, o: SeatOffer, maxIgnored: number, now: Date) {
  const _ = db().command
  const ignored = (e.ignored ?? 0) + 1
  const removed = ignored >= maxIgnored
  const { stats } = await entries()
    .where({ _id: e._id, 'offer.id': o.id })
    .update({ data: { offer: _.remove(), ignored: _.inc(1), ...(removed ? { status: 'removed', endedAt: now } : {}) } })
  if (stats.updated === 1 && removed)
    await writeNotification({
      event: 'waitlist.removed',
      subjectId: `${e._id}:${e.seq}`,
      recipient: e.openid,
      data: { matterName: e.matterName, ignored },
      page: pageLink(ROUTES.waitlistMine),
    })
}

async function sweepEntries(now: Date, counts: Record<string, number>) {
  const _ = db().command
  const today = beijingDate(now)
  const { stats } = await entries()
    .where({ status: 'waiting', to: _.lt(today) })
    .update({ data: { status: 'ended', offer: _.remove(), endedAt: now } })
  counts.ended += stats.updated
  const withOffers = await fetchAll<EntryDoc>(COLLECTIONS.waitlist, { status: 'waiting', 'offer.until': _.gt(new Date(0)) })
  for (const e of withOffers) {
    const offer = e.offer!
    if (offer.state === 'claiming' && new Date(offer.until) > now) continue
    const seat = await db().collection(COLLECTIONS.slotSeats).where({ _id: offer.slotId, 'offers.id': offer.id }).count()
    if (seat.total > 0) continue
    // The seat no longer holds the offer: booked by the citizen (the confirm died before saying so), or gone.
    const { data } = await bookings()
      .where({ openid: e.openid, matterId: e.matterId, slotId: offer.slotId, status: _.in(['pending', 'booked']) })
      .limit(1)
      .get()
    const booked = data[0]
    // A confirm still under way (or one holdSweep settles): look again next time.
    if (booked?.status === 'pending') continue
    await entries()
      .where({ _id: e._id, 'offer.id': offer.id })
      .update({
        data: booked
          ? { status: 'booked', bookingId: booked._id, bookingCode: booked.code, bookedOffer: offer.id, offer: _.remove(), endedAt: now }
          : { offer: _.remove() },
      })
    counts.lapsed++
  }
}

/** Every matter with waiting entries: its free seats that some entry fits, offered oldest entry first. */
async function offerToWaiting(now: Date): Promise<number> {
  const waiting = await fetchAll<EntryDoc>(COLLECTIONS.waitlist, { status: 'waiting' })
  if (!waiting.length) return 0
  const policy = await waitlistPolicy()
  let offered = 0
  for (const matterId of [...new Set(waiting.map((e) => e.matterId))]) {
    try {
      const mine = waiting.filter((e) => e.matterId === matterId)
      const slots = (await openSlots(await getMatterDoc(matterId), 'horizon', now)).filter(
        (s) => queueOpen(s.date, now, policy) && mine.some((e) => slotFits(e, s)),
      )
      offered += await offerFreeSeats(slots, now, policy)
    } catch (err) {
      log.error('waitlist.offerToWaiting', err)
    }
  }
  return offered
}
