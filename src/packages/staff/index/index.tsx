import { Text, View } from '@tarojs/components'
import type { Role } from '../../../../types/roles'
import { ROUTES, type Query, type Route } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import type { IconSource } from '../../../components/icon'
import { STAFF_ICONS } from '../../../components/icon/staff-icons'
import { StatusView } from '../../../components/status-view'
import { Tile } from '../../../components/tile'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { calendarApi } from '../../../services/api/calendar'
import { navigate, redirect } from '../../../utils/nav'
import { StaffOnly } from '../load-status'
import { useStaffMe, windowName, type StaffMe } from '../staff'
import { ReschedulePanel } from './reschedule'
import { ShiftCard } from './shift-card'
import '../staff.scss'
import './index.scss'

/**
 * 放假安排未公布: while a year the deadlines reach into is still provisional, every staff member
 * reads why dates may move; the admin gets the way to enter the notice.
 */
function CalendarBanner({ admin }: { admin: boolean }) {
  const status = useLoad(() => calendarApi.status(), [], { onShow: false })
  const banner = status.data?.banner
  if (!banner) return null
  return (
    <View className="staff-banner">
      <Text className="staff-banner__text">{banner.text}</Text>
      {admin && (
        <Text className="staff-banner__link" onClick={() => navigate(ROUTES.adminCalendar, { year: banner.years[0] })}>
          去录入 ›
        </Text>
      )}
    </View>
  )
}

function NotStaff() {
  return (
    <View>
      <StatusView kind="empty" message="工作台仅限中心工作人员使用" />
      <View className="staff__actions">
        <BigButton text="用邀请码绑定工作人员身份" onClick={() => redirect(ROUTES.staffBind)} />
      </View>
    </View>
  )
}

type StaffRole = Exclude<Role, 'citizen'>
const WINDOW: StaffRole[] = ['window_staff', 'dept_lead']
const OFFICE: StaffRole[] = ['supervisor', 'admin']
const DESK_ROLES: StaffRole[] = ['window_staff', 'dept_lead', 'supervisor']

interface StaffTile {
  icon: IconSource
  title: string
  desc: string | ((role: Role) => string)
  route: Route<Query>
  /** Who has it: each role gets only the tools it can use, so no tile leads to 「没有权限」. */
  roles: readonly StaffRole[]
  /** Beyond the role: e.g. 帮办代办 only for the staff of the 帮办 desk. */
  only?: (me: StaffMe) => boolean
}

