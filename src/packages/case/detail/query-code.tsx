import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { formatQueryCode } from '../../../../types/domain/lookup'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { caseApi } from '../../../services/api/case'
import { alert, confirm, toast } from '../../../utils/alert'

/**
 * 给家人查进度: the case's query code (查询码), the applicant's secret for a relative's lookup, and
 * a way to replace it when it reached someone it should not have (the old one stops working).
 */
export function QueryCode({ caseId, code, onChanged }: { caseId: string; code: string; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const reset = async () => {
    const sure = await confirm({
      title: '换一个查询码',
      content: '换码后旧查询码立即失效，已告诉的家人需要用新码查询。确定换码吗？',
      confirmText: '换码',
      cancelText: '不换',
    })
    if (!sure) return
    setBusy(true)
    const r = await caseApi.resetQueryCode({ caseId })
    setBusy(false)
    if (r.ok) toast('已换新码', 'success')
    else await alert('未能换码', r.error.message)
    onChanged()
  }
  return (
    <Section title="给家人查进度">
      <InfoRow label="查询码" strong>
        <Text className="case-detail__query-code">{formatQueryCode(code)}</Text>
      </InfoRow>
      <Text className="case-page__note">
        家人凭办件编号、查询码和您的姓名、证件号（或手机号）后四位，可在「进度查询」看到办理阶段。请只告诉信任的家人。
      </Text>
      <View className="case-detail__query-reset" hoverClass="case-detail__query-reset--pressed" onClick={busy ? undefined : reset}>
        {busy ? '正在换码…' : '换一个查询码'}
      </View>
    </Section>
  )
}
