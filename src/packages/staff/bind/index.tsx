import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { invitationCodeSchema } from '../../../../types/contracts/staff'
import type { OutputOf } from '../../../../types/contracts/contract'
import type { staffContract } from '../../../../types/contracts/staff'
import { ROLE_LABELS } from '../../../../types/roles'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { useLargeText } from '../../../hooks/useLargeText'
import { bindInvitation } from '../../../services/staff'
import '../staff.scss'
import './index.scss'

type Bound = OutputOf<(typeof staffContract.actions)['bindInvitation']>

/** 绑定工作人员身份: a one-time invitation code from the admin turns this WeChat account into a staff account. */
export default function StaffBind() {
  const { rootClass } = useLargeText()
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [bound, setBound] = useState<Bound | null>(null)

  const submit = async () => {
    if (busy) return
    const parsed = invitationCodeSchema.safeParse(code)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '邀请码不正确')
    setBusy(true)
    setError('')
    const r = await bindInvitation(parsed.data)
    setBusy(false)
    if (r.ok) setBound(r.data)
    else setError(r.error.message)
  }

  if (bound) {
    return (
      <View className={`${rootClass} staff staff-bind`}>
        <View className="staff-bind__done">
          <Text className="staff-bind__done-title">绑定成功</Text>
          <Text className="staff-bind__done-text">本微信账号已绑定为工作人员</Text>
        </View>
        <Section title="我的身份">
          <InfoRow label="姓名" strong>
            {bound.name}
          </InfoRow>
          <InfoRow label="工号">{bound.staffNo}</InfoRow>
          <InfoRow label="角色">{ROLE_LABELS[bound.role]}</InfoRow>
        </Section>
        <View className="staff__actions">
          <BigButton text="进入工作台" onClick={() => Taro.redirectTo({ url: '/packages/staff/index/index' })} />
        </View>
      </View>
    )
  }

  return (
    <View className={`${rootClass} staff staff-bind`}>
      <View className="staff__head">
        <Text className="staff__title">绑定工作人员身份</Text>
        <Text className="staff__sub">输入系统管理员发给您的10位邀请码。每个邀请码只能使用一次。</Text>
      </View>
      <View className="section">
        <FormField label="邀请码" name="code" error={error}>
          <Input
            className="form-field__input staff-bind__input"
            value={code}
            maxlength={12}
            placeholder="10位字母或数字"
            confirmType="done"
            onInput={(e) => {
              setCode(e.detail.value.toUpperCase())
              setError('')
            }}
            onConfirm={submit}
          />
        </FormField>
      </View>
      <View className="staff__actions">
        <BigButton text={busy ? '正在绑定…' : '绑定'} disabled={busy} onClick={submit} />
      </View>
      <Text className="staff__note">仅限政务服务中心工作人员。群众办事无需绑定。</Text>
    </View>
  )
}
