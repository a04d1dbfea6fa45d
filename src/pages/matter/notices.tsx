import { View } from '@tarojs/components'
import { NoticeList } from '../../components/notice-list'
import { Section } from '../../components/section'
import { useLoad } from '../../hooks/useLoad'
import { noticeApi } from '../../services/api/notice'

/** The matter's announcements in force (e.g. 「护照窗口12月28日暂停受理」), above the guide; nothing when there are none. */
export function MatterNotices({ matterId }: { matterId: string }) {
  const list = useLoad(() => noticeApi.forMatter({ matterId }), [matterId])
  const items = list.data?.items ?? []
  if (items.length === 0) return null
  return (
    <View className="matter__notices">
      <Section title="事项公告">
        <NoticeList items={items} />
      </Section>
    </View>
  )
}
