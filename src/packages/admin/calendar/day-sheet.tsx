import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { longDate } from '../../../utils/dates'
import { ChangePreview, type ChangeFlow } from './change'
import { DAY_SETTINGS, dayInfoLabel, type DaySetting, type GridDay } from './model'

const DEFAULT_NAMES: Record<Exclude<DaySetting, 'default'>, string> = { off: '休息日', work: '调休上班' }

/** What a tap on a day most likely wants: a working day off, a weekend worked, a listed day back to normal. */
const suggested = (d: GridDay): DaySetting => (d.type === 'workday' ? 'off' : d.type === 'weekend' ? 'work' : 'default')

/**
 * One day set by hand (临时闭厅, a 调休 the notice missed): the setting, its name and a required
 * reason, previewed with its impact before 确认保存. Shown as a sheet over the year view.
 */
export function DaySheet({ day, flow, onClose }: { day: GridDay; flow: ChangeFlow; onClose: () => void }) {
  const [set, setSet] = useState<DaySetting>(suggested(day))
  const [name, setName] = useState(day.name ?? DEFAULT_NAMES[suggested(day) === 'work' ? 'work' : 'off'])
  const [note, setNote] = useState('')

  const choose = (next: DaySetting) => {
    setSet(next)
    // The prefilled name follows the choice until the administrator types their own.
    if (next !== 'default' && Object.values(DEFAULT_NAMES).includes(name)) setName(day.name ?? DEFAULT_NAMES[next])
    flow.clear()
  }
  const submit = () => flow.run({ type: 'day', date: day.date, set, ...(set !== 'default' && { name }), note })

  const issues = flow.error?.issues ?? []
  const of = (field: string) => issues.find((i) => i.path.endsWith(`change.${field}`) || i.path === field)?.message
  const formError = flow.error && !of('name') && !of('note') ? flow.error.message : undefined

  return (
    <View className="cal-sheet">
      <View className="cal-sheet__mask" onClick={onClose} />
      <View className="cal-sheet__panel">
        <Text className="cal-sheet__title">{longDate(day.date)}</Text>
        <Text className="cal-sheet__now">现在：{dayInfoLabel(day)}</Text>
        <ChoiceChips options={DAY_SETTINGS} value={set} onChange={choose} name="day-set" />
        {set !== 'default' && (
          <FormField label="名称" name="day-name" error={of('name')}>
            <Input
              className="form-field__input"
              value={name}
              maxlength={20}
              placeholder={DEFAULT_NAMES[set]}
              onInput={(e) => (setName(e.detail.value), flow.clear())}
            />
          </FormField>
        )}
        <FormField label="调整原因（必填）" name="day-note" error={of('note')} hint="如：中心设备检修闭厅一天">
          <Input
            className="form-field__input"
            value={note}
            maxlength={100}
            placeholder="请说明原因"
            onInput={(e) => (setNote(e.detail.value), flow.clear())}
          />
        </FormField>
        {formError && <Text className="staff__error cal-sheet__error">{formError}</Text>}
        <View className="cal-sheet__buttons">
          <BigButton text="预览变化" loading={flow.busy === 'preview'} loadingText="正在预览…" disabled={!!flow.busy} onClick={submit} />
          <BigButton kind="secondary" text="取消" onClick={onClose} />
        </View>
        <ChangePreview flow={flow} />
      </View>
    </View>
  )
}
