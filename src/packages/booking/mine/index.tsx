import { Text, View } from '@tarojs/components'
import { BOOKING_STATUS_LABELS } from '../../../../types/domain/booking'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { appointmentApi } from '../../../services/api/appointment'
import { BOOKING_STATUS_TONES, spacedCode } from '../../../utils/booking'
import { longDate } from '../../../utils/dates'
import { navigate } from '../../../utils/nav'
import '../../../pages/booking/booking.scss'
import './index.scss'
import { windowNumberLabel } from '../../../../types/domain/catalog'

const pickMatter = () => navigate(ROUTES.search)

/** 我的预约: newest first, as the server orders them; each opens its detail with the code. */
export default function MyBookings() {
  const { rootClass } = useLargeText()
  const list = useLoad(() => appointmentApi.myBookings(), [])
  const bookings = list.data?.bookings ?? []

  return (
    <View className={`${rootClass} booking booking-mine`}>
      <View className="booking-mine__new">
        <BigButton text="预约新事项" onClick={pickMatter} />
        <Text className="booking__note">先查找要办的事项，在事项页点「预约办理」。</Text>
      </View>
      <LoadStatus of={list} />
      {list.data && bookings.length === 0 && (
        <StatusView kind="empty" message="您还没有预约" hint="点上面的「预约新事项」约好时间，到中心凭预约码签到取号，少排队。" />
      )}
      {bookings.map((b) => (
        <View
          key={b.bookingId}
          className={`booking-item booking-item--${b.status}`}
          hoverClass="booking-item--pressed"
          onClick={() => navigate(ROUTES.bookingDetail, { id: b.bookingId })}
        >
          <View className="booking-item__head">
            <Text className="booking-item__matter">{b.matterName}</Text>
            <Tag text={BOOKING_STATUS_LABELS[b.status]} tone={BOOKING_STATUS_TONES[b.status]} />
          </View>
          <Text className="booking-item__when">
            {longDate(b.date)} {b.start}–{b.end}
          </Text>
          <Text className="booking-item__line">
            {windowNumberLabel(b.windowNumber)} · 预约人 {b.applicantName}
          </Text>
          <Text className="booking-item__line">
            预约码 <Text className="booking-item__code">{spacedCode(b.code)}</Text>
          </Text>
        </View>
      ))}
    </View>
  )
}
