import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { hallCodeFromText, HALL_CODE_DIGITS } from '../../../../types/domain/attendance'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { TextField } from '../../../components/text-field'
import { useLoad } from '../../../hooks/useLoad'
import { staffApi } from '../../../services/api/staff'
import { alert, confirm, toast } from '../../../utils/alert'
import { beijingTimeOf } from '../../../utils/dates'
import { navigate } from '../../../utils/nav'
import type { StaffMe } from '../staff'

const WEAPP = process.env.TARO_ENV === 'weapp'

const spanText = (x: { signedInAt?: string; signedOutAt?: string }) =>
  `${x.signedInAt ? beijingTimeOf(x.signedInAt) : '漏签到'}–${x.signedOutAt ? beijingTimeOf(x.signedOutAt) : '在岗'}`

/**
 * 签到签退: today's record, and signing in or out with the hall's rotating code as proof of being
 * there — scanned from the entrance screen in WeChat, typed in the h5 build (which has no camera
 * API). Signing in names my window when I have exactly one.
 */
export function ShiftCard({ me }: { me: StaffMe }) {
  const shifts = useLoad(() => staffApi.myShifts(), [])
  const [busy, setBusy] = useState(false)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState('')
  const s = shifts.data
  const onDuty = !!s?.onDuty
  const verb = onDuty ? '签退' : '签到'

  const send = async (code: string) => {
    setBusy(true)
    const r = onDuty
      ? await staffApi.signOut({ code })
      : await staffApi.signIn({ code, ...(me.windows.length === 1 ? { windowId: me.windows[0].id } : {}) })
    setBusy(false)
    if (r.ok) {
      setTyped('')
      setError('')
      toast(`已${verb}`, 'success')
    } else if (WEAPP) await alert(`未能${verb}`, r.error.message)
    else setError(r.error.message)
    void shifts.refresh()
  }

  const scan = async () => {
    if (busy || !s) return
    if (onDuty && !(await confirm({ title: '签退', content: '确定下岗签退吗？签退须扫描大厅屏幕上的签到码。', confirmText: '扫码签退' })))
      return
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // cancelled
    }
    const code = hallCodeFromText(text)
    if (!code) return alert('不是签到码', '请扫描大厅入口签到屏幕上的二维码')
    await send(code)
  }

  const submitTyped = async () => {
    if (busy || !s) return
    const code = hallCodeFromText(typed)
    if (!code) return setError(`请输入签到屏幕上的${HALL_CODE_DIGITS}位数字`)
    await send(code)
  }

  return (
    <View className={`staff-shift${onDuty ? ' staff-shift--on' : ''}`}>
      <View className="staff-shift__row">
        <View className="staff-shift__text">
          <Text className="staff-shift__title">{!s ? '签到签退' : onDuty ? '在岗' : '未签到'}</Text>
          <Text className="staff-shift__desc">
            {shifts.error && !s
              ? shifts.error.message
              : !s
                ? '正在读取…'
                : s.shifts.length === 0
                  ? '今天还没有签到记录'
                  : s.shifts.map(spanText).join('，')}
          </Text>
        </View>
        {WEAPP && (
          <View className="staff-shift__button">
            <BigButton
              kind={onDuty ? 'secondary' : 'primary'}
              text={`扫码${verb}`}
              loading={busy}
              loadingText="…"
              disabled={!s}
              onClick={scan}
            />
          </View>
        )}
      </View>
      {!WEAPP && s && (
        <View className="staff-shift__typed">
          <TextField
            label={`${verb}码`}
            name="hallCode"
            hint="大厅入口签到屏幕上的6位数字，每30秒更换"
            maxlength={8}
            type="number"
            confirmType="done"
            value={typed}
            error={error}
            onType={(v) => {
              setTyped(v)
              setError('')
            }}
            onConfirm={submitTyped}
          />
          <BigButton
            kind={onDuty ? 'secondary' : 'primary'}
            text={verb}
            loading={busy}
            loadingText={`正在${verb}…`}
            onClick={submitTyped}
          />
        </View>
      )}
      <Text className="staff-shift__link" onClick={() => navigate(ROUTES.supervisionAttendance)}>
        本月考勤与考核 ›
      </Text>
    </View>
  )
}
