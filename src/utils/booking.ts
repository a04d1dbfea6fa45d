import type { BookingStatus } from '../../types/domain/booking'
import type { TagProps } from '../components/tag'

export const BOOKING_STATUS_TONES: Record<BookingStatus, NonNullable<TagProps['tone']>> = {
  booked: 'blue',
  checked_in: 'green',
  cancelled: 'gray',
  no_show: 'orange',
}

/** 8 characters read aloud at the counter: shown as two groups of four. */
export const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`
