import { maskIdNumber, maskName } from '../../../types/domain/masking'
import { beijingInstant } from '../../../types/domain/schedule'
import { getDepartment, getMatterDoc, getWindow } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { fingerprintOf, once } from '../../_kit/idempotency'
import { newBookingCode, personKey, randomHex } from '../../_kit/ids'
import { log } from '../../_kit/log'
import { enqueueNotification, isDuplicate } from '../../_kit/outbox'
import { withRollback } from '../../_kit/rollback'
import { bookings, type BookingDoc } from '../bookings'
import { assertNotBarred, bookingPolicy, lockKeyOf, releasePersonLock, releaseQuota, takePersonLock, takeQuota } from '../limits'
import { bookableSlot } from '../schedules'
import { releaseSeat, remainingSeats, takeSeat } from '../seats'

interface BookInput {
  slotId: string
  matterId: string
  name: string
  idNumber: string
  phone: string
  requestId: string
  forOther: boolean
  relation?: string
}

/**
 * Books a slot in the applicant's real name: checks the slot and the no-show bar, then takes the
 * account's quota, the person's lock on the matter and a seat, one atomic step each, giving all
 * back if a later one is refused. A replayed request answers the first result.
 */
export async function book(input: BookInput, ctx: ActionContext) {
  const { openid } = await ctx.caller()
  return once('book', openid, input.requestId, fingerprintOf({ ...input }), async () => {
    const [policy, matter] = await Promise.all([bookingPolicy(), getMatterDoc(input.matterId)])
    const slot = await bookableSlot(input.slotId, matter, ctx.now)
    // A full slot is refused before anything is taken: in a rush almost every request ends here,
    // one read instead of taking and giving back three holds. The seat itself is still taken below.
    if ((await remainingSeats([slot])).get(slot.slotId) === 0) throw new AppError('CONFLICT', '该时段已约满，请选择其他时段')
    const person = personKey(input.idNumber)
    await assertNotBarred(person, openid, ctx.now, policy)
    const [window, department] = await Promise.all([getWindow(slot.windowId), getDepartment(matter.departmentId)])
    const bookingId = `bk-${randomHex(20)}`
    const lockKey = lockKeyOf(person, matter.id)

    const booking = await withRollback(async (onFail) => {
      await takeQuota(openid, policy.maxActivePerOpenid)
      onFail(() => releaseQuota(openid))
      await takePersonLock(lockKey, bookingId, ctx.now)
      onFail(() => releasePersonLock(lockKey, bookingId))
      await takeSeat(slot)
      onFail(() => releaseSeat(slot.slotId))
      return insertBooking({
        _id: bookingId,
        openid,
        status: 'booked',
        matterId: matter.id,
        matterName: matter.name,
        departmentId: matter.departmentId,
        windowId: window.id,
        windowName: window.name,
        windowNumber: window.number,
        location: department?.location ?? '',
        slotId: slot.slotId,
        date: slot.date,
        start: slot.start,
        end: slot.end,
        startAt: beijingInstant(slot.date, slot.start),
        endAt: beijingInstant(slot.date, slot.end),
        applicant: { name: input.name, nameMasked: maskName(input.name), idMasked: maskIdNumber(input.idNumber), phone: input.phone },
        person,
        lockKey,
        forOther: input.forOther,
        ...(input.relation ? { relation: input.relation } : {}),
        createdAt: ctx.now,
      })
    })
    await enqueueNotification({
      event: 'booking.confirmed',
      subjectId: booking._id,
      recipient: openid,
      data: { matterName: booking.matterName, time: `${booking.date} ${booking.start}-${booking.end}`, place: `${booking.location} ${booking.windowNumber}号窗口`, code: booking.code },
      page: `pages/booking/detail/index?id=${booking._id}`,
    }).catch((e) => log.error('book.notify', e))
    return { bookingId: booking._id, code: booking.code }
  })
}

/** Inserts with a fresh random code; the unique index on `code` settles the rare collision. */
async function insertBooking(doc: Omit<BookingDoc, 'code'>): Promise<BookingDoc> {
  for (let attempt = 0; ; attempt++) {
    const full = { ...doc, code: newBookingCode() }
    try {
      await bookings().add({ data: full })
      return full
    } catch (e) {
      if (!isDuplicate(e) || attempt >= 4) throw e
    }
  }
}
