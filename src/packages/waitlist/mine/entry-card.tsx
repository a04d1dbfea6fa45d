import { Text, View } from '@tarojs/components'
import type { WaitlistEntryView } from '../../../../types/contracts/appointment'
import { WAITLIST_HALF_LABELS, WAITLIST_STATUS_LABELS } from '../../../../types/domain/waitlist'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { Tag, type TagProps } from '../../../components/tag'
import { beijingDate } from '../../../../types/domain/dates'
import { beijingTimeOf, longDate, monthDay } from '../../../utils/dates'

const TONES: Record<WaitlistEntryView['status'], NonNullable<TagProps['tone']>> = {
  waiting: 'blue',
  booked: 'green',
  left: 'gray',
  removed: 'orange',
  ended: 'gray',
}

export interface EntryActions {
  busy: string
  accept: (e: WaitlistEntryView) => void
  decline: (e: WaitlistEntryView) => void
  leave: (e: WaitlistEntryView) => void
  openBooking: (bookingId: string) => void
}

const range = (e: WaitlistEntryView) => (e.from === e.to ? longDate(e.from) : `${longDate(e.from)} 至 ${longDate(e.to)}`)
/** 12月2日 09:15, Beijing time, from an ISO instant. */
const deadline = (iso: string) => `${monthDay(beijingDate(Date.parse(iso)))} ${beijingTimeOf(iso)}`

/** One 候补: its wishes and place in the queue, and the seat held for it with 确认预约 / 放弃. */
export function EntryCard({ e, highlight, actions }: { e: WaitlistEntryView; highlight: boolean; actions: EntryActions }) {
  const o = e.offer
  const busy = actions.busy === e.entryId
  return (
    <View
      className={`waitlist-card waitlist-card--${e.status}${o ? ' waitlist-card--offer' : ''}${highlight ? ' waitlist-card--highlight' : ''}`}
    >
      <View className="waitlist-card__head">
        <Text className="waitlist-card__title">{e.matterName}</Text>
        <Tag text={o ? '待确认' : WAITLIST_STATUS_LABELS[e.status]} tone={o ? 'orange' : TONES[e.status]} />
      </View>
      {e.status === 'waiting' && !o && e.position !== undefined && <Text className="waitlist-card__position">排在第{e.position}位</Text>}
      <InfoRow label="日期">{range(e)}</InfoRow>
      <InfoRow label="时段">{WAITLIST_HALF_LABELS[e.half]}</InfoRow>
      {e.windowName && <InfoRow label="窗口">{e.windowName}</InfoRow>}
      <InfoRow label="预约人">{e.applicantName}</InfoRow>
      <InfoRow label="自动预约">{e.auto ? '已开启' : '未开启'}</InfoRow>
      {o && (
        <View className="waitlist-offer">
          <Text className="waitlist-offer__title">候补成功，已为您保留名额</Text>
          <InfoRow label="时间" strong>
            {longDate(o.date)} {o.start}–{o.end}
          </InfoRow>
          <InfoRow label="地点">
            {o.location} {o.windowNumber}号窗口
          </InfoRow>
          <Text className="waitlist-offer__deadline">请在 {deadline(o.until)} 前确认，逾期名额将顺延给下一位</Text>
          <BigButton text="确认预约" loading={busy} loadingText="正在预约…" onClick={() => actions.accept(e)} />
          <View className="waitlist-page__gap" />
          <BigButton text="放弃" kind="secondary" disabled={busy} onClick={() => actions.decline(e)} />
        </View>
      )}
      {e.ignored > 0 && e.status === 'waiting' && (
        <Text className="waitlist-card__note">已有{e.ignored}次名额未确认，累计3次将退出候补</Text>
      )}
      {e.status === 'removed' && <Text className="waitlist-card__note">连续3次未确认名额，已退出候补，可重新加入</Text>}
      {e.status === 'booked' && e.bookingId && (
        <View className="waitlist-page__link" hoverClass="waitlist-page__link--pressed" onClick={() => actions.openBooking(e.bookingId!)}>
          查看预约 ›
        </View>
      )}
      {e.status === 'waiting' && !o && (
        <View
          className="waitlist-card__leave"
          hoverClass="waitlist-card__leave--pressed"
          onClick={busy ? undefined : () => actions.leave(e)}
        >
          退出候补
        </View>
      )}
    </View>
  )
}
