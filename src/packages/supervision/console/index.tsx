import { View } from '@tarojs/components'
import { StatusView } from '../../../components/status-view'

/** 效能监督: being built. */
export default function Page() {
  return (
    <View>
      <StatusView kind="empty" message="即将开放" />
    </View>
  )
}
