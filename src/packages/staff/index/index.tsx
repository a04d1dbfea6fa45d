import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
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

/** Who I am, my shift, the calendar and rescheduling notes, and a tile per daily tool. */
function Desk({ me }: { me: StaffMe }) {
  const admin = me.role === 'admin'
  const office = me.role === 'supervisor'
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
        <Tile
          size="wide"
          tone="primary"
          glyph="件"
          title="办件"
          desc="本部门网上申请：预审、补正、受理、办结、出件"
          onClick={() => navigate(ROUTES.staffCases)}
        />
        <Tile size="wide" glyph="问" title="咨询" desc="认领、答复群众咨询（首问负责制）" onClick={() => navigate(ROUTES.staffInquiries)} />
        <Tile size="wide" glyph="叫" title="窗口叫号" desc="叫号、重呼、过号、办结、转窗口" onClick={() => navigate(ROUTES.staffConsole)} />
        <Tile size="wide" glyph="签" title="预约签到" desc="输入或扫描预约码，为群众取号" onClick={() => navigate(ROUTES.staffCheckin)} />
        <Tile size="wide" glyph="今" title="今日预约" desc="我负责窗口的预约名单" onClick={() => navigate(ROUTES.staffToday)} />
        <Tile
          size="wide"
          glyph="评"
          title="差评工单"
          desc={office ? '全部门差评的期限与红黄灯，审核延期和申诉' : '本部门差评：核实回访、整改反馈、申请延期或申诉'}
          onClick={() => navigate(ROUTES.staffRatings)}
        />
        <Tile
          size="wide"
          glyph="诉"
          title="投诉"
          desc={office ? '受理、转办、办结群众投诉' : '中心办公室转来的投诉：答复'}
          onClick={() => navigate(ROUTES.staffComplaints)}
        />
        <Tile
          size="wide"
          glyph="上"
          title="上门服务"
          desc="群众申请的上门服务：派单、确认时间、上门记录"
          onClick={() => navigate(ROUTES.staffVisits)}
        />
        <Tile
          size="wide"
          glyph="帮"
          title="帮办代办"
          desc="认领帮办申请（首问负责制），代填网上申请"
          onClick={() => navigate(ROUTES.staffAssists)}
        />
        {admin && (
          <Tile
            size="wide"
            glyph="邀"
            title="邀请工作人员"
            desc="生成一次性邀请码，新同事用自己的微信绑定"
            onClick={() => navigate(ROUTES.staffInvite)}
          />
        )}
        {admin && (
          <Tile
            size="wide"
            glyph="历"
            title="工作日历"
            desc="法定节假日与调休：录入国务院通知，期限自动重算"
            onClick={() => navigate(ROUTES.adminCalendar)}
          />
        )}
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
