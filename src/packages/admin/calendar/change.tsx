import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { CalendarChangeInput } from '../../../../types/contracts/calendar'
import type { calendarContract } from '../../../../types/contracts/calendar'
import type { ActionOutput } from '../../../../types/contracts/contract'
import { maskName } from '../../../../types/domain/masking'
import type { AppErrorBody } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { calendarApi } from '../../../services/api/calendar'
import { weekdayLabel } from '../../../utils/dates'
import { dayInfoLabel, rangeText, shortDate } from './model'
import { windowName } from '../../../utils/windows'

export type Preview = ActionOutput<typeof calendarContract, 'previewChange'>
export type Applied = ActionOutput<typeof calendarContract, 'applyChange'>

export interface ChangeFlow {
  busy: 'preview' | 'apply' | null
  preview?: Preview
  error?: AppErrorBody
  /** Said above a fresh preview, e.g. after a CONFLICT: why the administrator sees it again. */
  notice?: string
  run: (change: CalendarChangeInput) => Promise<void>
  confirm: () => Promise<void>
  /** Drops the preview: the inputs changed, so it no longer shows what would be saved. */
  clear: () => void
}

/**
 * Preview, then save exactly what was previewed: applyChange carries the preview's version, so a
 * change someone else saved in between is refused (CONFLICT) and previewed again on the new calendar.
 */
export function useCalendarChange(year: number, onApplied: (applied: Applied) => void): ChangeFlow {
  const [busy, setBusy] = useState<ChangeFlow['busy']>(null)
  const [preview, setPreview] = useState<Preview>()
  const [error, setError] = useState<AppErrorBody>()
  const [notice, setNotice] = useState<string>()
  const last = useRef<CalendarChangeInput>()

  const run = async (change: CalendarChangeInput, why?: string) => {
    if (busy) return
    last.current = change
    setBusy('preview')
    setError(undefined)
    setPreview(undefined)
    const r = await calendarApi.previewChange({ year, change })
    setBusy(null)
    setNotice(r.ok ? why : undefined)
    if (r.ok) setPreview(r.data)
    else setError(r.error)
  }

  const confirm = async () => {
    if (busy || !preview || !last.current) return
    setBusy('apply')
    const r = await calendarApi.applyChange({ year, change: last.current, expectedVersion: preview.version })
    setBusy(null)
    if (r.ok) {
      setPreview(undefined)
      setNotice(undefined)
      onApplied(r.data)
    } else if (r.error.code === 'CONFLICT') {
      await run(last.current, `${r.error.message}。已按最新的日历重新预览，请核对后再确认保存。`)
    } else setError(r.error)
  }

  const clear = () => {
    setPreview(undefined)
    setError(undefined)
    setNotice(undefined)
  }
  return { busy, preview, error, notice, run: (c) => run(c), confirm, clear }
}

/** 1月4日 周一; a date in the neighbouring year (a New Year holiday reaching over) keeps its year. */
const diffDate = (date: string, year: number) =>
  `${Number(date.slice(0, 4)) === year ? '' : `${date.slice(0, 4)}年`}${shortDate(date)} ${weekdayLabel(date)}`

/** What a previewed change would do: the notice's items, every date that differs, and who is affected. */
export function ChangePreview({ flow }: { flow: ChangeFlow }) {
  const p = flow.preview
  if (!p) return null
  const { cases, inquiries, bookings } = p.impact
  return (
    <View className="cal-preview">
      {flow.notice && <Text className="cal-preview__notice">{flow.notice}</Text>}
      {p.items.length > 0 && (p.title || p.number) && (
        <Text className="cal-preview__source">
          {p.title ?? '国务院放假安排'}
          {p.number ? `（${p.number}）` : ''}
        </Text>
      )}
      {p.items.length > 0 && (
        <View className="cal-preview__block cal-preview__items">
          <Text className="cal-preview__label">识别到{p.items.length}项安排</Text>
          {p.items.map((it) => (
            <Text key={it.name} className="cal-preview__item">
              {it.name}：{rangeText(it.off)}放假{it.off.length > 0 ? `，共${it.off.length}天` : ''}
              {it.work.length > 0 ? `；${it.work.map(shortDate).join('、')}上班` : ''}
            </Text>
          ))}
        </View>
      )}
      {p.unchanged ? (
        <Text className="cal-preview__same">与当前日历相同，无需保存</Text>
      ) : (
        <View>
          <View className="cal-preview__block cal-diff">
            <Text className="cal-preview__label">变化的日期（{p.diff.length}天）</Text>
            {p.diff.map((d) => (
              <View key={d.date} className={`cal-diff__row cal-diff-${d.date}`}>
                <Text className="cal-diff__date">{diffDate(d.date, p.year)}</Text>
                <Text className="cal-diff__change">
                  {dayInfoLabel(d.before)} → {dayInfoLabel(d.after)}
                </Text>
              </View>
            ))}
          </View>
          <View className="cal-preview__block cal-impact">
            <Text className="cal-preview__label">影响</Text>
            <Text className="cal-impact__line cal-impact__cases">{cases.count}个办件的承诺办结日期将调整</Text>
            {cases.samples.map((c) => (
              <View key={c.caseNo} className="cal-impact__entry">
                <Text className="cal-impact__main">
                  {c.caseNo} {c.matterName}
                </Text>
                <Text className="cal-impact__sub">
                  {c.from} → {c.to}
                </Text>
              </View>
            ))}
            {cases.count > cases.samples.length && <Text className="cal-impact__more">等共{cases.count}个办件</Text>}
            <Text className="cal-impact__line cal-impact__inquiries">{inquiries.count}条咨询的答复期限将调整</Text>
            <Text className="cal-impact__line cal-impact__bookings">
              {bookings.count}个预约落在新增的休息日{bookings.count > 0 ? '，保存后将通知群众改约' : ''}
            </Text>
            {bookings.items.map((b, i) => (
              <View key={`${b.date}-${b.time}-${i}`} className="cal-impact__entry">
                <Text className="cal-impact__main">
                  {b.date} {b.time} {b.matterName}
                </Text>
                <Text className="cal-impact__sub">
                  {windowName({ number: b.windowNumber, name: b.windowName })} · {maskName(b.applicantName)}
                </Text>
              </View>
            ))}
          </View>
          <View className="cal-preview__actions">
            <BigButton
              text="确认保存"
              loading={flow.busy === 'apply'}
              loadingText="正在保存…"
              disabled={!!flow.busy}
              onClick={flow.confirm}
            />
          </View>
        </View>
      )}
    </View>
  )
}

/** 已更新N个办件的期限，已通知群众改约N个预约 */
export function appliedText(a: Applied): string {
  if (!a.changed) return '与当前日历相同，未作修改。'
  const { cases, inquiries, bookings } = a.impact
  return `已保存。已更新${cases.count}个办件的期限${inquiries.count > 0 ? `、${inquiries.count}条咨询的答复期限` : ''}，已通知群众改约${bookings.count}个预约。`
}
