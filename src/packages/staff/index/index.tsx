import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { StatusView } from '../../../components/status-view'
import { Tile } from '../../../components/tile'
import { useLargeText } from '../../../hooks/useLargeText'
import { useStaffMe, windowName } from '../staff'
import '../staff.scss'
import './index.scss'

/** The staff home: who I am, my windows, and the three daily tools. */
export default function StaffHome() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  const go = (page: string) => Taro.navigateTo({ url: `/packages/staff/${page}/index` })

  return (
    <View className={`${rootClass} staff staff-home`}>
      {me.status === 'loading' && <StatusView kind='loading' />}
      {me.status === 'error' && <StatusView kind='error' message={me.error.message} onRetry={me.retry} />}
      {me.status === 'not-staff' && <StatusView kind='empty' message='工作台仅限中心工作人员使用' />}
      {me.status === 'ready' && (
        <View>
          <View className='staff__head'>
            <Text className='staff__title'>
              {me.me.name}（{me.me.staffNo}）
            </Text>
            <Text className='staff__sub'>{me.me.roleLabel}</Text>
            {me.me.windows.length > 0 && me.me.windows.length <= 4 && (
              <Text className='staff__sub'>负责：{me.me.windows.map(windowName).join('、')}</Text>
            )}
          </View>
          <View className='staff-home__tiles'>
            <Tile size='wide' tone='primary' glyph='叫' title='窗口叫号' desc='叫号、重呼、过号、办结、转窗口' onClick={() => go('console')} />
            <Tile size='wide' glyph='签' title='预约签到' desc='输入或扫描预约码，为群众取号' onClick={() => go('checkin')} />
            <Tile size='wide' glyph='今' title='今日预约' desc='我负责窗口的预约名单' onClick={() => go('today')} />
          </View>
        </View>
      )}
    </View>
  )
}
