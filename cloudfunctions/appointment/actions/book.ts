import { createHash } from 'node:crypto'
import type { AppointmentInput } from '../../../types/contracts/appointment'
import { maskIdNumber, maskName } from '../../../types/domain/masking'
import { beijingInstant, parseSlotId, type Slot } from '../../../types/domain/schedule'
import { getDepartment, getMatterDoc, windowsById } from '../../_kit/catalog'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { newBookingCode, personKey } from '../../_kit/ids'
import { log } from '../../_kit/log'
import { insertOnce } from '../../_kit/db'
import { deliverSoon, writeNotification } from '../../_kit/outbox'
import { releaseAll } from '../../_kit/rollback'
import { bookings, type BookingDoc } from '../../_bookings/booking'
import { confirmedNotice } from '../../_bookings/notices'
import { settleAt } from '../../_kit/settle-time'
import { assertNotBarred, bookingPolicy, noShowsOf, verifiedIdentity } from '../limits'
import { ensureQuota, lockKeyOf, releaseQuota, takeQuota } from '../../_bookings/quota'
import { ensureSeat, readSeat, releaseSeat, remainingSeats, takeSeat } from '../../_bookings/seats'
import { openSlots, slotIn, slotSchedule } from '../schedules'

type BookInput = AppointmentInput<'book'>

/**
 * The booking id follows from the account and the request id, so a retried submit (also one that
 * takes over the request after the first invocation died) resumes the same booking and its holds
 * instead of starting a second one.
 */
export const bookingIdFor = (openid: string, requestId: string) =>
  `bk-${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 20)}`

/** Everything the checks need, read side by side in one round trip. */
async function readFacts(input: Pick<BookInput, 'matterId' | 'slotId'>, openid: string, now: Date) {
  const [policy, [matter, department], schedule, seat, noShows, windows, verified] = await Promise.all([
    bookingPolicy(),
    getMatterDoc(input.matterId).then((m) => Promise.all([m, getDepartment(m.departmentId)])),
    slotSchedule(input.slotId),
    readSeat(input.slotId),
    noShowsOf(openid, now),
    windowsById(),
    verifiedIdentity(openid),
  ])
  return { policy, matter, department, schedule, seat, noShows, windows, verified }
}

/**
 * Books a slot in the applicant's real name, in steps a crash cannot leave half done:
 *  1. reads the slot, the seats, the policy and the account's no-shows while the request id is claimed;
 *  2. writes the booking as `pending` (with the time the sweeper settles it), creating the
 *     account's quota document and the slot's seat document if they are missing;
 *  3. takes the account's quota with its lock on the person and matter, and a seat, side by side,
 *     each one conditional update naming the booking; if either is refused both are given back;
 *  4. marks the booking `booked` and, in the same step, records 预约成功 (outbox and message centre).
 * A crash after 2 leaves a pending booking, which the sweeper (holdSweep) completes when it holds
 * both, or releases; one after 4 leaves a notification the sweeper writes. A replayed request
 * answers the first result.
 */
export async function book(input: BookInput, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const person = personKey(input.idNumber)
  return placeBooking(
    {
      openid,
      requestId: input.requestId,
      fingerprint: fingerprintOf({ ...input }),
      matterId: input.matterId,
      slotId: input.anyWindow ? await roomiestWindow(input.matterId, input.slotId, ctx.now) : input.slotId,
      applicant: { name: input.name, nameMasked: maskName(input.name), idMasked: maskIdNumber(input.idNumber), phone: input.phone },
      person,
      forOther: input.forOther,
      relation: input.relation,
    },
    ctx.now,
  )
}

/**
 * 任一窗口: of the matter's open slots at the same date and time as `slotId`, the one with the most
 * seats left (the named one when none has more, or it is not a slot of the matter: placeBooking
 * then refuses it as it would). Only a choice: the seat is taken by placeBooking's own conditional
 * update, so a seat gone meanwhile is refused as full, never double-booked.
 */
async function roomiestWindow(matterId: string, slotId: string, now: Date): Promise<string> {
  const at = parseSlotId(slotId)
  if (!at) return slotId
  const same = (await openSlots(await getMatterDoc(matterId), [at.date], now)).filter((s) => s.start === at.start)
  const left = await remainingSeats(same)
  const best = [...same].sort((a, b) => (left.get(b.slotId) ?? 0) - (left.get(a.slotId) ?? 0))[0]
  return best && (left.get(best.slotId) ?? 0) > (left.get(slotId) ?? 0) ? best.slotId : slotId
}

/**
 * Where a booking's seat comes from when it is not simply a free one: a seat the waitlist holds
 * for this account (waitlist/seats.ts). `take` moves the hold onto the booking in one conditional
 * update; `giveBack` returns it to the offer when another rule refuses the booking.
 */
export interface SeatSource {
  take(slot: Slot, bookingId: string): Promise<void>
  giveBack(slot: Slot, bookingId: string): Promise<unknown>
}

/** A booking as `book` and an accepted waitlist offer both ask for it: the applicant already masked and keyed. */
export interface BookingRequest {
  openid: string
  requestId: string
  /** What a replay of the same request id must match (idempotency.ts). */
  fingerprint: string
  matterId: string
  slotId: string
  applicant: BookingDoc['applicant']
  person: string
  forOther: boolean
  relation?: string
  seat?: SeatSource
}

