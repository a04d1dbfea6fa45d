import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Persona } from '../../../../types/domain/staff'
import { fail, ok, type Result } from '../../../../types/result'
import { ROLE_LABELS, type Role } from '../../../../types/roles'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { Section } from '../../../components/section'
import { ListCell } from '../../../components/list-cell'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { accountApi } from '../../../services/api/account'
import { devOpenid } from '../../../services/cloud'
import { STORAGE_KEYS } from '../../../services/storage-keys'
import { keptConsent, setKeptConsent, type KeptConsent } from '../../../services/subscribe'
import './index.scss'

/** Persona roles are the system roles plus 'relative' (a citizen following a family member's case). */
const roleLabel = (role: string) => (role === 'relative' ? '亲属（群众）' : (ROLE_LABELS[role as Role] ?? role))

/** The local cloud's demo personas (not a cloud function: the dev server lists them itself). */
async function loadPersonas(): Promise<Result<Persona[]>> {
  try {
    const r = await fetch('/api/dev/personas')
    if (!r.ok) throw new Error(String(r.status))
    const body = (await r.json()) as { personas?: Persona[] }
    return ok(body.personas ?? [])
  } catch {
    return fail('INTERNAL', '无法获取演示身份：请确认本地云（npm start）正在运行')
  }
}

/**
 * Local development only: the local cloud's gateway takes the caller's OPENID from the
 * `x-wx-openid` header, which the h5 app fills from storage. In WeChat the OPENID comes from
 * WeChat itself and cannot be chosen, so the weapp build shows a notice instead.
 */
function DevLogin() {
  const list = useLoad(loadPersonas, [], { onShow: false })
  const [current, setCurrent] = useState(devOpenid())
  // Asked again for each identity chosen: what the server now takes this caller for.
  const me = useLoad(() => accountApi.whoami(), [current], { onShow: false })
  const role = me.data ? roleLabel(me.data.role) : (me.error?.message ?? '')

  const choose = (openid: string) => {
    if (openid) Taro.setStorageSync(STORAGE_KEYS.devOpenid, openid)
    else Taro.removeStorageSync(STORAGE_KEYS.devOpenid)
    setCurrent(openid)
    Taro.showToast({ title: openid ? '已切换身份' : '已退出演示身份', icon: 'none' })
  }

  const personas = list.data ?? []
  const currentLabel = current ? (personas.find((p) => p.openid === current)?.label ?? current) : '未选择（匿名访问）'

  return (
    <View>
      <View className="dev-login__current">
        <Text className="dev-login__current-label">当前身份</Text>
        <Text className="dev-login__current-name">{currentLabel}</Text>
        {current && <Text className="dev-login__current-meta">OPENID：{current}</Text>}
        {role && <Text className="dev-login__current-meta">角色：{role}</Text>}
      </View>

      <LoadStatus of={list} />
      {list.data && (
        <View className="dev-login__list">
          {personas.map((p) => (
            <ListCell
              key={p.key}
              title={p.label}
              desc={`${p.openid} · ${roleLabel(p.role)}`}
              extra={p.openid === current ? '当前' : undefined}
              arrow={false}
              onClick={() => choose(p.openid)}
            />
          ))}
        </View>
      )}

      {current && (
        <View className="dev-login__actions">
          <BigButton kind="secondary" text="退出演示身份" onClick={() => choose('')} />
        </View>
      )}

      <ConsentSetting />
    </View>
  )
}

const CONSENT_OPTIONS = [
  { value: '', label: '每次询问' },
  { value: 'accept', label: '总是允许' },
  { value: 'reject', label: '总是取消' },
] as const

/** The h5 stand-in for WeChat's 「总是保持以上选择，不再询问」 in the 订阅消息 prompt. */
function ConsentSetting() {
  const [kept, setKept] = useState<KeptConsent>(keptConsent())
  const change = (v: KeptConsent) => {
    setKeptConsent(v)
    setKept(v)
  }
  return (
    <Section title="订阅消息提示">
      <ChoiceChips name="consent" options={CONSENT_OPTIONS} value={kept} onChange={change} />
      <Text className="dev-login__current-meta">提交预约、办件或取号时是否弹出“允许发送消息”的提示（模拟微信的“总是保持以上选择”）。</Text>
    </Section>
  )
}

export default function DevLoginPage() {
  const { rootClass } = useLargeText()
  return (
    <View className={`${rootClass} dev-login`}>
      {process.env.TARO_ENV === 'h5' ? <DevLogin /> : <StatusView kind="empty" message="开发登录仅在本地 H5 可用" />}
    </View>
  )
}
