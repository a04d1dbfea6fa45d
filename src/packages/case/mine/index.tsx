import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '../../../components/big-button'
import { CaseCard } from '../../../components/case-card'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { myCases } from '../../../services/case'
import { pageUrl } from '../../../utils/params'
import '../case.scss'
import './index.scss'

/** 我的办件: newest first, as the server orders them; each opens its progress page. */
export default function MyCases() {
  const { rootClass } = useLargeText()
  const list = useLiveRemote(() => myCases({}), [])
  const cases = list.data?.cases ?? []
  const waiting = cases.filter((c) => c.state === 'supplement_requested').length

  return (
    <View className={`${rootClass} case-page case-mine`}>
      <View className="case-mine__new">
        <BigButton text="网上申请新事项" onClick={() => Taro.navigateTo({ url: '/pages/search/index' })} />
        <Text className="case-page__note">先查找要办的事项，在事项页点「网上申请」。</Text>
      </View>
      {waiting > 0 && <Text className="case-page__error">有{waiting}件需要您补正材料，请尽快处理</Text>}
      {!list.data && list.loading && <StatusView kind="loading" />}
      {!list.data && list.error && <StatusView kind="error" message={list.error.message} onRetry={list.refresh} />}
      {list.data && list.error && <Text className="case-page__error">刷新失败：{list.error.message}</Text>}
      {list.data && cases.length === 0 && <StatusView kind="empty" message="您还没有网上申请的办件" />}
      {cases.map((c) => (
        <CaseCard key={c.caseId} c={c} onClick={() => Taro.navigateTo({ url: pageUrl('/packages/case/detail/index', { id: c.caseId }) })} />
      ))}
    </View>
  )
}