/** The one booking code path: every rule of `book` (slot open, no-show bar, quota, lock, seat) for a request. */
export async function placeBooking(r: BookingRequest, now: Date): Promise<{ bookingId: string; code: string }> {
  const { openid, person } = r
  const bookingId = bookingIdFor(openid, r.requestId)
  const seatTake = r.seat?.take ?? takeSeat
  const seatBack = r.seat?.giveBack ?? ((slot: Slot, id: string) => releaseSeat(slot.slotId, id))
  // Started before the claim so both go out together; a replay never looks at it.
  const facts = readFacts(r, openid, now)
  facts.catch(() => undefined)
  let soon: Promise<void> | undefined
  const answer = await once('book', openid, r.requestId, r.fingerprint, async () => {
    const f = await facts
    const slot = slotIn(f.matter, r.slotId, f.schedule, now)
    // A full slot is refused before anything is written: in a rush almost every request ends here.
    if (!r.seat && f.seat && f.seat.remaining <= 0 && !(f.seat.holders ?? []).includes(bookingId))
      throw new AppError('CONFLICT', '该时段已约满，请选择其他时段')
    assertNotBarred(f.noShows, now, f.policy)
    const window = f.windows.get(slot.windowId)
    if (!window) throw notFound('未找到该窗口')

    const b = await writeIntent(
      {
        _id: bookingId,
        code: newBookingCode(),
        openid,
        status: 'pending',
        matterId: f.matter.id,
        matterName: f.matter.name,
        departmentId: f.matter.departmentId,
        windowId: window.id,
        windowName: window.name,
        windowNumber: window.number,
        location: f.department?.location ?? '',
        slotId: slot.slotId,
        date: slot.date,
        start: slot.start,
        end: slot.end,
        startAt: beijingInstant(slot.date, slot.start),
        endAt: beijingInstant(slot.date, slot.end),
        applicant: r.applicant,
        person,
        lockKey: lockKeyOf(person, f.matter.id),
        verified: f.verified !== undefined && f.verified === person,
        forOther: r.forOther,
        ...(r.relation ? { relation: r.relation } : {}),
        settleBy: settleAt(now),
        createdAt: now,
      },
      // The quota document is created on the way (an account's first booking), never read first.
      [ensureQuota(openid), f.seat ? undefined : ensureSeat(slot)],
    )
    if (b.status !== 'pending') return { bookingId: b._id, code: b.code }

    const [quota, seat] = await Promise.allSettled([
      takeQuota(openid, b._id, b.lockKey, f.policy.maxActivePerOpenid),
      seatTake(slot, b._id),
    ])
    if (quota.status === 'rejected' || seat.status === 'rejected') {
      // Give back what was taken (a release is idempotent), then the pending booking itself.
      await releaseAll('book.rollback', [
        quota.status === 'fulfilled' ? releaseQuota(openid, b._id) : undefined,
        seat.status === 'fulfilled' ? seatBack(slot, b._id) : undefined,
      ])
      await releaseAll('book.rollback', [bookings().where({ _id: b._id, status: 'pending' }).remove()])
      throw quota.status === 'rejected' ? quota.reason : (seat as PromiseRejectedResult).reason
    }

    const [committed, noted] = await Promise.allSettled([
      bookings()
        .where({ _id: b._id, status: 'pending' })
        .update({ data: { status: 'booked' } }),
      writeNotification(confirmedNotice(b)),
    ])
    if (committed.status === 'rejected') throw committed.reason
    if (committed.value.stats.updated !== 1 && (await bookings().where({ _id: b._id, status: 'booked' }).count()).total !== 1) {
      throw new AppError('CONFLICT', '预约未能完成，请重新提交')
    }
    if (noted.status === 'rejected')
      log.error('book.notify', noted.reason) // the sweeper writes it (settleBy)
    else if (noted.value.fresh) soon = deliverSoon([noted.value.id])
    return { bookingId: b._id, code: b.code }
  })
  await soon
  return answer
}

/**
 * Writes the pending booking, or finds the one a previous attempt of the same request wrote: still
 * pending (resumed), completed (answered as is) or released by the sweeper (made pending again).
 * The unique index on `code` settles the rare collision of a fresh random code.
 */
async function writeIntent(doc: BookingDoc, alongside: Array<Promise<void> | undefined>): Promise<BookingDoc> {
  const [b] = await Promise.all([insertIntent(doc), ...alongside])
  return b
}

async function insertIntent(doc: BookingDoc): Promise<BookingDoc> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const full = attempt ? { ...doc, code: newBookingCode() } : doc
    if (await insertOnce(bookings(), full)) return full
    const existing = (await bookings().where({ _id: doc._id }).limit(1).get()).data[0]
    if (!existing) continue
    if (existing.status !== 'released') return existing
    const { _id, code: _code, ...rest } = doc
    const { stats } = await bookings().where({ _id, status: 'released' }).update({ data: rest })
    if (stats.updated === 1) return { ...doc, code: existing.code }
  }
  throw new Error('could not write the booking')
}
