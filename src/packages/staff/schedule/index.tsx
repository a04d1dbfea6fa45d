import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { WindowDay } from '../../../../types/contracts/appointment'
import { ChoiceChips } from '../../../components/choice-chips'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { appointmentApi } from '../../../services/api/appointment'
import { monthDay, weekdayLabel } from '../../../utils/dates'
import { ok } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { useQuery } from '../../../utils/nav'
import { StaffOnly } from '../load-status'
import { useStaffMe, windowName, type StaffWindow } from '../staff'
import { CapacityForm } from './capacity-form'
import { DayTools } from './day-tools'
import '../staff.scss'
import './index.scss'

const hours = (ps: { start: string; end: string }[]) => ps.map((p) => `${p.start}–${p.end}`).join('、')

/** What the day is, in tags: rest day, stopped, extended hours, its own seats per slot. */
function DayTags({ day }: { day: WindowDay }) {
  return (
    <View className="schedule-day__tags">
      {day.closed && <Tag text={`停止预约${day.reason ? `：${day.reason}` : ''}`} tone="orange" />}
      {!day.closed && !day.workingDay && day.extraPeriods.length === 0 && <Tag text="休息日" tone="gray" />}
      {!day.closed && day.extraPeriods.length > 0 && <Tag text={`延时服务 ${hours(day.extraPeriods)}`} tone="green" />}
      {!day.closed && day.capacityChanged && <Tag text={`每时段${day.capacity}人`} tone="blue" />}
    </View>
  )
}

function DayCard({
  windowId,
  day,
  today,
  open,
  onToggle,
  onDone,
}: {
  windowId: string
  day: WindowDay
  today: string
  open: boolean
  onToggle: () => void
  onDone: () => void
}) {
  return (
    <View className={`schedule-day${day.closed ? ' schedule-day--closed' : ''}`}>
      <View className="schedule-day__head" hoverClass="schedule-day__head--pressed" onClick={onToggle}>
        <View className="schedule-day__title">
          <Text className="schedule-day__date">
            {monthDay(day.date)} {weekdayLabel(day.date)}
          </Text>
          {day.date === today && <Text className="schedule-day__today">今天</Text>}
          <Text className="schedule-day__open">{open ? '收起' : '调整'}</Text>
        </View>
        <DayTags day={day} />
        {/* A rest day without extra hours says only that (a holiday week is a run of them). */}
        {(day.slots > 0 || day.booked > 0) && (
          <Text className="schedule-day__figures">
            {day.slots > 0 ? `${day.slots}个时段 · 每时段${day.capacity}人 · ` : ''}已约{day.booked}人
            {day.waiting > 0 ? ` · 候补${day.waiting}人` : ''}
          </Text>
        )}
      </View>
      {open && <DayTools windowId={windowId} day={day} onDone={onDone} />}
    </View>
  )
}

function Schedule({ windows }: { windows: StaffWindow[] }) {
  const { windowId: asked } = useQuery(ROUTES.staffSchedule)
  const [windowId, setWindowId] = useState(windows.find((w) => w.id === asked)?.id ?? windows[0].id)
  const [open, setOpen] = useState<string | undefined>(undefined)
  const [usualOpen, setUsualOpen] = useState(false)
  const view = useLoad(() => appointmentApi.windowDays({ windowId }), [windowId])
  const window = windows.find((w) => w.id === windowId)!
  return (
    <View>
      <View className="staff__head">
        <Text className="staff__title">{windowName(window)}</Text>
        <Text className="staff__sub">
          {view.data ? `平日每时段${view.data.capacity}人；点开某一天可调整当天名额、增加延时服务或停止预约` : ' '}
        </Text>
        {view.data && (
          <Text className="schedule__usual-link" onClick={() => setUsualOpen(!usualOpen)}>
            {usualOpen ? '收起' : '调整平日名额 ›'}
          </Text>
        )}
      </View>
      {view.data && usualOpen && (
        <View className="schedule__usual">
          <CapacityForm
            key={`${windowId}-${view.data.capacity}`}
            label="平日每时段名额（单独设置过的日子不变）"
            initial={view.data.capacity}
            save={async (capacity) => {
              const r = await appointmentApi.setWindowCapacity({ windowId, capacity })
              return r.ok
                ? ok({ capacity: r.data.capacity, overbooked: r.data.overbooked.map((o) => `${monthDay(o.date)} ${o.start}`) })
                : r
            }}
            onSaved={() => {
              setUsualOpen(false)
              void view.refresh()
            }}
          />
        </View>
      )}
      {windows.length > 1 && (
        <View className="schedule__windows">
          <ChoiceChips
            name="window"
            options={windows.map((w) => ({ value: w.id, label: windowName(w) }))}
            value={windowId}
            onChange={(id) => {
              setOpen(undefined)
              setWindowId(id)
            }}
          />
        </View>
      )}
      <LoadStatus of={view} />
      {view.data?.days.map((day) => (
        <DayCard
          key={day.date}
          windowId={windowId}
          day={day}
          today={view.data!.today}
          open={open === day.date}
          onToggle={() => setOpen(open === day.date ? undefined : day.date)}
          onDone={() => void view.refresh()}
        />
      ))}
    </View>
  )
}

/** 排班管理: a department lead's windows, each day ahead with its seats and bookings, and the tools to change it. */
export default function StaffSchedule() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff schedule`}>
      <StaffOnly me={me} notStaff={<Text className="staff__note">排班管理仅限部门负责人使用</Text>}>
        {(m) =>
          m.windows.length > 0 ? (
            <Schedule windows={m.windows} />
          ) : (
            <Text className="staff__note">您没有负责的窗口，排班由窗口所在部门的负责人管理。</Text>
          )
        }
      </StaffOnly>
    </View>
  )
}
