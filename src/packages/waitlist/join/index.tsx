import { Picker, Text, View } from '@tarojs/components'
import { WAITLIST_HALF_LABELS, WAITLIST_HALVES } from '../../../../types/domain/waitlist'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { LoadStatus } from '../../../components/status-view'
import { PersonFields } from '../../../components/person-fields'
import { SwitchRow } from '../../../components/switch-row'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { appointmentApi } from '../../../services/api/appointment'
import { catalogApi } from '../../../services/api/catalog'
import { longDate } from '../../../utils/dates'
import { useQuery } from '../../../utils/nav'
import { windowName } from '../../../utils/windows'
import { useJoin } from './use-join'
import '../../../components/section/index.scss'
import '../waitlist.scss'
import './index.scss'

const HALVES = WAITLIST_HALVES.map((h) => ({ value: h, label: WAITLIST_HALF_LABELS[h] }))

/** A few choices shown at once (easier than a wheel for older eyes and hands), as the matter forms show them. */
function Choices<T extends string>(p: {
  label: string
  name: string
  error?: string
  options: readonly { value: T; label: string }[]
  value: T
  onChange: (v: T) => void
}) {
  return (
    <View className={`form-field form-field--${p.name}${p.error ? ' form-field--invalid' : ''}`}>
      <Text className="form-field__label">{p.label}</Text>
      <ChoiceChips name={p.name} options={p.options} value={p.value} onChange={p.onChange} />
      {p.error && <Text className="form-field__error">{p.error}</Text>}
    </View>
  )
}

/** 加入候补: the dates, the half-day and the window to wait for, 自动预约, and who comes. */
export default function JoinWaitlist() {
  const { rootClass } = useLargeText()
  const { matterId = '', date = '' } = useQuery(ROUTES.waitlistJoin)
  const matter = useLoad(() => catalogApi.getMatter({ id: matterId }), [matterId], { onShow: false })
  const days = useLoad(() => appointmentApi.listDays({ matterId }), [matterId], { onShow: false })
  const dates = days.data?.days.map((d) => d.date) ?? []
  const { draft, set, errors, sending, submit } = useJoin(matterId, date || dates[0] || '')
  const m = matter.data
  const windows = m?.windows ?? []
  const windowOptions = [{ value: '', label: '不限窗口' }, ...windows.map((w) => ({ value: w.id, label: windowName(w) }))]
  const labels = dates.map(longDate)
  const datePicker = (key: 'from' | 'to', label: string) => (
    <FormField label={label} name={key} error={errors[key]}>
      <Picker
        mode="selector"
        range={labels}
        value={Math.max(0, dates.indexOf(draft[key]))}
        onChange={(e) => set(key)(dates[Number(e.detail.value)] ?? '')}
      >
        <View className="waitlist-join__picker">
          {draft[key] ? <Text>{longDate(draft[key])}</Text> : <Text className="waitlist-join__placeholder">请选择日期</Text>}
        </View>
      </Picker>
    </FormField>
  )

  return (
    <View className={`${rootClass} waitlist-page waitlist-join`}>
      <View className="waitlist-page__head">
        <Text className="waitlist-page__title">加入候补</Text>
        <Text className="waitlist-page__sub">{m ? m.name : ' '}</Text>
      </View>
      <LoadStatus of={matter.error ? matter : days} />
      {m && days.data && (
        <View className="section waitlist-join__form">
          <Text className="waitlist-page__note">
            有人取消或改约时，名额按加入候补的先后保留给您，并发消息通知。请在通知的时间内确认（24小时内开始的时段保留15分钟，其余保留12小时），逾期顺延给下一位；每日候补在前一天18:00截止。
          </Text>
          {datePicker('from', '最早日期')}
          {datePicker('to', '最晚日期')}
          <Choices label="时段" name="half" error={errors.half} options={HALVES} value={draft.half} onChange={set('half')} />
          {windows.length > 1 && (
            <Choices
              label="办理窗口"
              name="window"
              error={errors.windowId}
              options={windowOptions}
              value={draft.windowId}
              onChange={set('windowId')}
            />
          )}
          <SwitchRow name="auto" title="自动预约" desc="有名额时直接为您预约，无需再确认" checked={draft.auto} onChange={set('auto')} />
          <SwitchRow name="for-other" title="为他人预约" desc="如替父母、子女预约" checked={draft.forOther} onChange={set('forOther')} />
          <PersonFields draft={draft} errors={errors} set={set} phoneHint="用于接收候补通知" />
          {errors.form && <Text className="waitlist-page__error">{errors.form}</Text>}
          <View className="waitlist-page__actions">
            <BigButton text="加入候补" loading={sending} loadingText="正在提交…" onClick={submit} />
          </View>
        </View>
      )}
    </View>
  )
}
