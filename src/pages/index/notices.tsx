import { OfficialAccount, Text, View } from '@tarojs/components'
import { ROUTES } from '../../../types/routes'
import { NoticeList } from '../../components/notice-list'
import { useLoad } from '../../hooks/useLoad'
import { noticeApi } from '../../services/api/notice'
import { navigate } from '../../utils/nav'

/** 通知公告 on the home page when there are any: the latest 3 (pinned first), and the way to all of them and the 公众号's articles. */
export function HomeNotices() {
  const list = useLoad(() => noticeApi.list({ limit: 3 }), [])
  const items = list.data?.items
  // Shown when there is something to read: a home page keeps no empty 暂无公告 box.
  if (items?.length === 0) return process.env.TARO_ENV === 'weapp' ? <OfficialAccount onError={() => undefined} /> : null
  return (
    <View className="home__notices">
      <View className="home__notices-head" hoverClass="home__notices-head--pressed" onClick={() => navigate(ROUTES.noticeList)}>
        <Text className="home__notices-title">通知公告{list.data && list.data.unread > 0 ? `（${list.data.unread}条未读）` : ''}</Text>
        <Text className="home__notices-more">全部 ›</Text>
      </View>
      {!items && list.loading && <Text className="home__notices-hint">正在读取…</Text>}
      {!items && !list.loading && list.error && (
        <Text className="home__notices-hint" onClick={list.refresh}>
          公告加载失败，点击重试
        </Text>
      )}
      {items && items.length > 0 && <NoticeList items={items} />}
      {/* The 公众号 follow bar: WeChat shows it only when the app was opened by a scan, and reports the other cases as an error event, which needs no word to the user. */}
      {process.env.TARO_ENV === 'weapp' && <OfficialAccount onError={() => undefined} />}
    </View>
  )
}
