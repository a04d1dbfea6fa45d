import { Text, View } from '@tarojs/components'
import type { CaseView } from '../../../types/contracts/case'
import { actorLabel, beijingDateTime } from '../../utils/case'
import './index.scss'

export interface CaseTimelineProps {
  /** As the server sends it: a citizen's copy has no internal notes; staff see them marked. */
  entries: CaseView['timeline']
}

/** 全程留痕: every step with who (role and staff number), when and the note; newest first. */
export function CaseTimeline({ entries }: CaseTimelineProps) {
  if (entries.length === 0) return <Text className='case-timeline__empty'>尚未提交</Text>
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq)
  return (
    <View className='case-timeline'>
      {newestFirst.map((e, i) => (
        <View key={e.seq} className={`case-timeline__item${i === 0 ? ' case-timeline__item--latest' : ''}`}>
          <View className='case-timeline__dot' />
          <View className='case-timeline__body'>
            <Text className='case-timeline__label'>{e.label}</Text>
            <Text className='case-timeline__meta'>
              {beijingDateTime(e.at)} · {actorLabel(e.actor)}
            </Text>
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
