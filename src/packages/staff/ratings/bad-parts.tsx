import { Text, View } from '@tarojs/components'
import type { StaffBadView } from '../../../../types/contracts/rating'
import {
  LIGHT_LABELS,
  LOOP_STATE_LABELS,
  RATING_KIND_LABELS,
  STAGE_LABELS,
  type Light,
  type LoopState,
} from '../../../../types/domain/rating'
import { longDate, monthDay } from '../../../utils/dates'
import { windowLabel } from '../../../utils/windows'
import type { StaffWindow } from '../staff'
import './bad-parts.scss'

/** The states a worklist may be filtered by, in the loop's order; `all` reads every state. */
export const STATE_FILTERS = ['all', 'open', 'verified', 'appealed', 'replied', 'closed', 'invalid'] as const
export type StateFilter = (typeof STATE_FILTERS)[number]
export const stateFilterOf = (s: string | undefined): StateFilter =>
  (STATE_FILTERS as readonly string[]).includes(s ?? '') ? (s as StateFilter) : 'all'
export const STATE_FILTER_LABELS: Record<StateFilter, string> = { all: '全部', ...LOOP_STATE_LABELS }

/**
 * The light of a stage's clock as a coloured dot with its word beside it (正常, 临期, 超期): colour
 * is never the only signal, for colour-blind staff and for a screen reader.
 */
export function LightBadge({ light }: { light: Light }) {
  return (
    <Text className={`bad-light bad-light--${light}`}>
      <Text className="bad-light__dot">●</Text>
      {LIGHT_LABELS[light]}
    </Text>
  )
}

/** 核实回访 · 期限12月3日 (`long`: 期限2026年12月3日（周四）), or why nothing is due. */
export function dueLine(v: Pick<StaffBadView, 'due' | 'state'>, long = false): string {
  if (v.due) return `${STAGE_LABELS[v.due.stage]} · 期限${(long ? longDate : monthDay)(v.due.dueDate)}`
  const done: Partial<Record<LoopState, string>> = { replied: '已反馈，等待评价人追评', closed: '已办结', invalid: '申诉成立，不计入差评' }
  return done[v.state] ?? ''
}

/** What was served: the kind and reference the department recognises, and where. */
export function objectLine(
  v: Pick<StaffBadView, 'objectKind' | 'reference' | 'departmentName' | 'windowId'>,
  windows: StaffWindow[] | undefined,
): string {
  const ref = v.reference ? `${RATING_KIND_LABELS[v.objectKind]} ${v.reference}` : RATING_KIND_LABELS[v.objectKind]
  return [ref, v.departmentName, v.windowId ? windowLabel(windows, v.windowId) : ''].filter(Boolean).join(' · ')
}

/** 非常不满意 · 超过承诺时限未办结、服务态度差 */
export const levelLine = (v: Pick<StaffBadView, 'levelLabel' | 'tags'>) => [v.levelLabel, v.tags.join('、')].filter(Boolean).join(' · ')

/** What waits on the centre office, said on the card so it is seen before opening it. */
export function waitingOn(v: Pick<StaffBadView, 'extension' | 'appeal'>): string | undefined {
  if (v.extension?.status === 'pending') return `延期${v.extension.days}个工作日待中心办公室审核`
  if (v.appeal?.status === 'pending') return `申诉（${v.appeal.kind}）待中心办公室审核`
  return undefined
}

/** The notice staff read wherever the rater's words are shown. */
export function AnonymityNote() {
  return (
    <View className="bad-anon">
      <Text>评价人身份不向工作人员显示，文字中的证件号、电话号码已隐去。请通过核实回访联系评价人。</Text>
    </View>
  )
}
