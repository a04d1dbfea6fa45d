import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { BookingView } from '../../../../types/contracts/appointment'
import { BOOKING_STATUS_LABELS } from '../../../../types/domain/booking'
import { windowNumberLabel } from '../../../../types/domain/catalog'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { appointmentApi } from '../../../services/api/appointment'
import { queueApi } from '../../../services/api/queue'
import { alert, confirm } from '../../../utils/alert'
import { BOOKING_STATUS_TONES, spacedCode } from '../../../utils/booking'
import { addDays, longDate } from '../../../utils/dates'
import '../staff.scss'
import './index.scss'

function Row({ b, onCheckIn }: { b: BookingView; onCheckIn?: () => void }) {
  return (
    <View className={`staff-booking staff-booking--${b.status}`}>
      <View className="staff-booking__time">
        <Text className="staff-booking__start">{b.start}</Text>
        <Text className="staff-booking__window">{windowNumberLabel(b.windowNumber)}</Text>
      </View>
      <View className="staff-booking__main">
        <Text className="staff-booking__matter">{b.matterName}</Text>
        <Text className="staff-booking__who">
          {b.applicantName} · {b.idNumberMasked}
        </Text>
        <View className="staff-booking__tags">
          <Tag text={BOOKING_STATUS_LABELS[b.status]} tone={BOOKING_STATUS_TONES[b.status]} />
          {/* E.g. 同一证件号另有预约: the ID number was typed, not verified; check the ID card at the counter. */}
          {(b.warnings ?? []).map((w) => (
            <Tag key={w} text={w} tone="orange" />
          ))}
          <Text className="staff-booking__code">{spacedCode(b.code)}</Text>
        </View>
      </View>
      {onCheckIn && (
        <View className="staff-booking__action" hoverClass="staff-booking__action--pressed" onClick={onCheckIn}>
          签到
        </View>
      )}
    </View>
  )
}

/** A day's bookings at my windows. The date starts as the server's today; 前一天/后一天 step from it. */
export default function StaffToday() {
  const { rootClass } = useLargeText()
  const [date, setDate] = useState<string | undefined>(undefined)
  const [today, setToday] = useState<string | undefined>(undefined)
  const schedule = useLoad(async () => {
    const r = await appointmentApi.daySchedule(date ? { date } : {})
    if (r.ok && !date) setToday(r.data.date)
    return r
  }, [date])
  const shown = schedule.data?.date ?? date

  const doCheckIn = async (b: BookingView) => {
    const go = await confirm({
      title: '签到取号',
      content: `为 ${b.applicantName}（${b.start} ${b.matterName}）签到取号？请先核验身份证。`,
      confirmText: '签到',
    })
    if (!go) return
    Taro.showLoading({ title: '正在取号', mask: true })
    const r = await queueApi.checkIn({ code: b.code })
    Taro.hideLoading()
    // The ticket number is news to pass on, not a fault: acknowledged with 好的, not 知道了.
    if (r.ok) await alert(`排队号 ${r.data.ticket.label}`, '已取号，请引导群众到等候区等候叫号。', '好的')
    else await alert('未能签到', r.error.message)
    void schedule.refresh()
  }

  const list = schedule.data?.bookings ?? []
  const active = list.filter((b) => b.status === 'booked').length

  return (
    <View className={`${rootClass} staff staff-today`}>
      <View className="staff-today__nav">
        <View className="staff-today__step" hoverClass="staff-today__step--pressed" onClick={() => shown && setDate(addDays(shown, -1))}>
          ‹ 前一天
        </View>
        <View className="staff-today__date">
          <Text className="staff-today__date-text">{shown ? longDate(shown) : ' '}</Text>
          {shown && shown === today && <Text className="staff-today__today">今天</Text>}
        </View>
        <View className="staff-today__step" hoverClass="staff-today__step--pressed" onClick={() => shown && setDate(addDays(shown, 1))}>
          后一天 ›
        </View>
      </View>
      {schedule.data && (
        <Text className="staff__note">
          共 {list.length} 个预约，待到场 {active} 个
          {schedule.data.waiting > 0 ? `；候补 ${schedule.data.waiting} 人，有人取消时按先后补上` : ''}
        </Text>
      )}
      {!schedule.data && <LoadStatus of={schedule} />}
      {schedule.data && list.length === 0 && <StatusView kind="empty" message="这一天没有预约" />}
      {list.map((b) => (
        <Row key={b.bookingId} b={b} onCheckIn={b.status === 'booked' && shown === today ? () => doCheckIn(b) : undefined} />
      ))}
    </View>
  )
}
