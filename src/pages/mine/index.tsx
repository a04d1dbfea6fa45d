import { Text, View } from '@tarojs/components'
import { isStaffRole, ROLE_LABELS } from '../../../types/roles'
import { ROUTES, type Query, type Route } from '../../../types/routes'
import { Icon, type IconName } from '../../components/icon'
import { useLargeText } from '../../hooks/useLargeText'
import { useLoad } from '../../hooks/useLoad'
import { accountApi } from '../../services/api/account'
import { navigate } from '../../utils/nav'
import './index.scss'

interface Entry {
  icon: IconName
  title: string
  desc: string
  route: Route<Query>
}

/** The citizen's own records, in the order of a visit: book, wait, apply, follow, ask, rate. */
const RECORDS: Entry[] = [
  { icon: 'bookings', title: '我的预约', desc: '预约码、改约、取消', route: ROUTES.bookingMine },
  { icon: 'waitlist', title: '我的候补', desc: '约满的日子有人取消时通知您', route: ROUTES.waitlistMine },
  { icon: 'cases', title: '我的办件', desc: '网上申请、补正、进度、取件码', route: ROUTES.caseMine },
  { icon: 'followed', title: '我关注的办件', desc: '家人分享给我的办件进度', route: ROUTES.caseFollowedList },
  { icon: 'ask', title: '我的咨询', desc: '问过的问题和窗口的答复', route: ROUTES.inquiryMine },
  { icon: 'rate', title: '评价与投诉', desc: '好差评、投诉及处理进度', route: ROUTES.feedbackMine },
]

const ACCOUNT: Entry[] = [
  { icon: 'materials', title: '我的信息与材料', desc: '常用信息和上传过的材料，可查看、删除', route: ROUTES.caseMyData },
  { icon: 'settings', title: '设置', desc: '标准版、长辈版', route: ROUTES.settings },
]

const DESK: Entry = { icon: 'desk', title: '工作台', desc: '办件、咨询、今日预约、签到取号、窗口叫号', route: ROUTES.staffHome }
const BIND: Entry = { icon: 'bind', title: '工作人员绑定身份', desc: '中心工作人员凭邀请码绑定', route: ROUTES.staffBind }
const DEV: Entry = { icon: 'devLogin', title: '切换身份（开发登录）', desc: '仅本地调试版有', route: ROUTES.devLogin }

function Row({ e }: { e: Entry }) {
  return (
    <View className={`mine__row mine__row--${e.icon}`} hoverClass="mine__row--pressed" onClick={() => navigate(e.route)}>
      <View className="mine__icon">
        <Icon icon={e.icon} className="mine__image" />
      </View>
      <View className="mine__row-text">
        <Text className="mine__row-title">{e.title}</Text>
        <Text className="mine__row-desc">{e.desc}</Text>
      </View>
      <Text className="mine__arrow">›</Text>
    </View>
  )
}

function Group({ title, entries }: { title: string; entries: Entry[] }) {
  return (
    <View className="mine__group">
      <Text className="mine__group-title">{title}</Text>
      <View className="mine__card">
        {entries.map((e) => (
          <Row key={e.title} e={e} />
        ))}
      </View>
    </View>
  )
}

/** 我的 (a tab): everything that is the user's own, and the way in for staff. */
export default function Mine() {
  const { rootClass } = useLargeText()
  // Fresh each time the tab is shown: the dev login or a staff binding changes the role.
  const me = useLoad(() => accountApi.whoami(), [])
  const role = me.error ? undefined : me.data?.role
  const staff = !!role && isStaffRole(role)
  const service: Entry[] = [...(staff ? [DESK] : role ? [BIND] : []), ...(process.env.TARO_ENV === 'h5' ? [DEV] : [])]
  return (
    <View className={`${rootClass} mine`}>
      <View className="mine__head">
        <Text className="mine__title">{me.data?.staff?.name ?? '我的'}</Text>
        <Text className="mine__sub">{role ? ROLE_LABELS[role] : me.loading ? '正在读取…' : '登录后可查看您的记录'}</Text>
      </View>
      <Group title="我的办事" entries={RECORDS} />
      <Group title="信息与设置" entries={ACCOUNT} />
      {service.length > 0 && <Group title="工作人员" entries={service} />}
    </View>
  )
}
