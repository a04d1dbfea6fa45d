import { Text, View } from '@tarojs/components'
import type { NoticeSummary } from '../../../types/contracts/notice'
import { beijingDate } from '../../../types/domain/dates'
import { ROUTES } from '../../../types/routes'
import { monthDay } from '../../utils/dates'
import { navigate } from '../../utils/nav'
import './index.scss'

export interface NoticeListProps {
  items: Pick<NoticeSummary, 'noticeId' | 'title' | 'categoryLabel' | 'pinned' | 'publishAt' | 'read'>[]
}

const day = (iso?: string) => (iso ? monthDay(beijingDate(new Date(iso))) : '')

/** 通知公告 rows (home page, matter page): 置顶 and unread marked in words too, each opens its detail. */
export function NoticeList({ items }: NoticeListProps) {
  return (
    <View className="notice-list">
      {items.map((n) => (
        <View
          key={n.noticeId}
          className="notice-list__row"
          hoverClass="notice-list__row--pressed"
          onClick={() => navigate(ROUTES.noticeDetail, { id: n.noticeId })}
        >
          <View className="notice-list__meta">
            {n.pinned && <Text className="notice-list__pin">置顶</Text>}
            <Text className="notice-list__cat">{n.categoryLabel}</Text>
            <Text className="notice-list__date">{day(n.publishAt)}</Text>
            {n.read === false && <Text className="notice-list__unread">未读</Text>}
          </View>
          <Text className={`notice-list__title${n.read === false ? ' notice-list__title--unread' : ''}`}>{n.title}</Text>
        </View>
      ))}
    </View>
  )
}
