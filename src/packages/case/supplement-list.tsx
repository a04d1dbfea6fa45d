import { Text, View } from '@tarojs/components'
import type { CaseView } from '../../../types/contracts/case'

/** What the clerk asked to correct, all at once (一次性告知): numbered items and the clerk's note. */
export function SupplementList({ supplement }: { supplement: NonNullable<CaseView['supplement']> }) {
  return (
    <View className="case-supplement">
      {supplement.items.map((i, n) => (
        <View key={n} className="case-supplement__item">
          <Text className="case-supplement__target">
            {n + 1}. {i.target}
          </Text>
          <Text className="case-supplement__problem">{i.problem}</Text>
        </View>
      ))}
      {supplement.note && <Text className="case-supplement__note">说明：{supplement.note}</Text>}
    </View>
  )
}
