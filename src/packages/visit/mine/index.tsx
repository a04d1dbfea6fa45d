import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { AssistCard } from '../../../components/assist-record'
import { BigButton } from '../../../components/big-button'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { assistApi } from '../../../services/api/assist'
import { visitApi } from '../../../services/api/visit'
import { navigate } from '../../../utils/nav'
import { VisitList } from './visit-list'
import '../visit.scss'

/**
 * 我的上门与帮办: the caller's 帮办代办 requests and door-to-door requests, each opening its progress,
 * and the way to ask for help. Both lists load here, with the page, so coming back refreshes them.
 */
export default function VisitMine() {
  const { rootClass } = useLargeText()
  const visits = useLoad(() => visitApi.mine({}), [])
  const assists = useLoad(() => assistApi.mine({}), [])
  const helped = assists.data?.items ?? []
  return (
    <View className={`${rootClass} visit-page visit-mine`}>
      <View className="visit-page__head">
        <Text className="visit-page__title">我的上门与帮办</Text>
        <Text className="visit-page__sub">
          老年人、残疾人或不会用手机的，可申请帮办代办，帮办员电话联系并可代填网上申请；提供上门服务的事项，可在事项页面点「申请上门服务」。
        </Text>
      </View>
      <View className="visit-page__actions">
        <BigButton text="申请帮办代办" onClick={() => navigate(ROUTES.assistRequest)} />
      </View>
      <Text className="visit-page__section-title">帮办代办</Text>
      <LoadStatus of={assists} />
      {assists.data && helped.length === 0 && <StatusView kind="empty" message="您还没有申请过帮办代办" />}
      {helped.map((a) => (
        <AssistCard key={a.assistId} a={a} onClick={() => navigate(ROUTES.assistDetail, { id: a.assistId })} />
      ))}
      <VisitList list={visits} />
    </View>
  )
}
