import { View } from '@tarojs/components'
import { StatusView } from '../../../components/status-view'

/** 督办单: being built. */
export default function Page() {
  return (
    <View>
      <StatusView kind="empty" message="即将开放" />
    </View>
  )
}
