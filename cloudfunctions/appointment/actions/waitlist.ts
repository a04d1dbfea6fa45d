import type { AppointmentInput, WaitlistEntryView } from '../../../types/contracts/appointment'
import { maskIdNumber, maskName } from '../../../types/domain/masking'
import { queueOpen, slotFits } from '../../../types/domain/waitlist'
import { remainingSeats } from '../../_bookings/seats'
import { getMatterDoc, windowsById } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { insertOnce } from '../../_kit/db'
import { AppError, notFound } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf } from '../../_kit/idempotency'
import { personKey } from '../../_kit/ids'
import { assertNotBarred, bookingPolicy, noShowsOf } from '../limits'
import { horizonOf, openSlots } from '../schedules'
import { bookingIdFor } from './book'
import { bookOffer, offerSeat, placeOf } from '../waitlist/offer'
import { entries, entryIdOf, readOfferSeat, slotById, waitlistPolicy, type EntryDoc } from '../waitlist/store'

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }])

/**
 * Joins the matter's waitlist (候补) while every slot that fits the wishes is full: one active
 * entry per account and matter, its dates within the booking horizon, the account not barred for
 * no-shows. The entry keeps the applicant as a booking keeps it (masked ID number and its keyed
 * hash), so an offer can become a booking without typing it again. Answers the position.
 */
export async function joinWaitlist(input: AppointmentInput<'joinWaitlist'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const matter = await getMatterDoc(input.matterId)
  if (!matter.flags.appointment) throw invalid('matterId', '该事项无需预约，可直接到大厅办理')
  if (input.windowId && !matter.windowIds.includes(input.windowId)) throw invalid('windowId', '该窗口不办理此事项')
  const [horizon, policy, noShows, wl] = await Promise.all([
    horizonOf(matter, ctx.now),
    bookingPolicy(),
    noShowsOf(openid, ctx.now),
    waitlistPolicy(),
  ])
  const first = horizon[0]
  const last = horizon[horizon.length - 1]
  if (!horizon.length || input.from < first || input.to > last)
    throw invalid('from', horizon.length ? `候补日期应在${first}至${last}之间` : '暂无可预约日期')
  assertNotBarred(noShows, ctx.now, policy)
  const wish = { from: input.from, to: input.to, half: input.half, windowIds: input.windowId ? [input.windowId] : matter.windowIds }
  const fitting = (await openSlots(matter, 'horizon', ctx.now)).filter((s) => slotFits(wish, s))
  if (!fitting.length) throw invalid('from', '所选日期和时段没有开放预约的时段，请换个日期或时段')
  if (!fitting.some((s) => queueOpen(s.date, ctx.now, wl)))
    throw invalid('from', '所选日期的候补已截止（前一日18:00截止），请选择更晚的日期')
  const left = await remainingSeats(fitting)
  if (fitting.some((s) => (left.get(s.slotId) ?? 0) > 0)) throw new AppError('CONFLICT', '所选范围内还有可预约的时段，请直接预约')

  const _id = entryIdOf(openid, matter.id)
  const fields = {
    openid,
    status: 'waiting' as const,
    matterId: matter.id,
    matterName: matter.name,
    windowIds: wish.windowIds,
    ...(input.windowId ? { windowId: input.windowId } : {}),
    from: input.from,
    to: input.to,
    half: input.half,
    auto: input.auto,
    applicant: { name: input.name, nameMasked: maskName(input.name), idMasked: maskIdNumber(input.idNumber), phone: input.phone },
    person: personKey(input.idNumber),
    forOther: input.forOther,
    ...(input.relation ? { relation: input.relation } : {}),
    joinedAt: ctx.now,
    ignored: 0,
    declined: [],
  }
  const fresh = await insertOnce(entries(), { _id, seq: 0, ...fields })
  if (!fresh) {
    // Rejoining after an entry ended: the same document starts over; its offer numbering goes on.
    const _ = db().command
    const { stats } = await entries()
      .where({ _id, status: _.neq('waiting') })
      .update({
        data: {
          ...fields,
          windowId: input.windowId ?? _.remove(),
          relation: input.relation ?? _.remove(),
          bookingId: _.remove(),
          endedAt: _.remove(),
        },
      })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '您已在候补该事项，可在「我的候补」查看或修改')
  }
  return { entryId: _id, position: await positionOf({ _id, ...fields }) }
}

/**
 * 1 + the waiting entries of the matter that want some of the same seats (dates, windows and
 * half-day overlap) and joined earlier (the same instant: the lower id first, as offers go).
 */
async function positionOf(e: Pick<EntryDoc, '_id' | 'matterId' | 'joinedAt' | 'from' | 'to' | 'windowIds' | 'half'>): Promise<number> {
  const _ = db().command
  const at = new Date(e.joinedAt)
  const { total } = await entries()
    .where(
      _.and([
        {
          matterId: e.matterId,
          status: 'waiting',
          from: _.lte(e.to),
          to: _.gte(e.from),
          windowIds: _.in(e.windowIds),
          ...(e.half === 'any' ? {} : { half: _.in([e.half, 'any']) }),
        },
        _.or([{ joinedAt: _.lt(at) }, { joinedAt: at, _id: _.lt(e._id) }]),
      ]),
    )
    .count()
  return total + 1
}

