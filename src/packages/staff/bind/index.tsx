import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { invitationCodeSchema } from '../../../../types/contracts/staff'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { staffContract } from '../../../../types/contracts/staff'
import { ROLE_LABELS } from '../../../../types/roles'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { CodeField } from '../code-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { useLargeText } from '../../../hooks/useLargeText'
import { staffApi } from '../../../services/api/staff'
import { redirect } from '../../../utils/nav'
import '../staff.scss'
import './index.scss'

type Bound = ActionOutput<typeof staffContract, 'bindInvitation'>

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
    const r = await staffApi.bindInvitation({ code: parsed.data })
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
          <BigButton text="进入工作台" onClick={() => redirect(ROUTES.staffHome)} />
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
      <CodeField
        label="邀请码"
        value={code}
        maxlength={12}
        placeholder="10位字母或数字"
        error={error}
        inputClass="staff-bind__input"
        onChange={(typed) => {
          setCode(typed)
          setError('')
        }}
        onConfirm={submit}
      />
      <View className="staff__actions">
        <BigButton text="绑定" loading={busy} loadingText="正在绑定…" onClick={submit} />
      </View>
      <Text className="staff__note">仅限政务服务中心工作人员。群众办事无需绑定。</Text>
    </View>
  )
}
