import { createHash } from 'node:crypto'
import {
  DEFAULT_WAITLIST_POLICY,
  waitlistPolicySchema,
  type WaitlistHalf,
  type WaitlistPolicy,
  type WaitlistStatus,
} from '../../../types/domain/waitlist'
import { daySlots, parseSlotId, type Slot } from '../../../types/domain/schedule'
import type { BookingDoc } from '../../_bookings/booking'
import { seats, type SeatDoc } from '../../_bookings/seats'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { readSetting } from '../../_kit/settings'
import { workCalendar } from '../../_kit/work-calendar'
import { slotSchedule } from '../schedules'

/*
 * 候补 storage. Two documents tell an offer, and the seat's is the truth:
 *  - the slot's seat document holds the offer in `offers` (SeatOffer): an offer takes one seat out
 *    of `remaining` exactly as a booking does, so nobody else can book it, and every move of that
 *    seat (from a cancelled booking to an offer, from one offer to the next, from an offer to its
 *    booking) is one conditional update of that one document: a seat is never lost nor given twice;
 *  - the entry (EntryDoc) claims the offer first (`offer.state: 'claiming'`, with a short lease),
 *    so one entry is never offered two seats at once, and says `held` once the seat is held.
 * A crash between the two leaves a claim the sweep finishes (the seat holds it) or lets lapse (it
 * does not): waitlist/sweep.ts.
 */

export interface SeatOffer {
  id: string
  entryId: string
  openid: string
  /** The hold ends here; the sweep then offers the seat to the next entry. */
  until: Date
  at: Date
}
export type OfferSeatDoc = SeatDoc & { offers?: SeatOffer[] }

export interface EntryOffer {
  id: string
  slotId: string
  state: 'claiming' | 'held'
  /** The claim's lease while claiming, the hold's end once held. */
  until: Date
}

export interface EntryDoc {
  /** `wl-` + a hash of the account and the matter: one entry per account and matter, reused on rejoining. */
  _id: string
  openid: string
  status: WaitlistStatus
  matterId: string
  matterName: string
  /** The windows it waits at: the one the citizen chose, else every window of the matter. */
  windowIds: string[]
  windowId?: string
  from: string
  to: string
  half: WaitlistHalf
  auto: boolean
  applicant: BookingDoc['applicant']
  person: string
  forOther: boolean
  relation?: string
  joinedAt: Date
  /** Offers made so far (numbers the offer ids). */
  seq: number
  /** Offers left to expire. */
  ignored: number
  /** Slots the citizen declined: never offered again to this entry. */
  declined: string[]
  offer?: EntryOffer
  /** Once booked through an offer: the booking, its code and the offer it came from (a retried confirm answers them). */
  bookingId?: string
  bookingCode?: string
  bookedOffer?: string
  endedAt?: Date
}

export const entries = () => db().collection<EntryDoc>(COLLECTIONS.waitlist)

export const entryIdOf = (openid: string, matterId: string) =>
  `wl-${createHash('sha256').update(`${openid}\n${matterId}`).digest('hex').slice(0, 20)}`
export const offerIdOf = (entryId: string, seq: number) =>
  `wo-${createHash('sha256').update(`${entryId}\n${seq}`).digest('hex').slice(0, 20)}`

/** How long a claim may stay unfinished before the sweep treats its invocation as dead (well above the 20 s timeout). */
export const CLAIM_LEASE_MS = 60_000

/** The centre's 候补 policy: the `settings` document `waitlist_policy` over the defaults. */
export const waitlistPolicy = (): Promise<WaitlistPolicy> =>
  readSetting('waitlist_policy', waitlistPolicySchema, DEFAULT_WAITLIST_POLICY, { maxAgeMs: 30_000 })

/** The slot a slot id names, as the window's schedule opens it that day; undefined once it no longer exists. */
export async function slotById(slotId: string): Promise<Slot | undefined> {
  const parsed = parseSlotId(slotId)
  const read = await slotSchedule(slotId)
  if (!parsed || !read) return undefined
  return daySlots(parsed.windowId, read.schedule, parsed.date, workCalendar().isWorkingDay(parsed.date), read.override).find(
    (s) => s.slotId === slotId,
  )
}

export async function readOfferSeat(slotId: string): Promise<OfferSeatDoc | undefined> {
  return (await seats().where({ _id: slotId }).limit(1).get()).data[0] as OfferSeatDoc | undefined
}

/** Where the seat an offer takes comes from: a booking giving it up, an offer passing it on, or the free seats. */
export type SeatFrom = { from: 'booking'; bookingId: string } | { from: 'offer'; offerId: string } | { from: 'free' }

/** Holds a seat for `offer` in one conditional update on the seat document; false when the source no longer has it. */
export async function holdSeat(slotId: string, source: SeatFrom, offer: SeatOffer): Promise<boolean> {
  const _ = db().command
  const c = seats()
  const q =
    source.from === 'booking'
      ? c.where({ _id: slotId, holders: source.bookingId }).update({ data: { holders: _.pull(source.bookingId), offers: _.push([offer]) } })
      : source.from === 'offer'
        ? // _.set: the offer replaces the element whole (not merged field by field into the old one).
          c.where({ _id: slotId, 'offers.id': source.offerId }).update({ data: { 'offers.$': _.set(offer) } })
        : c.where({ _id: slotId, remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1), offers: _.push([offer]) } })
  return (await q).stats.updated === 1
}

/** Gives the seat back to the free seats when no entry wants it; idempotent. */
export async function freeSeat(slotId: string, source: SeatFrom): Promise<void> {
  const _ = db().command
  if (source.from === 'booking')
    await seats()
      .where({ _id: slotId, holders: source.bookingId })
      .update({ data: { remaining: _.inc(1), holders: _.pull(source.bookingId) } })
  else if (source.from === 'offer')
    await seats()
      .where({ _id: slotId, 'offers.id': source.offerId })
      .update({ data: { remaining: _.inc(1), offers: _.pull({ id: source.offerId }) } })
}
