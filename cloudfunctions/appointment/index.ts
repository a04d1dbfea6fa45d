import { appointmentContract } from '../../types/contracts/appointment'
import { createHandler } from '../_kit/handler'
import { scheduled } from '../_kit/schedule'
import { book } from './actions/book'
import { cancel } from './actions/cancel'
import { daySchedule } from './actions/daySchedule'
import { listDays } from './actions/listDays'
import { listSlots } from './actions/listSlots'
import { setCapacity, setWindowCapacity } from './actions/capacity'
import { addHours, closeDate, windowDays } from './actions/manageDays'
import { getBooking, myBookings } from './actions/myBookings'
import { reschedule } from './actions/reschedule'
import { holdSweep } from './settle'
import { acceptOffer, declineOffer, joinWaitlist, leaveWaitlist, myWaitlist } from './actions/waitlist'
import { waitlistSweep } from './waitlist/sweep'
import { dayBeforeReminders, noShowSweep } from './triggers'

export const main = createHandler(
  appointmentContract,
  {
    listDays,
    listSlots,
    book,
    cancel,
    reschedule,
    myBookings,
    getBooking,
    daySchedule,
    closeDate,
    addHours,
    windowDays,
    setCapacity,
    setWindowCapacity,
    joinWaitlist,
    myWaitlist,
    leaveWaitlist,
    acceptOffer,
    declineOffer,
  },
  scheduled({
    noShowSweep: { cron: '0 */5 * * * * *', run: noShowSweep },
    // Each evening until 21:30: a reminder for every booking of the next day, written once each.
    dayBeforeReminders: { cron: '0 0,30 18-21 * * * *', run: dayBeforeReminders },
    holdSweep: { cron: '0 * * * * * *', run: holdSweep },
    // 候补: holds past their time expire and go to the next entry; what a crash left is finished.
    waitlistSweep: { cron: '0 * * * * * *', run: waitlistSweep },
  }),
)
