import { View } from '@tarojs/components'
import { ROUTES } from '../../../types/routes'
import { BigButton } from '../../components/big-button'
import { LoadStatus, StatusView } from '../../components/status-view'
import { useLargeText } from '../../hooks/useLargeText'
import { useLoad } from '../../hooks/useLoad'
import { catalogApi } from '../../services/api/catalog'
import { redirect, useQuery } from '../../utils/nav'
import { Detail } from './detail'
import './index.scss'

export default function MatterPage() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.matter).id ?? ''
  const matter = useLoad(() => catalogApi.getMatter({ id }), [id], { onShow: false })
  // A bad or unknown id: retrying will not help, searching will.
  const missing = !matter.data && (matter.error?.code === 'NOT_FOUND' || matter.error?.code === 'INVALID_INPUT')

  return (
    <View className={`${rootClass} matter`}>
      {missing ? (
        <View>
          <StatusView kind="empty" message="未找到该事项，可能已调整或下线" />
          <View className="matter__actions">
            <BigButton kind="secondary" text="查找其他事项" onClick={() => redirect(ROUTES.search)} />
          </View>
        </View>
      ) : (
        <LoadStatus of={matter} />
      )}
      {matter.data && <Detail m={matter.data} />}
    </View>
  )
}
