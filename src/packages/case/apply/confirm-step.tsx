import { Text, View } from '@tarojs/components'
import { maskIdNumber, maskPhone } from '../../../../types/domain/masking'
import type { FormField as FieldDef } from '../../../../types/domain/matter-form'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { formValuesOut } from '../../../components/matter-fields'
import { applicantOut } from './application'
import type { Application } from './use-application'

/** A form value as the confirm step shows it: ID and phone numbers masked, as everywhere else on screen. */
function shownValue(f: FieldDef, v: string | number | undefined): string {
  if (v === undefined) return '（未填）'
  if (f.type === 'idNumber') return maskIdNumber(String(v))
  if (f.type === 'phone') return maskPhone(String(v))
  return String(v)
}

/** 请核对后提交: everything as it will be sent, then 确认提交 or 返回修改. */
export function ConfirmStep({ app, rootClass }: { app: Application; rootClass: string }) {
  const { model: m, delivery, failure, busy } = app.state
  const { supplementMode } = app
  const a = applicantOut(app.state.applicant)
  const values = formValuesOut(m.fields, app.state.form)
  return (
    <View className={`${rootClass} case-page case-apply case-confirm`}>
      <View className="case-page__head">
        <Text className="case-page__step">{supplementMode ? '提交补正' : '确认提交'}</Text>
        <Text className="case-page__title">请核对后提交</Text>
        <Text className="case-page__sub">{m.matterName}</Text>
      </View>
      <Section title="申请人">
        {app.state.relation !== null && <InfoRow label="代家人申请">申请人是您的{app.state.relation.trim()}</InfoRow>}
        <InfoRow label="姓名" strong>
          {a.name}
        </InfoRow>
        <InfoRow label="身份证">{maskIdNumber(a.idNumber)}</InfoRow>
        <InfoRow label="手机号">{maskPhone(a.phone)}</InfoRow>
      </Section>
      {m.fields.length > 0 && (
        <Section title="申请表">
          {m.fields.map((f) => (
            <InfoRow key={f.key} label={f.label} wide>
              {shownValue(f, values[f.key])}
            </InfoRow>
          ))}
        </Section>
      )}
      <Section title="材料">
        {m.materials.map((x) => (
          <InfoRow key={x.index} label={`${x.index + 1}.`}>
            {x.name}：{x.uploadable ? (x.files.length ? `已上传${x.files.length}份` : '未上传') : '到窗口提交或核验'}
          </InfoRow>
        ))}
      </Section>
      <Section title="领取方式">
        {delivery.method === 'mail' ? (
          <View>
            <InfoRow label="方式" strong>
              邮寄到家
            </InfoRow>
            <InfoRow label="收件人">
              {delivery.recipient.trim()} {maskPhone(delivery.phone.trim())}
            </InfoRow>
            <InfoRow label="地址">{delivery.address.trim()}</InfoRow>
          </View>
        ) : (
          <InfoRow label="方式" strong>
            到中心统一窗口领取
          </InfoRow>
        )}
      </Section>
      <Text className="case-page__note case-page__note--pad">提交后，工作人员将进行预审；如需补正，会一次性告知全部需要补充的内容。</Text>
      {failure && <Text className="case-page__error">{failure.message}</Text>}
      <View className="case-page__actions">
        <BigButton
          text={supplementMode ? '确认提交补正' : '确认提交申请'}
          loading={busy === 'submit'}
          disabled={Boolean(busy)}
          onClick={app.submit}
        />
        <BigButton kind="secondary" text="返回修改" disabled={Boolean(busy)} onClick={app.backToEdit} />
      </View>
    </View>
  )
}
