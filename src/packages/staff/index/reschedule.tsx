import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useLoad } from '../../../hooks/useLoad'
import { calendarApi } from '../../../services/api/calendar'
import { monthDay, weekdayLabel } from '../../../utils/dates'
import { windowNumberLabel } from '../../../../types/domain/catalog'

/**
 * 待改约: bookings on dates the working-day calendar turned into days off. They were kept (nothing
 * is cancelled silently) and their citizens were told; the department calls those who have not
 * rescheduled yet. Hidden when there are none.
 */
export function ReschedulePanel() {
  const list = useLoad(() => calendarApi.affectedBookings(), [], { onShow: false })
  const items = list.data?.items ?? []
  if (items.length === 0) return null
  return (
    <View className="staff-reschedule">
      <Text className="staff-reschedule__title">{items.length}个预约落在调整后的休息日，请联系群众改约</Text>
      {items.map((b) => (
        <View key={b.bookingId} className="staff-reschedule__item">
          <Text className="staff-reschedule__when">
            {monthDay(b.date)}（{weekdayLabel(b.date)}，{b.holiday}）{b.time}
          </Text>
          <Text className="staff-reschedule__what">
            {b.matterName} · {windowNumberLabel(b.windowNumber)} · {b.applicantName}
          </Text>
          {!b.phone.includes('*') && (
            <Text className="staff-reschedule__phone" onClick={() => Taro.makePhoneCall({ phoneNumber: b.phone })}>
              拨打 {b.phone}
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
