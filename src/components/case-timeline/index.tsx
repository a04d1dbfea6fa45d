import { Text, View } from '@tarojs/components'
import type { CaseView, DeadlineChange } from '../../../types/contracts/case'
import { actorLabel, beijingDateTime } from '../../utils/case'
import { longDate } from '../../utils/dates'
import './index.scss'

export interface CaseTimelineProps {
  /** As the server sends it: a citizen's copy has no internal notes; staff see them marked. */
  entries: CaseView['timeline']
  /** Due dates the working-day calendar moved, shown among the steps at the time they happened. */
  deadlineChanges?: DeadlineChange[]
}

/** One step of a timeline: what happened, the line under it (when, who) and an optional note. */
export interface TimelineItem {
  key: string
  at: string
  label: string
  meta: string
  note?: string
  internal?: boolean
  /** A modifier class for the step (`case-timeline__item--<kind>`), for a page that tells kinds apart. */
  kind?: string
}
type Item = TimelineItem

const stepItem = (e: CaseView['timeline'][number]): Item => ({
  key: `s${e.seq}`,
  at: e.at,
  label: e.label,
  meta: `${beijingDateTime(e.at)} · ${actorLabel(e.actor)}`,
  ...(e.note ? { note: e.note } : {}),
  internal: e.internal,
})

const changeItem = (c: DeadlineChange, i: number): Item => ({
  key: `d${i}`,
  at: c.at,
  label: '办结期限调整',
  meta: `${beijingDateTime(c.at)} · 工作日历`,
  note: `${c.reason}，承诺办结日期由${longDate(c.from)}调整为${longDate(c.to)}`,
  internal: false,
})

/** 全程留痕: every step with who (role and staff number), when and the note, and every moved due date; newest first. */
export function CaseTimeline({ entries, deadlineChanges = [] }: CaseTimelineProps) {
  if (entries.length === 0) return <Text className="case-timeline__empty">尚未提交</Text>
  const steps = [...entries].sort((a, b) => b.seq - a.seq).map(stepItem)
  const changes = deadlineChanges.map(changeItem)
  // Steps keep their own order (by sequence); a change goes in before the first older step.
  const items: Item[] = []
  for (const s of steps) {
    while (changes.length && changes[changes.length - 1].at >= s.at) items.push(changes.pop()!)
    items.push(s)
  }
  items.push(...changes.reverse())
  return <Timeline items={items} />
}

/** Steps, newest first, joined by a line: the latest marked. The case timeline, a 差评's loop, a complaint's stages. */
export function Timeline({ items }: { items: readonly TimelineItem[] }) {
  return (
    <View className="case-timeline">
      {items.map((e, i) => (
        <View
          key={e.key}
          className={`case-timeline__item${e.kind ? ` case-timeline__item--${e.kind}` : ''}${i === 0 ? ' case-timeline__item--latest' : ''}`}
        >
          <View className="case-timeline__dot" />
          <View className="case-timeline__body">
            <Text className="case-timeline__label">{e.label}</Text>
            <Text className="case-timeline__meta">{e.meta}</Text>
            {e.note && (
              <Text className={`case-timeline__note${e.internal ? ' case-timeline__note--internal' : ''}`}>
                {e.internal ? '【内部备注】' : ''}
                {e.note}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
