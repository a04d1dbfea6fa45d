import { Text, View } from '@tarojs/components'
import type { NoticeView } from '../../../types/contracts/notice'
import { beijingClock, beijingDate } from '../../../types/domain/dates'
import { Tag } from '../../components/tag'
import { longDate } from '../../utils/dates'

const when = (iso?: string) => (iso ? `${longDate(beijingDate(new Date(iso)))} ${beijingClock(new Date(iso))}` : '')

/** Title, category, 置顶 and the dates, as the detail page and the staff preview show them. */
export function NoticeHead({ n }: { n: Pick<NoticeView, 'title' | 'categoryLabel' | 'pinned' | 'publishAt' | 'expireAt'> }) {
  return (
    <View className="notice-page__head">
      <Text className="notice-page__title">{n.title}</Text>
      <View className="notice-page__tags">
        {n.pinned && <Tag text="置顶" tone="orange" />}
        <Tag text={n.categoryLabel} />
      </View>
      {n.publishAt && <Text className="notice-page__sub">发布时间：{when(n.publishAt)}</Text>}
      {n.expireAt && <Text className="notice-page__sub">有效期至：{when(n.expireAt)}</Text>}
    </View>
  )
}
