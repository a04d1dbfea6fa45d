import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { LoadStatus } from '../../../components/status-view'
import { TextField } from '../../../components/text-field'
import { useLoad } from '../../../hooks/useLoad'
import { staffApi } from '../../../services/api/staff'
import { alertError, confirm, toast } from '../../../utils/alert'
import { beijingTimeOf } from '../../../utils/dates'
import { navigate } from '../../../utils/nav'

const when = (iso: string) => `${iso.slice(0, 10)} ${beijingTimeOf(iso)}`

/**
 * 签到屏幕 (admin): register a screen for the hall's entrance and revoke one. The registration code
 * is shown once, here: the server keeps only its hash, so a lost code means a new registration.
 */
export function Displays() {
  const list = useLoad(() => staffApi.listDisplays(), [])
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [made, setMade] = useState<{ name: string; token: string } | undefined>()

  const register = async () => {
    if (busy) return
    if (name.trim().length < 2) return setError('请填写屏幕名称，如「一楼东门签到屏」')
    setBusy(true)
    const r = await staffApi.registerDisplay({ name })
    setBusy(false)
    if (!r.ok) return alertError('登记失败', r.error)
    setMade({ name: r.data.name, token: r.data.token })
    setName('')
    void list.refresh()
  }

  const revoke = async (displayId: string, displayName: string) => {
    const yes = await confirm({
      title: '停用签到屏幕',
      content: `停用「${displayName}」后它将取不到签到码。`,
      confirmText: '停用',
      danger: true,
    })
    if (!yes) return
    const r = await staffApi.revokeDisplay({ displayId })
    if (!r.ok) return alertError('停用失败', r.error)
    toast('已停用', 'success')
    void list.refresh()
  }

  return (
    <View className="attendance__displays">
      <Text className="attendance__section">签到屏幕（管理员）</Text>
      <Text className="staff__note">大厅入口的屏幕打开「签到码」页面并输入登记码后，显示每30秒更换的签到二维码。登记码只显示一次。</Text>
      {made && (
        <View className="attendance__made">
          <Text className="attendance__made-title">「{made.name}」的登记码</Text>
          <Text className="attendance__made-token" userSelect>
            {made.token}
          </Text>
          <BigButton kind="secondary" text="在本设备打开签到屏幕" onClick={() => navigate(ROUTES.hallCode, { token: made.token })} />
        </View>
      )}
      <View className="attendance__form">
        <TextField
          label="新屏幕名称"
          name="displayName"
          maxlength={20}
          placeholder="如 一楼东门签到屏"
          value={name}
          error={error}
          onType={(v) => (setName(v), setError(''))}
        />
      </View>
      <View className="staff__actions">
        <BigButton text="登记签到屏幕" loading={busy} loadingText="正在登记…" onClick={register} />
      </View>
      <LoadStatus of={list} />
      {list.data?.displays.map((d) => (
        <View key={d.displayId} className="attendance__window">
          <View className="attendance__person-text">
            <Text className="attendance__window-name">{d.name}</Text>
            <Text className="attendance__person-desc">
              {d.revokedAt ? `已停用 ${when(d.revokedAt)}` : d.lastSeenAt ? `最近在线 ${when(d.lastSeenAt)}` : '尚未连接'} · 登记人{' '}
              {d.createdBy}
            </Text>
          </View>
          {!d.revokedAt && (
            <Text className="attendance__revoke" onClick={() => revoke(d.displayId, d.name)}>
              停用
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
