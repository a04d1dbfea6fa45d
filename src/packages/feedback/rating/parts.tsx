import { Text, View } from '@tarojs/components'
import { Timeline } from '../../../components/case-timeline'
import type { RaterView } from '../../../../types/contracts/rating'
import { isBad, RATING_LEVEL_LABELS, RATING_LEVELS, RATING_SCORES, type LoopState, type RatingLevel } from '../../../../types/domain/rating'
import type { TagProps } from '../../../components/tag'
import { beijingDateTime } from '../../../utils/case'

/** The pieces the 好差评 pages share: the five levels, the tag chips, the timeline, a level's colour. */

export const levelTone = (level: RatingLevel): NonNullable<TagProps['tone']> => (isBad(level) ? 'orange' : 'green')

/** A 差评's state: orange while the department or the office still owes a step, grey once it ended. */
export const stateTone = (state: LoopState | undefined): NonNullable<TagProps['tone']> =>
  state === 'closed' || state === 'invalid' ? 'gray' : 'orange'

/** The five levels as full-width rows, best first (the order of the national form). */
export function LevelChoices({
  value,
  onChange,
  name,
}: {
  value: RatingLevel | undefined
  onChange: (level: RatingLevel) => void
  name: string
}) {
  return (
    <View className={`feedback-levels feedback-levels--${name}`}>
      {RATING_LEVELS.map((l) => {
        const on = l === value
        return (
          <View
            key={l}
            className={`feedback-levels__level feedback-levels__level--${l}${isBad(l) ? ' feedback-levels__level--bad' : ''}${on ? ' feedback-levels__level--on' : ''}`}
            hoverClass="feedback-levels__level--pressed"
            onClick={() => onChange(l)}
          >
            <Text className="feedback-levels__mark">{on ? '✓' : '○'}</Text>
            <Text className="feedback-levels__label">{RATING_LEVEL_LABELS[l]}</Text>
            <Text className="feedback-levels__score">{isBad(l) ? '差评' : `${RATING_SCORES[l]}分`}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** Tags to tick, any number (the server caps them). */
export function TagChoices({
  tags,
  chosen,
  onToggle,
}: {
  tags: readonly string[]
  chosen: readonly string[]
  onToggle: (tag: string) => void
}) {
  return (
    <View className="feedback-tags">
      {tags.map((t) => {
        const on = chosen.includes(t)
        return (
          <View
            key={t}
            className={`feedback-tags__tag${on ? ' feedback-tags__tag--on' : ''}`}
            hoverClass="feedback-tags__tag--pressed"
            onClick={() => onToggle(t)}
          >
            {on ? `✓ ${t}` : t}
          </View>
        )
      })}
    </View>
  )
}

/** The steps the rater sees (回访, 整改反馈, the office's decisions, the follow-up), newest first. */
export function RatingTimeline({ entries }: { entries: RaterView['timeline'] }) {
  const items = [...entries]
    .reverse()
    .map((e) => ({ key: `${e.kind}-${e.at}`, kind: e.kind, at: e.at, label: e.label, meta: beijingDateTime(e.at), note: e.text }))
  return <Timeline items={items} />
}

/** Toggles `tag` in `tags`. */
export const toggled = (tags: readonly string[], tag: string): string[] =>
  tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag]
