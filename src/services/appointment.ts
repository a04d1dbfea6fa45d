import { appointmentContract } from '../../types/contracts/appointment'
import type { InputOf } from '../../types/contracts/contract'
import { callAction } from './cloud'

type Actions = typeof appointmentContract.actions

export const listDays = (matterId: string) => callAction(appointmentContract, 'listDays', { matterId })

export const listSlots = (matterId: string, date: string) => callAction(appointmentContract, 'listSlots', { matterId, date })

export const book = (input: InputOf<Actions['book']>) => callAction(appointmentContract, 'book', input)

export const cancelBooking = (bookingId: string) => callAction(appointmentContract, 'cancel', { bookingId })

export const reschedule = (input: InputOf<Actions['reschedule']>) => callAction(appointmentContract, 'reschedule', input)

export const myBookings = () => callAction(appointmentContract, 'myBookings', {})

export const getBooking = (bookingId: string) => callAction(appointmentContract, 'getBooking', { bookingId })

/** Staff: the bookings of my windows on a date (the server's today when omitted). */
export const daySchedule = (input: InputOf<Actions['daySchedule']> = {}) => callAction(appointmentContract, 'daySchedule', input)
