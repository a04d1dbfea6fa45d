import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '../../../components/big-button'
import { InquiryCard } from '../../../components/inquiry-card'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { myInquiries } from '../../../services/inquiry'
import { pageUrl } from '../../../utils/params'
import '../inquiry.scss'
import './index.scss'

/** 我的咨询: newest first, with the state and when a reply is due; each opens its conversation. */
export default function MyInquiries() {
  const { rootClass } = useLargeText()
  const list = useLiveRemote(() => myInquiries({}), [])
  const items = list.data?.items ?? []
  const toRate = items.filter((q) => q.state === 'answered' && !q.rated).length

  return (
    <View className={`${rootClass} inquiry-page inquiry-mine`}>
      <View className="inquiry-mine__new">
        <BigButton text="我要咨询" onClick={() => Taro.navigateTo({ url: '/packages/inquiry/ask/index' })} />
      </View>
      {toRate > 0 && <Text className="inquiry-mine__notice">有{toRate}条咨询已回复，请查看</Text>}
      {!list.data && list.loading && <StatusView kind="loading" />}
      {!list.data && list.error && <StatusView kind="error" message={list.error.message} onRetry={list.refresh} />}
      {list.data && list.error && <Text className="inquiry-page__error">刷新失败：{list.error.message}</Text>}
      {list.data && items.length === 0 && <StatusView kind="empty" message="您还没有咨询过问题" />}
      {items.map((q) => (
        <InquiryCard
          key={q.inquiryId}
          q={q}
          onClick={() => Taro.navigateTo({ url: pageUrl('/packages/inquiry/detail/index', { id: q.inquiryId }) })}
        />
      ))}
    </View>
  )
}