/** The caller's entries, newest first, each with its position while waiting and the offer its seat holds. */
export async function myWaitlist(_input: object, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const [{ data }, windows] = await Promise.all([entries().where({ openid }).orderBy('joinedAt', 'desc').limit(20).get(), windowsById()])
  const views = await Promise.all(
    data.map(async (e): Promise<WaitlistEntryView> => {
      const waiting = e.status === 'waiting'
      return {
        entryId: e._id,
        status: e.status,
        matterId: e.matterId,
        matterName: e.matterName,
        from: e.from,
        to: e.to,
        half: e.half,
        ...(e.windowId ? { windowId: e.windowId, windowName: windows.get(e.windowId)?.name ?? '' } : {}),
        auto: e.auto,
        applicantName: e.applicant.nameMasked,
        ...(waiting ? { position: await positionOf(e) } : {}),
        ignored: e.ignored ?? 0,
        ...(waiting ? await offerView(e, ctx.now) : {}),
        ...(e.bookingId ? { bookingId: e.bookingId } : {}),
        joinedAt: new Date(e.joinedAt).toISOString(),
      }
    }),
  )
  return { entries: views }
}

/** The open offer, as the seat holds it (the seat is the truth: an entry may still name an offer that has gone). */
async function offerView(e: EntryDoc, now: Date): Promise<Pick<WaitlistEntryView, 'offer'>> {
  if (e.offer?.state !== 'held' || new Date(e.offer.until) <= now) return {}
  const [seat, slot] = await Promise.all([readOfferSeat(e.offer.slotId), slotById(e.offer.slotId)])
  const hold = seat?.offers?.find((o) => o.id === e.offer!.id)
  if (!hold || !slot) return {}
  const place = await placeOf(e.matterId, slot.windowId)
  return {
    offer: {
      offerId: hold.id,
      slotId: slot.slotId,
      ...place,
      date: slot.date,
      start: slot.start,
      end: slot.end,
      until: new Date(hold.until).toISOString(),
    },
  }
}

async function ownEntryWithOffer(openid: string, offerId: string): Promise<EntryDoc> {
  const _ = db().command
  const { data } = await entries()
    .where(
      _.or([
        { openid, 'offer.id': offerId },
        { openid, bookedOffer: offerId },
      ]),
    )
    .limit(1)
    .get()
  if (!data[0]) throw notFound('未找到该候补名额')
  return data[0]
}

/**
 * Confirms an offer: the held seat becomes a booking through the booking code path, so every
 * booking rule applies (the account's limit and lock, the no-show bar, the slot still open). A
 * refusal leaves the seat held until the offer ends, so the citizen can make room and confirm again.
 */
export async function acceptOffer(input: AppointmentInput<'acceptOffer'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const e = await ownEntryWithOffer(openid, input.offerId)
  if (e.status === 'booked' && e.bookedOffer === input.offerId && e.bookingId) return { bookingId: e.bookingId, code: e.bookingCode ?? '' }
  if (e.status !== 'waiting' || !e.offer) throw new AppError('CONFLICT', '该候补名额已失效')
  if (e.offer.state !== 'held') throw new AppError('CONFLICT', '名额正在为您保留，请稍后刷新')
  const seat = await readOfferSeat(e.offer.slotId)
  const hold = seat?.offers?.find((o) => o.id === input.offerId)
  const resumed = seat?.holders?.includes(bookingIdFor(openid, input.requestId))
  if (!resumed && (!hold || new Date(hold.until) <= ctx.now)) throw new AppError('CONFLICT', '该候补名额已过期，已顺延给下一位')
  const booked = await bookOffer(
    e,
    hold ?? { id: input.offerId, entryId: e._id, openid, until: new Date(e.offer.until), at: ctx.now },
    e.offer.slotId,
    input.requestId,
    fingerprintOf({ ...input }),
    ctx.now,
  )
  return booked
}

/** Declines an offer: the seat goes to the next entry at once, the entry keeps its place and is never offered that slot again. */
export async function declineOffer({ offerId }: AppointmentInput<'declineOffer'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const e = await ownEntryWithOffer(openid, offerId)
  if (e.status !== 'waiting' || e.offer?.id !== offerId || e.offer.state !== 'held') throw new AppError('CONFLICT', '该候补名额已失效')
  const _ = db().command
  const { stats } = await entries()
    .where({ _id: e._id, 'offer.id': offerId })
    .update({ data: { offer: _.remove(), declined: _.push([e.offer.slotId]) } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该候补名额已失效')
  await passOn(e.offer.slotId, offerId, ctx.now)
  return { offerId, declined: true as const }
}

/** Leaves the waitlist; a seat held for the entry goes to the next one. */
export async function leaveWaitlist({ entryId }: AppointmentInput<'leaveWaitlist'>, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  const e = (await entries().where({ _id: entryId, openid }).limit(1).get()).data[0]
  if (!e) throw notFound('未找到该候补')
  if (e.status !== 'waiting') throw new AppError('CONFLICT', '该候补已结束')
  const _ = db().command
  const { stats } = await entries()
    .where({ _id: entryId, openid, status: 'waiting' })
    .update({ data: { status: 'left', offer: _.remove(), endedAt: ctx.now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '该候补状态已变化，请刷新后重试')
  if (e.offer) await passOn(e.offer.slotId, e.offer.id, ctx.now)
  return { entryId, status: 'left' as const }
}

/** Passes an offer's seat on; should this fail, the sweep passes it (the seat names an entry that no longer owns it). */
async function passOn(slotId: string, offerId: string, now: Date) {
  const slot = await slotById(slotId)
  if (slot) await offerSeat(slot, { from: 'offer', offerId }, now)
}
