import { Text, View } from '@tarojs/components'
import type { CaseView } from '../../../../types/contracts/case'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { CONTENT_TYPE_LABELS, fileSizeText } from '../../../utils/case'
import { openMaterial } from '../../../utils/files'
import { windowName } from '../../../utils/windows'

/** 申请人 and 申请表: what the applicant entered (each view is logged on the server). */
export function ApplicantSections({ c }: { c: CaseView }) {
  const a = c.applicant
  return (
    <>
      <Section title="申请人">
        <InfoRow label="姓名" strong>
          {a.name}
        </InfoRow>
        <InfoRow label="身份证">{a.idNumber}</InfoRow>
        <InfoRow label="手机号">{a.phone}</InfoRow>
        {a.address && <InfoRow label="地址">{a.address}</InfoRow>}
        {c.onBehalf && <InfoRow label="代为申请">家属用本人微信代为申请，申请人是其{c.onBehalf.relation}</InfoRow>}
        <Text className="staff-case__hint">查看记录已留痕。个人信息仅用于办理本件。</Text>
      </Section>

      {c.formFields.length > 0 && (
        <Section title="申请表">
          {c.formFields.map((f) => (
            <InfoRow key={f.key} label={f.label} wide>
              {c.form[f.key] === undefined ? '（未填）' : String(c.form[f.key])}
            </InfoRow>
          ))}
        </Section>
      )}
    </>
  )
}

/** 申请材料: each checklist item and its files, opened through links that expire after 10 minutes. */
export function MaterialsSection({ c }: { c: CaseView }) {
  return (
    <Section title="申请材料">
      {c.materials.map((m) => (
        <View key={m.index} className="staff-case__material">
          <Text className="staff-case__material-name">
            {m.index + 1}. {m.name}
          </Text>
          <View>
            <Tag text={m.required ? '必须' : '按情况'} tone={m.required ? 'orange' : 'gray'} />
            {!m.uploadable && <Tag text="窗口核验" tone="gray" />}
          </View>
          {m.uploadable && m.files.length === 0 && <Text className="staff-case__hint">未上传</Text>}
          {m.files.map((f) => (
            <View key={f.libraryId} className="staff-file">
              <Text className="staff-file__name">{f.fileName}</Text>
              <Text className="staff-file__size">
                {CONTENT_TYPE_LABELS[f.contentType]} {fileSizeText(f.size)}
              </Text>
              {f.url ? (
                <View
                  className="staff-file__open"
                  hoverClass="staff-file__open--pressed"
                  onClick={() => openMaterial(f.url!, f.contentType)}
                >
                  查看
                </View>
              ) : (
                <Text className="staff-file__size">无权查看</Text>
              )}
            </View>
          ))}
        </View>
      ))}
      <Text className="staff-case__hint">查看链接10分钟内有效，过期请下拉刷新页面。</Text>
    </Section>
  )
}

/** 领取方式 with the result's pickup window, parcel or refusal reason. */
export function DeliverySection({ c }: { c: CaseView }) {
  return (
    <Section title="领取方式">
      {c.delivery.method === 'mail' ? (
        <View>
          <InfoRow label="方式" strong>
            邮寄
          </InfoRow>
          <InfoRow label="收件人">
            {c.delivery.recipient} {c.delivery.phone}
          </InfoRow>
          <InfoRow label="地址">{c.delivery.address}</InfoRow>
        </View>
      ) : (
        <InfoRow label="方式" strong>
          统一窗口领取
        </InfoRow>
      )}
      {c.result?.pickup && (
        <InfoRow label="出件窗口">{windowName({ number: c.result.pickup.windowNumber, name: c.result.pickup.windowName })}</InfoRow>
      )}
      {c.result?.mail && (
        <InfoRow label="运单">
          {c.result.mail.carrier} {c.result.mail.trackingNo}
        </InfoRow>
      )}
      {c.result?.reason && <InfoRow label="不予理由">{c.result.reason}</InfoRow>}
    </Section>
  )
}

/** The open supplement notice and, for a 联办件, each department's sub-task. */
export function SupplementAndSubtasks({ c }: { c: CaseView }) {
  return (
    <>
      {c.supplement && (
        <Section title={`补正告知（第${c.supplement.round}次）`}>
          {c.supplement.items.map((i, n) => (
            <InfoRow key={n} label={`${n + 1}.`}>
              {i.target}：{i.problem}
            </InfoRow>
          ))}
          {c.supplement.note && <InfoRow label="说明">{c.supplement.note}</InfoRow>}
        </Section>
      )}

      {c.subtasks && c.subtasks.length > 0 && (
        <Section title="联办子任务">
          {c.subtasks.map((s) => (
            <InfoRow key={s.departmentId} label={s.done ? '已完成' : '办理中'}>
              {s.departmentName}
              {s.staffNo ? `（工号${s.staffNo}）` : ''}
            </InfoRow>
          ))}
        </Section>
      )}
    </>
  )
}
