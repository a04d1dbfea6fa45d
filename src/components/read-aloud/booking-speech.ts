import type { BookingView } from '../../../types/contracts/appointment'
import { BOOKING_STATUS_LABELS, type BookingStatus } from '../../../types/domain/booking'
import { longDate } from '../../utils/dates'
import { windowName } from '../../utils/windows'

/** The next step for each booking state, in the words the booking pages use. */
const NEXT: Partial<Record<BookingStatus, string>> = {
  booked: '请按时到大厅，向窗口出示预约码或二维码取号。',
  checked_in: '已取号，请留意大厅叫号。',
  cancelled: '如需办理，请重新预约。',
  no_show: '如需办理，请重新预约。',
}

/** What 「朗读」 says on the booking page: the stage, when and where, and the next step. */
export function bookingSpeech(b: BookingView): string {
  const where = [windowName({ number: b.windowNumber, name: b.windowName }), b.location].filter(Boolean).join('，')
  return `${b.matterName}的预约，当前状态：${BOOKING_STATUS_LABELS[b.status]}。时间：${longDate(b.date)}${b.start}到${b.end}。${where ? `地点：${where}。` : ''}${NEXT[b.status] ?? ''}`
}
