import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { BigButton } from '../../../components/big-button'
import { StatusView } from '../../../components/status-view'
import { Tile } from '../../../components/tile'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { useRemote } from '../../../hooks/useRemote'
import { calendarStatus } from '../../../services/calendar'
import { myShifts, signIn, signOut } from '../../../services/staff'
import { beijingTimeOf } from '../../../utils/dates'
import { useStaffMe, windowName, type StaffMe } from '../staff'
import { ReschedulePanel } from './reschedule'
import '../staff.scss'
import './index.scss'

/** 签到签退: today's shift record; signing in names my window when I have exactly one. */
function ShiftCard({ me }: { me: StaffMe }) {
  const shifts = useLiveRemote(myShifts, [])
  const [busy, setBusy] = useState(false)
  const s = shifts.data
  const open = s?.shifts.find((x) => !x.signedOutAt)

  const toggle = async () => {
    if (busy || !s) return
    if (open) {
      const ok = await Taro.showModal({ title: '签退', content: '确定下岗签退吗？', confirmText: '签退' })
      if (!ok.confirm) return
    }
    setBusy(true)
    const r = open ? await signOut() : await signIn(me.windows.length === 1 ? me.windows[0].id : undefined)
    setBusy(false)
    if (r.ok) Taro.showToast({ title: open ? '已签退' : '已签到', icon: 'success' })
    else await Taro.showModal({ title: open ? '未能签退' : '未能签到', content: r.error.message, showCancel: false, confirmText: '知道了' })
    shifts.refresh()
  }

  return (
    <View className={`staff-shift${s?.onDuty ? ' staff-shift--on' : ''}`}>
      <View className="staff-shift__text">
        <Text className="staff-shift__title">{!s ? '签到签退' : s.onDuty ? '在岗' : '未签到'}</Text>
        <Text className="staff-shift__desc">
          {shifts.error && !s
            ? shifts.error.message
            : !s
              ? '正在读取…'
              : s.shifts.length === 0
                ? '今天还没有签到记录'
                : s.shifts.map((x) => `${beijingTimeOf(x.signedInAt)}–${x.signedOutAt ? beijingTimeOf(x.signedOutAt) : '在岗'}`).join('，')}
        </Text>
      </View>
      <View className="staff-shift__button">
        <BigButton
          kind={s?.onDuty ? 'secondary' : 'primary'}
          text={busy ? '…' : s?.onDuty ? '签退' : '签到'}
          disabled={busy || !s}
          onClick={toggle}
        />
      </View>
    </View>
  )
}

const CALENDAR_PAGE = '/packages/admin/calendar/index'

/**
 * 放假安排未公布: while a year the deadlines reach into is still provisional, every staff member
 * reads why dates may move; the admin gets the way to enter the notice.
 */
function CalendarBanner({ admin }: { admin: boolean }) {
  const status = useRemote(calendarStatus, [])
  const banner = status.status === 'ready' ? status.data.banner : undefined
  if (!banner) return null
  return (
    <View className="staff-banner">
      <Text className="staff-banner__text">{banner.text}</Text>
      {admin && (
        <Text className="staff-banner__link" onClick={() => Taro.navigateTo({ url: `${CALENDAR_PAGE}?year=${banner.years[0] ?? ''}` })}>
          去录入 ›
        </Text>
      )}
    </View>
  )
}

/** The staff home: who I am, my shift, and the daily tools. */
export default function StaffHome() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  const go = (page: string) => Taro.navigateTo({ url: `/packages/staff/${page}/index` })

  return (
    <View className={`${rootClass} staff staff-home`}>
      {me.status === 'loading' && <StatusView kind="loading" />}
      {me.status === 'error' && <StatusView kind="error" message={me.error.message} onRetry={me.retry} />}
      {me.status === 'not-staff' && (
        <View>
          <StatusView kind="empty" message="工作台仅限中心工作人员使用" />
          <View className="staff__actions">
            <BigButton text="用邀请码绑定工作人员身份" onClick={() => Taro.redirectTo({ url: '/packages/staff/bind/index' })} />
          </View>
        </View>
      )}
      {me.status === 'ready' && (
        <View>
          <CalendarBanner admin={me.me.role === 'admin'} />
          <View className="staff__head">
            <Text className="staff__title">
              {me.me.name}（{me.me.staffNo}）
            </Text>
            <Text className="staff__sub">{me.me.roleLabel}</Text>
            {me.me.windows.length > 0 && me.me.windows.length <= 4 && (
              <Text className="staff__sub">负责：{me.me.windows.map(windowName).join('、')}</Text>
            )}
          </View>
          <ShiftCard me={me.me} />
          <ReschedulePanel />
          <View className="staff-home__tiles">
            <Tile
              size="wide"
              tone="primary"
              glyph="件"
              title="办件"
              desc="本部门网上申请：预审、补正、受理、办结、出件"
              onClick={() => go('cases')}
            />
            <Tile size="wide" glyph="问" title="咨询" desc="认领、答复群众咨询（首问负责制）" onClick={() => go('inquiries')} />
            <Tile size="wide" glyph="叫" title="窗口叫号" desc="叫号、重呼、过号、办结、转窗口" onClick={() => go('console')} />
            <Tile size="wide" glyph="签" title="预约签到" desc="输入或扫描预约码，为群众取号" onClick={() => go('checkin')} />
            <Tile size="wide" glyph="今" title="今日预约" desc="我负责窗口的预约名单" onClick={() => go('today')} />
            {me.me.role === 'admin' && (
              <Tile
                size="wide"
                glyph="邀"
                title="邀请工作人员"
                desc="生成一次性邀请码，新同事用自己的微信绑定"
                onClick={() => go('invite')}
              />
            )}
            {me.me.role === 'admin' && (
              <Tile
                size="wide"
                glyph="历"
                title="工作日历"
                desc="法定节假日与调休：录入国务院通知，期限自动重算"
                onClick={() => Taro.navigateTo({ url: CALENDAR_PAGE })}
              />
            )}
          </View>
        </View>
      )}
    </View>
  )
}
