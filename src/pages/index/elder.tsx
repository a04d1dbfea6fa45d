import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES } from '../../../types/routes'
import { Icon, type IconName } from '../../components/icon'
import { useLoad } from '../../hooks/useLoad'
import { navigate } from '../../utils/nav'
import { centrePhone } from './centre-phone'

interface ElderTileProps {
  icon: IconName
  title: string
  desc: string
  onClick: () => void
}

/** One of 长辈版's big entries: an icon, a two-character title and a short line, the whole card tappable. */
function ElderTile({ icon, title, desc, onClick }: ElderTileProps) {
  return (
    <View className="home-elder__tile" hoverClass="home-elder__tile--pressed" onClick={onClick}>
      <View className="home-elder__icon">
        <Icon icon={icon} tone="white" className="home-elder__image" />
      </View>
      <Text className="home-elder__tile-title">{title}</Text>
      <Text className="home-elder__tile-desc">{desc}</Text>
    </View>
  )
}

/**
 * 长辈版 home (适老化): six large entries and the switch, nothing else: no notices list, no 公众号
 * bar, no carousel or pop-up (the 工信部 rules allow no ads, plug-ins or pop-ups in 适老版).
 */
export function ElderHome({ setLarge }: { setLarge: (on: boolean) => void }) {
  const phone = useLoad(centrePhone, [], { onShow: false })
  const number = phone.data
  const call = () => {
    if (number) void Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined)
    else void phone.refresh()
  }
  return (
    <View className="home-elder">
      <View className="home-elder__tiles">
        <ElderTile icon="booking" title="预约" desc="约时间，少排队" onClick={() => navigate(ROUTES.bookingMatters)} />
        <ElderTile icon="cases" title="进度" desc="我的办件办到哪了" onClick={() => navigate(ROUTES.caseMine)} />
        <ElderTile icon="queue" title="取号" desc="排队叫号" onClick={() => navigate(ROUTES.queue)} />
        <ElderTile icon="ask" title="咨询" desc="有问题，问窗口" onClick={() => navigate(ROUTES.inquiryAsk)} />
        <ElderTile icon="visit" title="上门服务" desc="行动不便，上门办" onClick={() => navigate(ROUTES.visitRequest)} />
        <ElderTile icon="phone" title="电话咨询" desc={number ?? (phone.loading ? '正在读取号码' : '点击重试')} onClick={call} />
      </View>
      {/* A button rather than a switch: a switch's box is smaller than the 60×60 dp a main component needs. */}
      <View className="home-elder__exit" hoverClass="home-elder__tile--pressed" onClick={() => setLarge(false)}>
        <Text className="home-elder__exit-title">长辈版已开启</Text>
        <Text className="home-elder__exit-action">点此回到标准版</Text>
      </View>
      <View className="home__dev-link home__settings-link" hoverClass="home__dev-link--pressed" onClick={() => navigate(ROUTES.settings)}>
        设置
      </View>
    </View>
  )
}
