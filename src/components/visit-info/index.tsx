import { Text } from '@tarojs/components'
import type { VisitView } from '../../../types/contracts/visit'
import { InfoRow } from '../info-row'
import { Section } from '../section'
import { messageTime } from '../../utils/messages'

/**
 * What was asked (reason, for whom, where, when suits) and, after the visit, what was done: the
 * same sections for the citizen and for staff (a supervisor's copy arrives masked from the server).
 */
export function VisitInfo({ v }: { v: VisitView }) {
  return (
    <>
      <Section title="申请内容">
        <InfoRow label="原因">
          {v.reasonLabel}
          {v.reasonNote ? `：${v.reasonNote}` : ''}
        </InfoRow>
        <InfoRow label="申请人">
          {v.relationLabel}
          {v.contactPhone ? `（电话 ${v.contactPhone}）` : ''}
        </InfoRow>
        <InfoRow label="被服务人">{v.personName}</InfoRow>
        <InfoRow label="电话">{v.personPhone}</InfoRow>
        <InfoRow label="地址">{v.address}</InfoRow>
        <InfoRow label="方便时间">{v.preferred.map((p) => p.label).join('、')}</InfoRow>
        {v.note && <InfoRow label="备注">{v.note}</InfoRow>}
        {v.rescheduleNote && <InfoRow label="改期说明">{v.rescheduleNote}</InfoRow>}
        <InfoRow label="申请时间">{messageTime(v.submittedAt)}</InfoRow>
        {v.masked && <Text className="visit-page__note">个人信息已脱敏显示。</Text>}
      </Section>
      {v.visit && (
        <Section title="上门记录">
          <InfoRow label="登记时间">{messageTime(v.visit.at)}</InfoRow>
          <InfoRow label="工作人员">{v.visit.staffName}</InfoRow>
          <InfoRow label="带去材料">{v.visit.materials.length ? v.visit.materials.join('、') : '无'}</InfoRow>
          {v.visit.note && <InfoRow label="情况说明">{v.visit.note}</InfoRow>}
        </Section>
      )}
    </>
  )
}
