import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { noticeApi } from '../../../services/api/notice'
import { navigate, useQuery } from '../../../utils/nav'
import { NoticeBody } from '../body'
import { NoticeHead } from '../head'
import '../notice.scss'

/** One announcement; opening it marks it read for this account. */
export default function NoticeDetailPage() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.noticeDetail).id ?? ''
  const view = useLoad(() => noticeApi.get({ noticeId: id }), [id], { onShow: false })
  const n = view.data
  return (
    <View className={`${rootClass} notice-page`}>
      <LoadStatus of={view} missing="该公告不存在或已撤回" />
      {n && (
        <View>
          <NoticeHead n={n} />
          {n.matterId && (
            <View
              className="notice-page__matter"
              hoverClass="notice-page__matter--pressed"
              onClick={() => navigate(ROUTES.matter, { id: n.matterId ?? '' })}
            >
              <Text>查看办事指南：{n.matterName} ›</Text>
            </View>
          )}
          <NoticeBody blocks={n.blocks} video={n.video} />
          {n.staff && (
            <View className="notice-page__tags">
              <Tag text={n.staff.stateLabel} tone={n.staff.live ? 'green' : 'gray'} />
            </View>
          )}
        </View>
      )}
    </View>
  )
}
