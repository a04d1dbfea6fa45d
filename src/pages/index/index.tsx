import { Switch, Text, View } from '@tarojs/components'
import { isStaffRole } from '../../../types/roles'
import { ROUTES } from '../../../types/routes'
import { SearchBox } from '../../components/search-box'
import { Tile } from '../../components/tile'
import { useElderSuggestion, useLargeText } from '../../hooks/useLargeText'
import { useLoad } from '../../hooks/useLoad'
import { accountApi } from '../../services/api/account'
import { notifyApi } from '../../services/api/notify'
import { showUnreadOnTabBar } from '../../services/tab-badge'
import { navigate, switchTab } from '../../utils/nav'
import { ElderHome } from './elder'
import { HomeNotices } from './notices'
import './index.scss'

/** The unread count, put on the 消息 tab as it arrives (0 when it could not be read). */
async function loadUnread() {
  const r = await notifyApi.unreadCount()
  showUnreadOnTabBar(r.ok ? r.data.unread : 0)
  return r
}

export default function Home() {
  const { large, setLarge, rootClass } = useLargeText()
  // Both fresh each time home is shown: the dev login may change the role, reading a message lowers the count.
  const me = useLoad(() => accountApi.whoami(), [])
  const unreadView = useLoad(loadUnread, [])
  // The 工作台 entry only for staff; the server decides the role.
  const staff = !me.error && !!me.data && isStaffRole(me.data.role)
  const unread = unreadView.error ? 0 : (unreadView.data?.unread ?? 0)
  const suggestion = useElderSuggestion(large)
  if (large)
    return (
      <View className={`${rootClass} home`}>
        <View className="home__banner">
          <Text className="home__title">政务服务中心</Text>
          <Text className="home__subtitle">长辈版 · 字大好认，一点就办</Text>
        </View>
        <ElderHome setLarge={setLarge} />
        {staff && (
          <View className="home__dev-link" hoverClass="home__dev-link--pressed" onClick={() => navigate(ROUTES.staffHome)}>
            工作台
          </View>
        )}
      </View>
    )
  return (
    <View className={`${rootClass} home`}>
      <View className="home__banner">
        <Text className="home__title">政务服务中心</Text>
        <Text className="home__subtitle">一门、一站、一网通办 · 最多跑一次</Text>
      </View>

      {/* Suggested once, in the page and not as a pop-up, when the phone's font is set large (fontSizeScaleFactor ≥ 1.3). */}
      {suggestion.show && (
        <View className="home__suggest">
          <Text className="home__suggest-text">您的手机字体较大，试试长辈版？字更大，按钮更大，首页只留常用的事。</Text>
          <View className="home__suggest-actions">
            <View className="home__suggest-on" hoverClass="home__dev-link--pressed" onClick={() => setLarge(true)}>
              开启长辈版
            </View>
            <View className="home__suggest-off" hoverClass="home__dev-link--pressed" onClick={suggestion.dismiss}>
              不用了
            </View>
          </View>
        </View>
      )}

      <View className="home__search">
        <SearchBox onTap={() => navigate(ROUTES.search)} />
      </View>

      {/* The main services only, as the provincial apps (粤省事, 浙里办) put them first; the citizen's own records are under 我的. */}
      <View className="home__tiles">
        <Tile
          size="wide"
          tone="primary"
          icon="guide"
          title="办事指南"
          desc="按部门查看事项：材料、收费、时限、窗口"
          onClick={() => navigate(ROUTES.catalog)}
        />
        {staff && (
          <Tile
            size="wide"
            icon="desk"
            title="工作台"
            desc="办件、咨询、今日预约、签到取号、窗口叫号"
            onClick={() => navigate(ROUTES.staffHome)}
          />
        )}
        <Tile icon="booking" title="预约办事" desc="选事项，约时间" onClick={() => navigate(ROUTES.bookingMatters)} />
        <Tile icon="queue" title="我的排队" desc="取号，看叫到几号" onClick={() => navigate(ROUTES.queue)} />
        <Tile icon="progress" title="进度查询" desc="凭查询码查进度" onClick={() => navigate(ROUTES.caseLookup)} />
        <Tile icon="ask" title="咨询" desc="问窗口，看答复" onClick={() => navigate(ROUTES.inquiryAsk)} />
        <Tile icon="assist" title="帮办代办" desc="老人、不便的有人帮" onClick={() => navigate(ROUTES.visitMine)} />
        <Tile icon="rate" title="评价与投诉" desc="好差评、投诉" onClick={() => navigate(ROUTES.feedbackMine)} />
        <Tile
          size="wide"
          icon="messages"
          title="消息"
          desc={unread > 0 ? `${unread}条未读：预约、叫号、办件进度` : '预约、叫号、办件进度通知'}
          badge={unread}
          onClick={() => switchTab(ROUTES.messages)}
        />
      </View>

      <HomeNotices />

      <View className="home__setting">
        <View className="home__setting-text">
          <Text className="home__setting-title">长辈版</Text>
          <Text className="home__setting-desc">字更大、按钮更大，首页只留常用的事</Text>
        </View>
        <Switch className="home__switch" checked={large} color="#0b57d0" onChange={(e) => setLarge(e.detail.value)} />
      </View>
    </View>
  )
}
