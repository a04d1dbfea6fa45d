import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { Calendar } from '../../../components/calendar'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { appointmentApi } from '../../../services/api/appointment'
import { catalogApi } from '../../../services/api/catalog'
import { navigate, useQuery } from '../../../utils/nav'
import '../../../pages/booking/booking.scss'
import './index.scss'

/**
 * Step 1 of booking (or of 改约 when `bookingId` is given): the open days of the matter with the
 * seats left on each, as the server counts them.
 */
export default function BookingDate() {
  const { rootClass } = useLargeText()
  const { matterId = '', bookingId = '' } = useQuery(ROUTES.bookingDate)
  const matter = useLoad(() => catalogApi.getMatter({ id: matterId }), [matterId], { onShow: false })
  // Seats change while the person looks elsewhere: recounted when they come back.
  const days = useLoad(() => appointmentApi.listDays({ matterId }), [matterId])

  const choose = (date: string) => navigate(ROUTES.bookingSlots, { matterId, date, bookingId })

  const openDays = days.data?.days ?? []
  const anyLeft = openDays.some((d) => d.remaining > 0)

  return (
    <View className={`${rootClass} booking booking-date`}>
      <View className="booking__head">
        <Text className="booking__step">{bookingId ? '改约 · 第1步，共2步' : '第1步，共3步'}</Text>
        <Text className="booking__title">{matter.data?.name ?? ' '}</Text>
        <Text className="booking__sub">请选择到大厅办理的日期</Text>
      </View>
      <LoadStatus of={days} />
      {days.data && openDays.length === 0 && <StatusView kind="empty" message="该事项近期没有可预约的日期，可直接到大厅现场取号办理" />}
      {openDays.length > 0 && (
        <View>
          <Calendar days={openDays} today={days.data?.today} onSelect={choose} />
          {!anyLeft && <Text className="booking__note">近期名额已约满，请过几天再来看看，或到大厅现场取号。</Text>}
        </View>
      )}
    </View>
  )
}
