import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Result } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { useAction } from '../../../hooks/useAction'
import { alert, toast } from '../../../utils/alert'

/** The slots a lower number leaves holding more people than it: their bookings stay. */
const overbookedNote = (slots: string[]) =>
  alert('已有预约保留', `${slots.join('、')} 已约人数多于新名额，这些预约照常有效，该时段不再接受新预约。`)

/** Seats per slot: a stepper from 1 to 50 and 保存; the save answers the slots already over the new number. */
export function CapacityForm({
  label,
  initial,
  save,
  onSaved,
}: {
  label: string
  initial: number
  save: (capacity: number) => Promise<Result<{ capacity: number; overbooked: string[] }>>
  onSaved: () => void
}) {
  const [n, setN] = useState(initial)
  const act = useAction()
  const step = (d: number) => setN((v) => Math.min(50, Math.max(1, v + d)))
  const submit = () =>
    act.run(
      () => save(n),
      (r) => {
        toast(`已改为每时段${r.capacity}人`, 'success')
        if (r.overbooked.length) void overbookedNote(r.overbooked)
        onSaved()
      },
    )
  return (
    <View className="schedule-tools__part">
      <Text className="schedule-tools__label">{label}</Text>
      <View className="schedule-tools__stepper">
        <View className="schedule-tools__step" hoverClass="schedule-tools__step--pressed" onClick={() => step(-1)}>
          －
        </View>
        <Text className="schedule-tools__count">{n}人</Text>
        <View className="schedule-tools__step" hoverClass="schedule-tools__step--pressed" onClick={() => step(1)}>
          ＋
        </View>
      </View>
      {act.errors.capacity && <Text className="schedule-tools__error">{act.errors.capacity}</Text>}
      {act.errors.form && <Text className="schedule-tools__error">{act.errors.form}</Text>}
      <BigButton kind="secondary" text="保存名额" disabled={n === initial} loading={act.busy} loadingText="正在保存…" onClick={submit} />
    </View>
  )
}
