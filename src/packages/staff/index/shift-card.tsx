import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../../components/big-button'
import { useLoad } from '../../../hooks/useLoad'
import { staffApi } from '../../../services/api/staff'
import { alert, confirm, toast } from '../../../utils/alert'
import { beijingTimeOf } from '../../../utils/dates'
import type { StaffMe } from '../staff'

/** 签到签退: today's shift record; signing in names my window when I have exactly one. */
export function ShiftCard({ me }: { me: StaffMe }) {
  const shifts = useLoad(() => staffApi.myShifts(), [])
  const [busy, setBusy] = useState(false)
  const s = shifts.data
  const open = s?.shifts.find((x) => !x.signedOutAt)

  const toggle = async () => {
    if (busy || !s) return
    if (open && !(await confirm({ title: '签退', content: '确定下岗签退吗？', confirmText: '签退' }))) return
    setBusy(true)
    const r = open ? await staffApi.signOut() : await staffApi.signIn(me.windows.length === 1 ? { windowId: me.windows[0].id } : {})
    setBusy(false)
    if (r.ok) toast(open ? '已签退' : '已签到', 'success')
    else await alert(open ? '未能签退' : '未能签到', r.error.message)
    void shifts.refresh()
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
          text={s?.onDuty ? '签退' : '签到'}
          loading={busy}
          loadingText="…"
          disabled={!s}
          onClick={toggle}
        />
      </View>
    </View>
  )
}
