import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { displayTokenSchema } from '../../../../types/domain/attendance'
import { ok } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { QrCode } from '../../../components/qr-code'
import { LoadStatus } from '../../../components/status-view'
import { TextField } from '../../../components/text-field'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { staffApi } from '../../../services/api/staff'
import { STORAGE_KEYS } from '../../../services/storage-keys'
import { redirect, useQuery } from '../../../utils/nav'
import './index.scss'

const storedToken = (): string => {
  const v: unknown = Taro.getStorageSync(STORAGE_KEYS.hallDisplayToken)
  return typeof v === 'string' ? v : ''
}

/** Modules of the sign-in QR (version 1, 21 modules, plus the quiet zone of 4 on each side). */
const QR_MODULES = 29

/**
 * Whole-pixel modules: on a phone (portrait) the code takes most of the width; on the hall's
 * television (landscape, the digits beside it) about 60 % of the height.
 */
function moduleSize(): number {
  const { windowWidth, windowHeight } = Taro.getSystemInfoSync()
  const side =
    windowWidth > windowHeight ? Math.min(windowWidth * 0.45, windowHeight * 0.6) : Math.min(windowWidth * 0.8, windowHeight * 0.55)
  return Math.max(6, Math.floor((side || 300) / QR_MODULES))
}

const secondsLeft = (msLeft: number) => Math.max(0, Math.ceil(msLeft / 1000))

/** Seconds until the code changes, by the server's clock (the screen's own clock may be wrong), counted down locally. */
function Countdown({ serverTime, validUntil }: { serverTime: string; validUntil: string }) {
  const span = Date.parse(validUntil) - Date.parse(serverTime)
  const [left, setLeft] = useState(secondsLeft(span))
  useEffect(() => {
    const start = Date.now()
    const timer = setInterval(() => setLeft(secondsLeft(span - (Date.now() - start))), 1_000)
    return () => clearInterval(timer)
  }, [span])
  return <Text className="hall-code__left">{left > 0 ? `${left} 秒后更换` : '正在更换…'}</Text>
}

/** Registration on this screen: the administrator's display token, typed in once (or given by the link). */
function Register({ refused }: { refused?: string }) {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState('')
  const save = () => {
    const parsed = displayTokenSchema.safeParse(typed.toLowerCase())
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '屏幕登记码不正确')
    Taro.setStorageSync(STORAGE_KEYS.hallDisplayToken, parsed.data)
    void redirect(ROUTES.hallCode)
  }
  return (
    <View className="hall-code__register">
      <Text className="hall-code__title">签到屏幕尚未登记</Text>
      <Text className="hall-code__note">
        {refused ?? '本页面在大厅入口的屏幕上显示工作人员签到码。'}
        请系统管理员在「考勤与考核」页面登记签到屏幕，并在此输入登记码（只需一次）。
      </Text>
      <TextField
        label="屏幕登记码"
        name="displayToken"
        maxlength={40}
        placeholder="32位字母和数字"
        value={typed}
        error={error}
        onType={(v) => (setTyped(v.trim()), setError(''))}
        onConfirm={save}
      />
      <BigButton text="保存并显示签到码" onClick={save} />
    </View>
  )
}

/**
 * 签到码: the screen at the hall's entrance. It shows the code of the current 30-second window as a
 * QR code (and its digits), asking the server every few seconds with the display's token; the
 * administrator's link carries the token once, and it is then kept in this screen's storage only.
 */
export default function HallCode() {
  const { rootClass } = useLargeText()
  const query = useQuery(ROUTES.hallCode)
  const [token] = useState(() => query.token ?? storedToken())

  useEffect(() => {
    // The link's token goes into storage and out of the address bar (and the browser's history).
    if (query.token && displayTokenSchema.safeParse(query.token).success) {
      Taro.setStorageSync(STORAGE_KEYS.hallDisplayToken, query.token)
      void redirect(ROUTES.hallCode)
    }
  }, [query.token])

  const current = useLoad(() => (token ? staffApi.hallCode({ token }) : Promise.resolve(ok(null))), [token], { intervalMs: 3_000 })
  const data = current.data
  const [module] = useState(moduleSize)

  if (current.error?.code === 'FORBIDDEN' && !data)
    return (
      <View className={`${rootClass} hall-code`}>
        <Register refused={current.error.message + '。'} />
      </View>
    )
  if (data === null)
    return (
      <View className={`${rootClass} hall-code`}>
        <Register />
      </View>
    )
  if (!data)
    return (
      <View className={`${rootClass} hall-code`}>
        <LoadStatus of={current} />
      </View>
    )

  return (
    <View className={`${rootClass} hall-code`}>
      <Text className="hall-code__title">工作人员签到签退</Text>
      <Text className="hall-code__note">打开「政务服务」小程序 › 工作台，点「扫码签到」扫描下方二维码</Text>
      <View className="hall-code__main">
        <View className="hall-code__qr">
          <QrCode value={data.payload} module={module} />
        </View>
        <View className="hall-code__side">
          <Text className="hall-code__digits">
            {data.code.slice(0, 3)} {data.code.slice(3)}
          </Text>
          <Countdown serverTime={data.serverTime} validUntil={data.validUntil} />
          {current.error && <Text className="hall-code__stale">网络不畅，正在重试：{current.error.message}</Text>}
          <Text className="hall-code__foot">
            {data.displayName} · 签到码每{data.periodSeconds}秒更换，请勿拍照转发
          </Text>
        </View>
      </View>
    </View>
  )
}
