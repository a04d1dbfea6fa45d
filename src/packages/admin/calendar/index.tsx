import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { calendarYearSchema, type CalendarYearView } from '../../../../types/contracts/calendar'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { accountApi } from '../../../services/api/account'
import { calendarApi } from '../../../services/api/calendar'
import { beijingDateTime } from '../../../utils/case'
import { useQuery } from '../../../utils/nav'
import { appliedText, useCalendarChange } from './change'
import { DaySheet } from './day-sheet'
import { defaultYear, type GridDay } from './model'
import { YearGrid } from './month-grid'
import { NoticeForm } from './notice-form'
import '../../staff/staff.scss'
import './index.scss'

/** 正式 / 暂定, the source with its 文号 and link, who entered it, and a note while deadlines are recomputed. */
function YearInfo({ view }: { view: CalendarYearView }) {
  const url = view.source?.url
  return (
    <Section title={`${view.year}年放假安排`}>
      <View className="cal-info__status">
        <Tag text={view.status === 'official' ? '正式' : '暂定'} tone={view.status === 'official' ? 'green' : 'orange'} />
        {view.status === 'provisional' && <Text className="cal-info__provisional">国务院尚未公布，暂按法定节假日推算，不含调休</Text>}
      </View>
      {view.source && <InfoRow label="来源">{view.source.title}</InfoRow>}
      {view.source?.number && <InfoRow label="文号">{view.source.number}</InfoRow>}
      {url && (
        <InfoRow label="网址">
          <Text className="cal-info__link" onClick={() => Taro.setClipboardData({ data: url }).catch(() => undefined)}>
            {url}（点击复制）
          </Text>
        </InfoRow>
      )}
      {view.enteredBy && (
        <InfoRow label="录入">{`${view.enteredBy}${view.enteredAt ? ` ${beijingDateTime(view.enteredAt)}` : ''}`}</InfoRow>
      )}
      {view.recomputing && <Text className="cal-info__recomputing">正在重算受影响的期限…</Text>}
    </Section>
  )
}

/** The change log, newest first. */
function ChangeLog({ changes }: { changes: CalendarYearView['changes'] }) {
  return (
    <Section title="修改记录">
      {changes.length === 0 && <StatusView kind="empty" message="本年度还没有修改记录" />}
      {changes.map((c) => {
        // The source where the summary does not already name it (a notice's summary does).
        const extra = (part?: string) => (part && !c.summary.includes(part) ? part : undefined)
        const [title, number] = [extra(c.source?.title), extra(c.source?.number)]
        return (
          <View key={c.version} className="cal-log__entry">
            <Text className="cal-log__summary">{c.summary}</Text>
            <Text className="cal-log__meta">
              {beijingDateTime(c.at)} · {c.by}
            </Text>
            {(title || number) && <Text className="cal-log__meta">依据：{[title, number].filter(Boolean).join(' ')}</Text>}
          </View>
        )
      })}
    </Section>
  )
}

/** One year: its status, the notice form, the twelve months (tap a day to change it) and the log. */
function CalendarYearPage({ year, admin }: { year: number; admin: boolean }) {
  // While the consequences of a saved change are being applied, look again every few seconds.
  const [recomputing, setRecomputing] = useState(false)
  const view = useLoad(
    async () => {
      const r = await calendarApi.getYear({ year })
      if (r.ok) setRecomputing(r.data.recomputing)
      return r
    },
    [year],
    { intervalMs: recomputing ? 3_000 : 0 },
  )
  const [picked, setPicked] = useState<GridDay>()
  const [noticeOpen, setNoticeOpen] = useState(false)
  const [applied, setApplied] = useState('')
  const flow = useCalendarChange(year, (a) => {
    setApplied(appliedText(a))
    setPicked(undefined)
    setNoticeOpen(false)
    void view.refresh()
  })

  if (!view.data) return <LoadStatus of={view} />
  const v = view.data
  const open = (what: 'notice' | GridDay) => {
    flow.clear()
    setApplied('')
    if (what === 'notice') setNoticeOpen(true)
    else setPicked(what)
  }
  return (
    <View>
      <YearInfo view={v} />
      {applied && <Text className="cal-applied">{applied}</Text>}
      {admin && !noticeOpen && (
        <View className="staff__actions">
          <BigButton kind={v.status === 'provisional' ? 'primary' : 'secondary'} text="录入国务院通知" onClick={() => open('notice')} />
        </View>
      )}
      {admin && noticeOpen && <NoticeForm year={year} flow={flow} onCancel={() => (setNoticeOpen(false), flow.clear())} />}
      <YearGrid view={v} onPick={admin ? (d) => open(d) : undefined} />
      <ChangeLog changes={v.changes} />
      {picked && <DaySheet key={picked.date} day={picked} flow={flow} onClose={() => (setPicked(undefined), flow.clear())} />}
    </View>
  )
}

/**
 * 工作日历 (admin): the centre's working-day calendar, year by year. The administrator enters the
 * State Council's notice once it is published (or adjusts one day), sees what changes and who is
 * affected, and saves; deadlines and bookings then follow. Other staff may look.
 */
export default function AdminCalendar() {
  const { rootClass } = useLargeText()
  const query = useQuery(ROUTES.adminCalendar)
  const status = useLoad(() => calendarApi.status(), [], { onShow: false })
  const me = useLoad(() => accountApi.whoami(), [], { onShow: false })
  const [first, last] = [calendarYearSchema.minValue ?? 2004, calendarYearSchema.maxValue ?? 2099]
  const asked = Number(query.year ?? '')
  const [year, setYear] = useState<number>()
  const shownYear =
    year ?? (Number.isInteger(asked) && asked >= first && asked <= last ? asked : status.data && defaultYear(status.data.today))
  const step = (n: number) => shownYear && setYear(shownYear + n)

  return (
    <View className={`${rootClass} staff admin-calendar`}>
      <View className="staff__head">
        <Text className="staff__title">工作日历</Text>
        <Text className="staff__sub">法定节假日与调休。录入国务院通知后，办件期限、咨询答复期限和预约日期自动按新日历调整。</Text>
      </View>
      {!shownYear && <LoadStatus of={status} />}
      {shownYear && (
        <View>
          <View className="cal-years">
            {shownYear > first ? (
              <View className="cal-years__step cal-years__prev" hoverClass="cal-years__step--pressed" onClick={() => step(-1)}>
                ‹ {shownYear - 1}
              </View>
            ) : (
              <View className="cal-years__step cal-years__step--none" />
            )}
            <Text className="cal-years__year">{shownYear}年</Text>
            {shownYear < last ? (
              <View className="cal-years__step cal-years__next" hoverClass="cal-years__step--pressed" onClick={() => step(1)}>
                {shownYear + 1} ›
              </View>
            ) : (
              <View className="cal-years__step cal-years__step--none" />
            )}
          </View>
          <CalendarYearPage key={shownYear} year={shownYear} admin={me.data?.role === 'admin'} />
        </View>
      )}
    </View>
  )
}
