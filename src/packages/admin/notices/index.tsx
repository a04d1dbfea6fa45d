import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { noticeApi } from '../../../services/api/notice'
import { beijingDateTime } from '../../../utils/case'
import { navigate } from '../../../utils/nav'
import '../notice-admin.scss'

/** 公告管理 (centre office): every announcement with its state, newest change first. */
export default function AdminNoticesPage() {
  const { rootClass } = useLargeText()
  const list = useLoad(() => noticeApi.adminList({}), [])
  const forbidden = list.error?.code === 'FORBIDDEN' || list.error?.code === 'UNAUTHENTICATED'
  return (
    <View className={`${rootClass} notice-admin`}>
      <View className="notice-admin__head">
        <Text className="notice-admin__title">公告管理</Text>
        <Text className="notice-admin__sub">草稿、发布、撤回，每次修改留痕。公众号文章由系统每30分钟自动同步。</Text>
      </View>
      {forbidden ? (
        <StatusView kind="empty" message="只有中心办公室（效能监督、系统管理员）可以发布公告" />
      ) : (
        <View>
          <View className="notice-admin__actions">
            <BigButton text="新建公告" onClick={() => navigate(ROUTES.adminNotice)} />
          </View>
          <LoadStatus of={list} />
          {list.data?.items.length === 0 && <StatusView kind="empty" message="还没有公告" />}
          {list.data?.items.map((n) => (
            <View
              key={n.noticeId}
              className={`notice-admin__card notice-admin__card--${n.live ? 'live' : n.state}`}
              hoverClass="notice-admin__card--pressed"
              onClick={() => navigate(ROUTES.adminNotice, { id: n.noticeId })}
            >
              <View className="notice-admin__card-head">
                <Text className="notice-admin__card-title">{n.title}</Text>
                <Tag
                  text={n.state === 'published' && !n.live ? '已发布（不在有效期）' : n.stateLabel}
                  tone={n.live ? 'green' : n.state === 'draft' ? 'orange' : 'gray'}
                />
              </View>
              <Text className="notice-admin__card-line">
                {n.categoryLabel}
                {n.pinned ? ' · 置顶' : ''}
                {n.matterName ? ` · ${n.matterName}` : ''}
                {n.audience === 'matter' ? ' · 仅该事项办事群众' : ''}
              </Text>
              <Text className="notice-admin__card-line">最后修改 {beijingDateTime(n.updatedAt)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
