import { windowPlace } from '../../types/domain/catalog'
import type { EventPayload } from '../../types/domain/event-payloads'
import type { NotificationRequest } from '../../types/domain/notification'
import { pageLink, ROUTES } from '../../types/routes'
import type { BookingDoc } from './booking'

type Notice = Pick<BookingDoc, '_id' | 'openid' | 'matterName' | 'date' | 'start' | 'end' | 'location' | 'windowNumber' | 'code'>

/** What every booking notice tells: the matter, the time, where, and the booking code. */
export const bookingNoticeData = (b: Notice): EventPayload<'booking.confirmed'> => ({
  matterName: b.matterName,
  time: `${b.date} ${b.start}-${b.end}`,
  place: windowPlace(b.location, b.windowNumber),
  code: b.code,
})

const detailPage = (b: Notice) => pageLink(ROUTES.bookingDetail, { id: b._id })

/** 预约成功, for the booking and for each move to another slot (its own subject, so each move is told once). */
export const confirmedNotice = (b: Notice & Pick<BookingDoc, 'rev'>): NotificationRequest<'booking.confirmed'> => ({
  event: 'booking.confirmed',
  subjectId: b.rev ? `${b._id}:${b.rev}` : b._id,
  recipient: b.openid,
  data: bookingNoticeData(b),
  page: detailPage(b),
})

export const cancelledNotice = (b: Notice): NotificationRequest<'booking.cancelled'> => ({
  event: 'booking.cancelled',
  subjectId: b._id,
  recipient: b.openid,
  data: bookingNoticeData(b),
  page: detailPage(b),
})

export const reminderNotice = (b: Notice): NotificationRequest<'booking.reminder_day_before'> => ({
  event: 'booking.reminder_day_before',
  subjectId: b._id,
  recipient: b.openid,
  data: bookingNoticeData(b),
  page: detailPage(b),
})

/** 预约日调整为休息日: the calendar made the booking's date a day off (`holiday`: what it became); staff contact the citizen. */
export const dayOffNotice = (b: Notice, holiday: string): NotificationRequest<'booking.day_off'> => ({
  event: 'booking.day_off',
  subjectId: b._id,
  recipient: b.openid,
  data: { ...bookingNoticeData(b), holiday },
  page: detailPage(b),
})
