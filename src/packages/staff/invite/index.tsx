import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActionOutput } from '../../../../types/contracts/contract'
import { staffContract } from '../../../../types/contracts/staff'
import { issuesOf, type Issue } from '../../../../types/result'
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../../../types/roles'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { staffApi } from '../../../services/api/staff'
import { beijingDateTime } from '../../../utils/case'
import '../staff.scss'
import './index.scss'
import { windowNumberLabel } from '../../../../types/domain/catalog'

type Invitation = ActionOutput<typeof staffContract, 'createInvitation'>
const ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

/** Field errors by the input's top-level field (the last issue of a field wins, as the form always showed). */
const fieldErrors = (issues: Issue[]) => Object.fromEntries(issues.map((i) => [i.path.split('.')[0] || 'form', i.message]))

/**
 * 邀请工作人员 (admin only): a one-time code that binds the new colleague's own WeChat account
 * with the role, department and windows chosen here. The server refuses anyone but an admin.
 */
export default function StaffInvite() {
  const { rootClass } = useLargeText()
  const departments = useLoad(() => catalogApi.listDepartments(), [], { onShow: false })
  const [role, setRole] = useState<StaffRole>('window_staff')
  const [departmentId, setDepartmentId] = useState('')
  const [windowIds, setWindowIds] = useState<string[]>([])
  const [staffNo, setStaffNo] = useState('')
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [made, setMade] = useState<Invitation | null>(null)

  const submit = async () => {
    if (busy) return
    const input = { role, departmentId, windowIds, staffNo, name }
    const parsed = staffContract.actions.createInvitation.input.safeParse(input)
    if (!parsed.success) return setErrors(fieldErrors(issuesOf(parsed.error)))
    setBusy(true)
    setErrors({})
    const r = await staffApi.createInvitation(parsed.data)
    setBusy(false)
    if (r.ok) setMade(r.data)
    else setErrors(r.error.issues?.length ? fieldErrors(r.error.issues) : { form: r.error.message })
  }

  if (made) {
    return (
      <View className={`${rootClass} staff staff-invite`}>
        <View className="staff-invite__code-card">
          <Text className="staff-invite__label">邀请码（只能使用一次）</Text>
          <Text className="staff-invite__code">{made.code}</Text>
          <Text className="staff-invite__note">
            请当面或通过工作群发给 {name}（{made.staffNo}），在「绑定工作人员身份」页输入。
          </Text>
        </View>
        <Section title="邀请信息">
          <InfoRow label="角色">{ROLE_LABELS[role]}</InfoRow>
          <InfoRow label="有效期至">{beijingDateTime(made.expiresAt)}</InfoRow>
        </Section>
        <View className="staff__actions">
          <BigButton text="再邀请一位" onClick={() => (setMade(null), setStaffNo(''), setName(''), setWindowIds([]))} />
        </View>
      </View>
    )
  }

  const dept = departments.data?.departments.find((d) => d.id === departmentId)
  return (
    <View className={`${rootClass} staff staff-invite`}>
      <View className="staff__head">
        <Text className="staff__title">邀请工作人员</Text>
        <Text className="staff__sub">生成一次性邀请码，默认72小时内有效。</Text>
      </View>
      <LoadStatus of={departments} />
      {departments.data && (
        <View className="section">
          <FormField label="角色" name="role" error={errors.role}>
            <ChoiceChips options={ROLE_OPTIONS} value={role} onChange={setRole} name="role" />
          </FormField>
          <FormField label="部门" name="departmentId" error={errors.departmentId}>
            <ChoiceChips
              options={departments.data.departments.map((d) => ({ value: d.id, label: d.name }))}
              value={departmentId}
              onChange={(id) => (setDepartmentId(id), setWindowIds([]))}
              name="department"
            />
          </FormField>
          {dept && dept.windows.length > 0 && (
            <FormField label="负责窗口（可多选）" name="windowIds" error={errors.windowIds}>
              <View className="staff-invite__windows">
                {dept.windows.map((w) => {
                  const on = windowIds.includes(w.id)
                  return (
                    <View
                      key={w.id}
                      className={`choice-chips__chip${on ? ' choice-chips__chip--on' : ''}`}
                      onClick={() => setWindowIds((xs) => (on ? xs.filter((x) => x !== w.id) : [...xs, w.id]))}
                    >
                      {on ? `✓ ${windowNumberLabel(w.number)}` : windowNumberLabel(w.number)}
                    </View>
                  )
                })}
              </View>
            </FormField>
          )}
          <FormField label="工号" name="staffNo" error={errors.staffNo}>
            <Input
              className="form-field__input"
              value={staffNo}
              maxlength={12}
              placeholder="如 ZW0101"
              onInput={(e) => setStaffNo(e.detail.value.toUpperCase())}
            />
          </FormField>
          <FormField label="姓名" name="name" error={errors.name}>
            <Input
              className="form-field__input"
              value={name}
              maxlength={20}
              placeholder="工作人员姓名"
              onInput={(e) => setName(e.detail.value)}
            />
          </FormField>
          {errors.form && <Text className="staff-invite__error">{errors.form}</Text>}
        </View>
      )}
      <View className="staff__actions">
        <BigButton text="生成邀请码" loading={busy} loadingText="正在生成…" disabled={!departments.data} onClick={submit} />
      </View>
    </View>
  )
}
