import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { InquiryCard } from '../../../components/inquiry-card'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { inquiryApi } from '../../../services/api/inquiry'
import { navigate } from '../../../utils/nav'
import '../inquiry.scss'
import './index.scss'

/** 我的咨询: newest first, with the state and when a reply is due; each opens its conversation. */
export default function MyInquiries() {
  const { rootClass } = useLargeText()
  const list = useLoad(() => inquiryApi.myInquiries({}), [])
  const items = list.data?.items ?? []
  const toRate = items.filter((q) => q.state === 'answered' && !q.rated).length

  return (
    <View className={`${rootClass} inquiry-page inquiry-mine`}>
      <View className="inquiry-mine__new">
        <BigButton text="我要咨询" onClick={() => navigate(ROUTES.inquiryAsk)} />
      </View>
      {toRate > 0 && <Text className="inquiry-mine__notice">有{toRate}条咨询已回复，请查看</Text>}
      <LoadStatus of={list} />
      {list.data && items.length === 0 && (
        <StatusView kind="empty" message="您还没有咨询过问题" hint="办事前有不清楚的，点上面的「我要咨询」问窗口，答复后会通知您。" />
      )}
      {items.map((q) => (
        <InquiryCard key={q.inquiryId} q={q} onClick={() => navigate(ROUTES.inquiryDetail, { id: q.inquiryId })} />
      ))}
    </View>
  )
}