/** The staff home's tools, in the order a role uses them most; the server checks each action again. */
const TILES: StaffTile[] = [
  { icon: STAFF_ICONS.cases, title: '办件', desc: '本部门网上申请：预审、补正、受理、办结、出件', route: ROUTES.staffCases, roles: WINDOW },
  {
    icon: STAFF_ICONS.stats,
    title: '效能监督',
    desc: '今日与本期办件、排队、评价、投诉的统计与图表，导出Excel',
    route: ROUTES.supervisionConsole,
    roles: [...OFFICE, 'dept_lead'],
  },
  {
    icon: STAFF_ICONS.alert,
    title: '红黄灯办件',
    desc: '临期、超期和违规的办件，原因与申诉',
    route: ROUTES.supervisionCases,
    roles: ['supervisor', 'admin', 'dept_lead', 'window_staff'],
  },
  {
    icon: STAFF_ICONS.supervise,
    title: '督办',
    desc: (r) => (r === 'dept_lead' ? '中心办公室督办本部门的事项：回复整改情况' : '发出、核查、办结督办单，逾期通报'),
    route: ROUTES.supervisionOrders,
    roles: [...OFFICE, 'dept_lead'],
  },
  { icon: STAFF_ICONS.ask, title: '咨询', desc: '认领、答复群众咨询（首问负责制）', route: ROUTES.staffInquiries, roles: DESK_ROLES },
  { icon: STAFF_ICONS.call, title: '窗口叫号', desc: '叫号、重呼、过号、办结、转窗口', route: ROUTES.staffConsole, roles: WINDOW },
  { icon: STAFF_ICONS.checkin, title: '预约签到', desc: '输入或扫描预约码，为群众取号', route: ROUTES.staffCheckin, roles: WINDOW },
  { icon: STAFF_ICONS.today, title: '今日预约', desc: '我负责窗口的预约名单', route: ROUTES.staffToday, roles: WINDOW },
  {
    icon: STAFF_ICONS.schedule,
    title: '排班管理',
    desc: '每时段名额、延时服务、停止预约，看已约和候补人数',
    route: ROUTES.staffSchedule,
    roles: ['dept_lead', 'admin'],
  },
  {
    icon: STAFF_ICONS.badRating,
    title: '差评工单',
    desc: (r) => (r === 'supervisor' ? '全部门差评的期限与红黄灯，审核延期和申诉' : '本部门差评：核实回访、整改反馈、申请延期或申诉'),
    route: ROUTES.staffRatings,
    roles: DESK_ROLES,
  },
  {
    icon: STAFF_ICONS.complaint,
    title: '投诉',
    desc: (r) => (r === 'supervisor' ? '受理、转办、办结群众投诉' : '中心办公室转来的投诉：答复'),
    route: ROUTES.staffComplaints,
    roles: DESK_ROLES,
  },
  {
    icon: STAFF_ICONS.visit,
    title: '上门服务',
    desc: '群众申请的上门服务：派单、确认时间、上门记录',
    route: ROUTES.staffVisits,
    roles: WINDOW,
  },
  {
    icon: STAFF_ICONS.assist,
    title: '帮办代办',
    desc: '认领帮办申请（首问负责制），代填网上申请',
    route: ROUTES.staffAssists,
    roles: DESK_ROLES,
    only: (me) => me.assistDesk,
  },
  {
    icon: STAFF_ICONS.attendance,
    title: '考勤与考核',
    desc: (r) => (r === 'window_staff' ? '我的签到签退与月度考核' : '签到签退、月度考核分与导出'),
    route: ROUTES.supervisionAttendance,
    roles: ['window_staff', 'dept_lead', 'supervisor', 'admin'],
  },
  { icon: STAFF_ICONS.notice, title: '公告管理', desc: '发布通知公告、政策解读、办事提醒', route: ROUTES.adminNotices, roles: OFFICE },
  {
    icon: STAFF_ICONS.invite,
    title: '邀请工作人员',
    desc: '生成一次性邀请码，新同事用自己的微信绑定',
    route: ROUTES.staffInvite,
    roles: ['admin'],
  },
  {
    icon: STAFF_ICONS.calendar,
    title: '工作日历',
    desc: '法定节假日与调休：录入国务院通知，期限自动重算',
    route: ROUTES.adminCalendar,
    roles: ['admin'],
  },
]

const tilesFor = (me: StaffMe) => TILES.filter((t) => (t.roles as readonly Role[]).includes(me.role) && (t.only?.(me) ?? true))

/** Who I am, my shift, the calendar and rescheduling notes, and a tile per daily tool. */
function Desk({ me }: { me: StaffMe }) {
  const admin = me.role === 'admin'
  return (
    <View>
      <CalendarBanner admin={admin} />
      <View className="staff__head">
        <Text className="staff__title">
          {me.name}（{me.staffNo}）
        </Text>
        <Text className="staff__sub">{me.roleLabel}</Text>
        {me.windows.length > 0 && me.windows.length <= 4 && (
          <Text className="staff__sub">负责：{me.windows.map(windowName).join('、')}</Text>
        )}
      </View>
      <ShiftCard me={me} />
      <ReschedulePanel />
      <View className="staff-home__tiles">
        {tilesFor(me).map((t, i) => (
          <Tile
            key={t.title}
            size="wide"
            {...(i === 0 ? { tone: 'primary' as const } : {})}
            icon={t.icon}
            title={t.title}
            desc={typeof t.desc === 'string' ? t.desc : t.desc(me.role)}
            onClick={() => navigate(t.route)}
          />
        ))}
      </View>
    </View>
  )
}

/** The staff home: who I am, my shift, and the daily tools. */
export default function StaffHome() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff staff-home`}>
      <StaffOnly me={me} notStaff={<NotStaff />}>
        {(m) => <Desk me={m} />}
      </StaffOnly>
    </View>
  )
}
