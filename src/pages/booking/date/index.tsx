import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Calendar } from '../../../components/calendar'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useRemote } from '../../../hooks/useRemote'
import { useReshow } from '../../../hooks/useReshow'
import { listDays } from '../../../services/appointment'
import { getMatter } from '../../../services/catalog'
import { pageUrl, param } from '../../../utils/params'
import '../booking.scss'
import './index.scss'

/**
 * Step 1 of booking (or of 改约 when `bookingId` is given): the open days of the matter with the
 * seats left on each, as the server counts them.
 */
export default function BookingDate() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const matterId = param(params.matterId)
  const bookingId = param(params.bookingId)
  const matter = useRemote(() => getMatter(matterId), [matterId])
  const days = useRemote(() => listDays(matterId), [matterId])
  // Seats change while the person looks elsewhere: recount when they come back.
  useReshow(days.retry)

  const choose = (date: string) => Taro.navigateTo({ url: pageUrl('/pages/booking/slots/index', { matterId, date, bookingId }) })

  const openDays = days.status === 'ready' ? days.data.days : []
  const anyLeft = openDays.some((d) => d.remaining > 0)

  return (
    <View className={`${rootClass} booking booking-date`}>
      <View className="booking__head">
        <Text className="booking__step">{bookingId ? '改约 · 第1步，共2步' : '第1步，共3步'}</Text>
        <Text className="booking__title">{matter.status === 'ready' ? matter.data.name : ' '}</Text>
        <Text className="booking__sub">请选择到大厅办理的日期</Text>
      </View>
      {days.status === 'loading' && <StatusView kind="loading" />}
      {days.status === 'error' && <StatusView kind="error" message={days.error.message} onRetry={days.retry} />}
      {days.status === 'ready' && openDays.length === 0 && (
        <StatusView kind="empty" message="该事项近期没有可预约的日期，可直接到大厅现场取号办理" />
      )}
      {days.status === 'ready' && openDays.length > 0 && (
        <View>
          <Calendar days={openDays} onSelect={choose} />
          {!anyLeft && <Text className="booking__note">近期名额已约满，请过几天再来看看，或到大厅现场取号。</Text>}
        </View>
      )}
    </View>
  )
}
