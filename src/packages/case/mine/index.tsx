import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { CaseCard } from '../../../components/case-card'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { caseApi } from '../../../services/api/case'
import { navigate } from '../../../utils/nav'
import '../case.scss'
import './index.scss'

/** 我的办件: newest first, as the server orders them; each opens its progress page. */
export default function MyCases() {
  const { rootClass } = useLargeText()
  const list = useLoad(() => caseApi.myCases({}), [])
  const cases = list.data?.cases ?? []
  const waiting = cases.filter((c) => c.state === 'supplement_requested').length

  return (
    <View className={`${rootClass} case-page case-mine`}>
      <View className="case-mine__new">
        <BigButton text="网上申请新事项" onClick={() => navigate(ROUTES.search)} />
        <Text className="case-page__note">先查找要办的事项，在事项页点「网上申请」。</Text>
      </View>
      {waiting > 0 && <Text className="case-page__error">有{waiting}件需要您补正材料，请尽快处理</Text>}
      {!list.data && <LoadStatus of={list} />}
      {list.data && list.error && <Text className="case-page__error">刷新失败：{list.error.message}</Text>}
      {list.data && cases.length === 0 && (
        <StatusView
          kind="empty"
          message="您还没有网上申请的办件"
          hint="点上面的「网上申请新事项」，找到要办的事，在手机上交材料、看进度。"
        />
      )}
      {cases.map((c) => (
        <CaseCard key={c.caseId} c={c} onClick={() => navigate(ROUTES.caseDetail, { id: c.caseId })} />
      ))}
    </View>
  )
}
