import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { SlotView } from '../../../../types/contracts/appointment'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { appointmentApi } from '../../../services/api/appointment'
import { catalogApi } from '../../../services/api/catalog'
import { alert, confirm, toast } from '../../../utils/alert'
import { longDate } from '../../../utils/dates'
import { navigate, useQuery } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { windowLabel } from '../../../utils/windows'
import '../../../pages/booking/booking.scss'
import './index.scss'

/** One time of the day across the matter's windows: its seats added up, and the window with the most to book. */
interface TimeChoice {
  start: string
  end: string
  remaining: number
  /** The slot to book: the window with the most seats left (any other works as well). */
  best: SlotView
  /** Windows with a seat left at this time. */
  open: SlotView[]
}

/**
 * 任一窗口 (the "any provider" choice of Easy!Appointments): each time once, whatever the window.
 * The window is assigned at booking (appointment.book anyWindow), so two windows no longer mean
 * the same time listed twice.
 */
function timesOf(slots: SlotView[]): TimeChoice[] {
  const byTime = new Map<string, SlotView[]>()
  for (const s of slots) byTime.set(`${s.start}-${s.end}`, [...(byTime.get(`${s.start}-${s.end}`) ?? []), s])
  return [...byTime.values()]
    .map((at) => {
      const sorted = [...at].sort((a, b) => b.remaining - a.remaining)
      return {
        start: at[0].start,
        end: at[0].end,
        remaining: at.reduce((n, s) => n + s.remaining, 0),
        best: sorted[0],
        open: sorted.filter((s) => s.remaining > 0),
      }
    })
    .sort((a, b) => a.start.localeCompare(b.start))
}

function SlotCard({ s, window, onPick }: { s: TimeChoice; window: string; onPick: () => void }) {
  const full = s.remaining === 0
  return (
    <View
      className={`slot-card${full ? ' slot-card--full' : ''}`}
      hoverClass={full ? 'none' : 'slot-card--pressed'}
      onClick={full ? undefined : onPick}
    >
      <View className="slot-card__main">
        <Text className="slot-card__time">
          {s.start}–{s.end}
        </Text>
        <Text className="slot-card__window">{window}</Text>
      </View>
      <Text className="slot-card__left">{full ? '约满' : `剩余${s.remaining}个`}</Text>
    </View>
  )
}

/** Step 2: the slots of the chosen day. In 改约 mode a tap moves the booking after a confirmation. */
export default function BookingSlots() {
  const { rootClass } = useLargeText()
  const { matterId = '', date = '', bookingId = '' } = useQuery(ROUTES.bookingSlots)
  const matter = useLoad(() => catalogApi.getMatter({ id: matterId }), [matterId], { onShow: false })
  // Seats change while the person looks elsewhere: recounted when they come back.
  const slots = useLoad(() => appointmentApi.listSlots({ matterId, date }), [matterId, date])
  const [moving, setMoving] = useState(false)
  const m = matter.data

  const moveTo = async (s: SlotView) => {
    const sure = await confirm({
      title: '确认改约',
      content: `改到 ${longDate(s.date)} ${s.start}–${s.end}，${windowLabel(m?.windows, s.windowId)}？原时段将释放。`,
      confirmText: '确认改约',
      cancelText: '再看看',
    })
    if (!sure) return
    // One id for this confirmation: a retry after a lost answer cannot move the booking twice.
    const requestId = newRequestId('rs')
    setMoving(true)
    Taro.showLoading({ title: '正在改约', mask: true })
    const move = () => appointmentApi.reschedule({ bookingId, slotId: s.slotId, requestId })
    let r = await move()
    while (!r.ok && r.error.code === 'INTERNAL') {
      Taro.hideLoading()
      if (!(await confirm({ title: '改约未完成', content: `${r.error.message}。是否重试？`, confirmText: '重试' }))) break
      Taro.showLoading({ title: '正在改约', mask: true })
      r = await move()
    }
    Taro.hideLoading()
    setMoving(false)
    if (r.ok) {
      toast('改约成功', 'success')
      // Back to the booking detail (date and slots pages were pushed on top of it); it reloads on show.
      setTimeout(() => Taro.navigateBack({ delta: 2 }), 800)
    } else if (r.error.code !== 'INTERNAL') {
      await alert('改约未成功', r.error.message)
      void slots.refresh()
    }
  }

  const pick = (t: TimeChoice) => {
    if (moving) return
    if (bookingId) return moveTo(t.best)
    void navigate(ROUTES.bookingForm, { matterId, slotId: t.best.slotId, end: t.end, ...(t.open.length > 1 ? { any: '1' } : {}) })
  }
  // The window a time is at: named when only one window has it open, else 任一窗口.
  const windowText = (t: TimeChoice) =>
    t.open.length > 1 ? `任一窗口（${t.open.length}个窗口可约）` : windowLabel(m?.windows, (t.open[0] ?? t.best).windowId)

  const list = slots.data?.slots ?? []
  const times = timesOf(list)
  const groups = [
    { title: '上午', items: times.filter((s) => s.start < '12:00') },
    { title: '下午', items: times.filter((s) => s.start >= '12:00' && s.start < '18:00') },
    { title: '延时服务', items: times.filter((s) => s.start >= '18:00') },
  ].filter((g) => g.items.length > 0)

  return (
    <View className={`${rootClass} booking booking-slots`}>
      <View className="booking__head">
        <Text className="booking__step">{bookingId ? '改约 · 第2步，共2步' : '第2步，共3步'}</Text>
        <Text className="booking__title">{date ? longDate(date) : ' '}</Text>
        <Text className="booking__sub">{m ? `${m.name} · 请选择时段` : '请选择时段'}</Text>
      </View>
      <LoadStatus of={slots} />
      {slots.data && list.length === 0 && <StatusView kind="empty" message="这一天已没有可预约的时段，请换一天" />}
      {/* 候补: every slot of the day is taken; a freed seat is offered in order (packages/waitlist). */}
      {!bookingId && list.length > 0 && list.every((s) => s.remaining === 0) && (
        <View className="booking-slots__waitlist">
          <Text className="booking-slots__waitlist-title">这一天已约满</Text>
          <Text className="booking-slots__waitlist-desc">加入候补，有人取消时按先后为您保留名额并通知您。</Text>
          <BigButton text="加入候补" onClick={() => navigate(ROUTES.waitlistJoin, { matterId, date })} />
          <View
            className="booking-slots__waitlist-link"
            hoverClass="booking-slots__waitlist-link--pressed"
            onClick={() => navigate(ROUTES.waitlistMine)}
          >
            我的候补 ›
          </View>
        </View>
      )}
      {groups.map((g) => (
        <View key={g.title} className="booking-slots__group">
          <Text className="booking-slots__group-title">{g.title}</Text>
          {g.items.map((t) => (
            <SlotCard key={t.start} s={t} window={windowText(t)} onPick={() => pick(t)} />
          ))}
        </View>
      ))}
      {list.length > 0 && <Text className="booking__note booking-slots__note">请按所约时段到场，提前10分钟到达为宜。</Text>}
    </View>
  )
}
