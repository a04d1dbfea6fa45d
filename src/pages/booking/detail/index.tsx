import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { BookingView } from '../../../../types/contracts/appointment'
import { BOOKING_STATUS_LABELS } from '../../../../types/domain/booking'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { QrCode } from '../../../components/qr-code'
import { ReadAloud } from '../../../components/read-aloud'
import { bookingSpeech } from '../../../components/read-aloud/booking-speech'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { usePushRead } from '../../../hooks/usePushRead'
import { appointmentApi } from '../../../services/api/appointment'
import { alert, confirm, toast } from '../../../utils/alert'
import { BOOKING_STATUS_TONES, spacedCode } from '../../../utils/booking'
import { longDate } from '../../../utils/dates'
import { navigate, redirect, useQuery } from '../../../utils/nav'
import '../booking.scss'
import './index.scss'
import { windowName } from '../../../utils/windows'

function Detail({ b, fresh, onChanged }: { b: BookingView; fresh: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const active = b.status === 'booked'

  const cancel = async () => {
    const sure = await confirm({
      title: '取消预约',
      content: `确定取消 ${longDate(b.date)} ${b.start} 的预约吗？取消后名额将释放给他人。`,
      confirmText: '确定取消',
      cancelText: '不取消',
      // Cancelling gives the seat away.
      danger: true,
    })
    if (!sure) return
    setBusy(true)
    Taro.showLoading({ title: '正在取消', mask: true })
    const r = await appointmentApi.cancel({ bookingId: b.bookingId })
    Taro.hideLoading()
    setBusy(false)
    if (r.ok) toast('已取消预约', 'success')
    else await alert('未能取消', r.error.message)
    onChanged()
  }

  return (
    <View>
      {fresh && active && (
        <View className="booking-detail__success">
          <Text className="booking-detail__success-title">预约成功</Text>
          <Text className="booking-detail__success-text">请按时到大厅，向窗口出示预约码或二维码取号。</Text>
        </View>
      )}
      <View className={`booking-detail__card booking-detail__card--${b.status}`}>
        <View className="booking-detail__status">
          <Tag text={BOOKING_STATUS_LABELS[b.status]} tone={BOOKING_STATUS_TONES[b.status]} />
        </View>
        <Text className="booking-detail__code-label">预约码</Text>
        <Text className="booking-detail__code">{spacedCode(b.code)}</Text>
        {active && (
          <View className="booking-detail__qr">
            <QrCode value={b.code} />
          </View>
        )}
        <Text className="booking-detail__when">
          {longDate(b.date)} {b.start}–{b.end}
        </Text>
      </View>
      <ReadAloud text={bookingSpeech(b)} />

      <Section title="预约信息">
        <InfoRow label="事项" strong>
          {b.matterName}
        </InfoRow>
        <InfoRow label="窗口">{windowName({ number: b.windowNumber, name: b.windowName })}</InfoRow>
        {b.location && <InfoRow label="地点">{b.location}</InfoRow>}
        <InfoRow label="预约人">
          {b.applicantName}
          {b.forOther ? '（为他人预约）' : ''}
        </InfoRow>
        <InfoRow label="身份证">{b.idNumberMasked}</InfoRow>
      </Section>

      {b.status === 'checked_in' && (
        <View className="booking__actions">
          <BigButton text="查看我的排队" onClick={() => navigate(ROUTES.queue)} />
        </View>
      )}
      {(b.status === 'cancelled' || b.status === 'no_show') && (
        <View className="booking__actions">
          <BigButton text="重新预约" onClick={() => navigate(ROUTES.bookingDate, { matterId: b.matterId })} />
        </View>
      )}
      {active && (
        <View className="booking__actions">
          {b.canCancel ? (
            <View>
              <BigButton
                kind="secondary"
                text="改约（换个时间）"
                disabled={busy}
                onClick={() => navigate(ROUTES.bookingDate, { matterId: b.matterId, bookingId: b.bookingId })}
              />
              <View className="booking-detail__gap" />
              <BigButton kind="secondary" text="取消预约" disabled={busy} onClick={cancel} />
            </View>
          ) : (
            <Text className="booking__note">预约开始前1小时内不能取消或改约；如不能到场，请致电窗口说明。</Text>
          )}
        </View>
      )}
      {fresh && (
        <View className="booking__actions">
          <BigButton kind="secondary" text="查看我的全部预约" onClick={() => redirect(ROUTES.bookingMine)} />
        </View>
      )}
    </View>
  )
}

export default function BookingDetail() {
  const { rootClass } = useLargeText()
  const { id = '', fresh, msgId } = useQuery(ROUTES.bookingDetail)
  usePushRead(msgId)
  // Reloads when shown again: after 改约 the date and slot pages return here.
  const booking = useLoad(() => appointmentApi.getBooking({ bookingId: id }), [id])

  return (
    <View className={`${rootClass} booking booking-detail`}>
      <LoadStatus of={booking} />
      {booking.data && <Detail b={booking.data} fresh={fresh === '1'} onChanged={booking.refresh} />}
    </View>
  )
}
