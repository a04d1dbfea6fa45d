import { Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { isStaffRole } from '../../../types/roles'
import { SearchBox } from '../../components/search-box'
import { Tile } from '../../components/tile'
import { useLargeText } from '../../hooks/useLargeText'
import { whoami } from '../../services/account'
import { showUnreadOnTabBar, unreadCount } from '../../services/notify'
import './index.scss'

export default function Home() {
  const { large, setLarge, rootClass } = useLargeText()
  // The 工作台 entry only for staff; the server decides the role (the dev login may change it).
  const [staff, setStaff] = useState(false)
  // Unread messages, fresh each time home is shown (after reading one, the badge goes down).
  const [unread, setUnread] = useState(0)
  useDidShow(() => {
    whoami().then((r) => setStaff(r.ok && isStaffRole(r.data.role)))
    unreadCount().then((r) => {
      const n = r.ok ? r.data.unread : 0
      setUnread(n)
      showUnreadOnTabBar(n)
    })
  })
  return (
    <View className={`${rootClass} home`}>
      <View className="home__banner">
        <Text className="home__title">政务服务中心</Text>
        <Text className="home__subtitle">一门、一站、一网通办 · 最多跑一次</Text>
      </View>

      <View className="home__search">
        <SearchBox onTap={() => Taro.navigateTo({ url: '/pages/search/index' })} />
      </View>

      <View className="home__tiles">
        <Tile
          size="wide"
          tone="primary"
          glyph="指"
          title="办事指南"
          desc="按部门查看事项：材料、收费、时限、窗口"
          onClick={() => Taro.navigateTo({ url: '/pages/catalog/index' })}
        />
        <Tile
          size="wide"
          glyph="信"
          title="消息"
          desc={unread > 0 ? `${unread}条未读：预约、叫号、办件进度` : '预约、叫号、办件进度通知'}
          badge={unread}
          onClick={() => Taro.switchTab({ url: '/pages/messages/index' })}
        />
        {staff && (
          <Tile
            size="wide"
            glyph="工"
            title="工作台"
            desc="办件、咨询、今日预约、签到取号、窗口叫号"
            onClick={() => Taro.navigateTo({ url: '/packages/staff/index/index' })}
          />
        )}
        <Tile glyph="约" title="预约办事" desc="选事项，约时间，少排队" onClick={() => Taro.navigateTo({ url: '/pages/search/index' })} />
        <Tile glyph="单" title="我的预约" desc="预约码、改约、取消" onClick={() => Taro.navigateTo({ url: '/pages/booking/mine/index' })} />
        <Tile glyph="号" title="我的排队" desc="前面几人、叫到哪号" onClick={() => Taro.navigateTo({ url: '/pages/queue/index' })} />
        <Tile
          glyph="件"
          title="我的办件"
          desc="网上申请、补正、进度、取件码"
          onClick={() => Taro.navigateTo({ url: '/packages/case/mine/index' })}
        />
        <Tile glyph="查" title="进度查询" desc="替家人查进度" onClick={() => Taro.navigateTo({ url: '/packages/case/lookup/index' })} />
        <Tile glyph="问" title="咨询" desc="有问题问窗口，看答复" onClick={() => Taro.navigateTo({ url: '/packages/inquiry/ask/index' })} />
        <Tile
          size="wide"
          glyph="亲"
          title="我关注的办件"
          desc="家人分享给我的办件进度"
          onClick={() => Taro.navigateTo({ url: '/packages/case/followed-list/index' })}
        />
      </View>

      <View className="home__setting">
        <View className="home__setting-text">
          <Text className="home__setting-title">大字模式</Text>
          <Text className="home__setting-desc">放大文字和按钮，看得更清楚</Text>
        </View>
        <Switch className="home__switch" checked={large} color="#0b57d0" onChange={(e) => setLarge(e.detail.value)} />
      </View>

      {!staff && (
        <View
          className="home__dev-link home__bind-link"
          hoverClass="home__dev-link--pressed"
          onClick={() => Taro.navigateTo({ url: '/packages/staff/bind/index' })}
        >
          工作人员绑定身份
        </View>
      )}

      {process.env.TARO_ENV === 'h5' && (
        <View
          className="home__dev-link"
          hoverClass="home__dev-link--pressed"
          onClick={() => Taro.navigateTo({ url: '/packages/dev/login/index' })}
        >
          切换身份（开发登录）
        </View>
      )}
    </View>
  )
}
