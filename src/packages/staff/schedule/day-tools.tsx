import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { WindowDay } from '../../../../types/contracts/appointment'
import type { Period } from '../../../../types/domain/schedule'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { TextField } from '../../../components/text-field'
import { useAction } from '../../../hooks/useAction'
import { appointmentApi } from '../../../services/api/appointment'
import { confirm, toast } from '../../../utils/alert'
import { longDate } from '../../../utils/dates'
import { CapacityForm } from './capacity-form'

/**
 * The 延时服务 a lead usually adds: over lunch and after closing on a working day; a morning or an
 * afternoon on a rest day (周末延时服务 and 午间不打烊, as county centres announce them).
 */
const EXTRA_CHOICES: Record<'work' | 'rest', { value: string; label: string; period: Period }[]> = {
  work: [
    { value: 'noon', label: '午间 12:00–13:30', period: { start: '12:00', end: '13:30' } },
    { value: 'evening', label: '下班后 17:30–18:30', period: { start: '17:30', end: '18:30' } },
    { value: 'late', label: '下班后 17:30–19:00', period: { start: '17:30', end: '19:00' } },
  ],
  rest: [
    { value: 'am', label: '上午 09:00–12:00', period: { start: '09:00', end: '12:00' } },
    { value: 'pm', label: '下午 13:30–17:30', period: { start: '13:30', end: '17:30' } },
  ],
}

interface ToolProps {
  windowId: string
  day: WindowDay
  onDone: () => void
}

const overlaps = (a: Period, b: Period) => a.start < b.end && b.start < a.end

/** 增加延时服务: one of the usual periods, not one the day already has. */
function ExtraHours({ windowId, day, onDone }: ToolProps) {
  const taken = [...day.periods, ...day.extraPeriods]
  const choices = EXTRA_CHOICES[day.workingDay ? 'work' : 'rest'].filter((c) => !taken.some((p) => overlaps(p, c.period)))
  const [chosen, setChosen] = useState(choices[0]?.value ?? '')
  const act = useAction()
  if (!choices.length) return <Text className="schedule-tools__note">这一天的常用延时时段都已开放。</Text>
  // After one is added it leaves the choices: the first left is then the chosen one.
  const current = choices.find((c) => c.value === chosen) ?? choices[0]
  const period = current.period
  const add = () =>
    act.run(
      () => appointmentApi.addHours({ windowId, date: day.date, period }),
      () => {
        toast('已增加延时服务', 'success')
        onDone()
      },
    )
  return (
    <View className="schedule-tools__part">
      <Text className="schedule-tools__label">增加延时服务</Text>
      <ChoiceChips name="extra" options={choices} value={current.value} onChange={setChosen} />
      {act.errors.form && <Text className="schedule-tools__error">{act.errors.form}</Text>}
      <BigButton kind="secondary" text="增加时段" loading={act.busy} loadingText="正在增加…" onClick={add} />
    </View>
  )
}

/** 停止预约: only a day without bookings (staff reschedule those with the citizens first), with a reason. */
function CloseDay({ windowId, day, onDone }: ToolProps) {
  const [reason, setReason] = useState('')
  const act = useAction()
  if (day.booked > 0) return <Text className="schedule-tools__note">这一天已有{day.booked}个预约，不能停止预约；请先联系群众改约。</Text>
  const close = async () => {
    if (reason.trim().length < 2) return act.refuse({ reason: '请填写停止预约的原因（至少2个字）' })
    const go = await confirm({
      title: '停止预约',
      content: `停止后群众不能再预约${longDate(day.date)}，候补的群众也不会再得到这一天的名额。`,
      confirmText: '停止预约',
      danger: true,
    })
    if (!go) return
    await act.run(
      () => appointmentApi.closeDate({ windowId, date: day.date, reason: reason.trim() }),
      () => {
        toast('已停止预约', 'success')
        onDone()
      },
    )
  }
  return (
    <View className="schedule-tools__part">
      <TextField
        name="reason"
        label="停止预约"
        maxlength={50}
        placeholder="原因，如：设备检修、集中培训"
        value={reason}
        error={act.errors.reason}
        onType={setReason}
      />
      {act.errors.form && <Text className="schedule-tools__error">{act.errors.form}</Text>}
      <BigButton kind="secondary" text="停止这一天的预约" loading={act.busy} loadingText="正在提交…" onClick={close} />
    </View>
  )
}

/** A day's three tools; a closed day has none (its bookings were moved, its seats are gone). */
export function DayTools(props: ToolProps) {
  if (props.day.closed) return <Text className="schedule-tools__note">这一天已停止预约。</Text>
  return (
    <View className="schedule-tools">
      <CapacityForm
        label="这一天每时段名额"
        initial={props.day.capacity}
        save={(capacity) => appointmentApi.setCapacity({ windowId: props.windowId, date: props.day.date, capacity })}
        onSaved={props.onDone}
      />
      <ExtraHours {...props} />
      <CloseDay {...props} />
    </View>
  )
}
