import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BOOKING_STATUS_LABELS } from '../../../../types/domain/booking'
import { BigButton } from '../../../components/big-button'
import { StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { myBookings } from '../../../services/appointment'
import { BOOKING_STATUS_TONES, spacedCode } from '../../../utils/booking'
import { longDate } from '../../../utils/dates'
import { pageUrl } from '../../../utils/params'
import '../booking.scss'
import './index.scss'

const pickMatter = () => Taro.navigateTo({ url: '/pages/search/index' })

/** 我的预约: newest first, as the server orders them; each opens its detail with the code. */
export default function MyBookings() {
  const { rootClass } = useLargeText()
  const list = useLiveRemote(myBookings, [])
  const bookings = list.data?.bookings ?? []

  return (
    <View className={`${rootClass} booking booking-mine`}>
      <View className="booking-mine__new">
        <BigButton text="预约新事项" onClick={pickMatter} />
        <Text className="booking__note">先查找要办的事项，在事项页点「预约办理」。</Text>
      </View>
      {!list.data && list.loading && <StatusView kind="loading" />}
      {!list.data && list.error && <StatusView kind="error" message={list.error.message} onRetry={list.refresh} />}
      {list.data && bookings.length === 0 && <StatusView kind="empty" message="您还没有预约" />}
      {bookings.map((b) => (
        <View
          key={b.bookingId}
          className={`booking-item booking-item--${b.status}`}
          hoverClass="booking-item--pressed"
          onClick={() => Taro.navigateTo({ url: pageUrl('/pages/booking/detail/index', { id: b.bookingId }) })}
        >
          <View className="booking-item__head">
            <Text className="booking-item__matter">{b.matterName}</Text>
            <Tag text={BOOKING_STATUS_LABELS[b.status]} tone={BOOKING_STATUS_TONES[b.status]} />
          </View>
          <Text className="booking-item__when">
            {longDate(b.date)} {b.start}–{b.end}
          </Text>
          <Text className="booking-item__line">
            {b.windowNumber}号窗口 · 预约人 {b.applicantName}
          </Text>
          <Text className="booking-item__line">
            预约码 <Text className="booking-item__code">{spacedCode(b.code)}</Text>
          </Text>
        </View>
      ))}
    </View>
  )
}
