import { Text, View } from '@tarojs/components'
import { BigButton } from '../../../components/big-button'
import { Section } from '../../../components/section'
import { MatterFields } from '../../../components/matter-fields'
import { ApplicantSection } from './applicant-section'
import { problemsFor } from './application'
import { DeliverySection } from './delivery-section'
import { MaterialItem } from './material-item'
import { SupplementBanner } from './supplement-banner'
import type { Application } from './use-application'

/** The form: who applies, the matter's own fields, the materials, how to receive the result; then 下一步 or 保存草稿. */
export function EditStep({ app, rootClass }: { app: Application; rootClass: string }) {
  const { model: m, errors, failure, busy, sending, libraryFor, savedAt } = app.state
  const { supplementMode } = app
  // A field's own error first, else what the 补正 says about it.
  const fieldErrors = Object.fromEntries(
    m.fields.map((f) => {
      const problem = problemsFor(m, f.label)[0]
      return [f.key, errors[`f.${f.key}`] ?? (problem ? `需补正：${problem}` : undefined)]
    }),
  )
  const held = Boolean(busy) || sending !== null

  return (
    <View className={`${rootClass} case-page case-apply`}>
      <View className="case-page__head">
        <Text className="case-page__step">{supplementMode ? '补正材料' : '网上申请'}</Text>
        <Text className="case-page__title">{m.matterName}</Text>
        {m.caseNo && <Text className="case-page__sub">办件编号 {m.caseNo}</Text>}
        {m.resumed && <Text className="case-page__sub case-apply__resumed">已为您打开上次保存的草稿</Text>}
      </View>

      {m.assist && (
        <Section title="帮办员已为您代填">
          <Text className="case-page__note">
            {m.assist.helper}已根据与您的沟通填写了申请表，请逐项核对，确认无误后补全材料并提交；提交后由您本人账号办理。
          </Text>
          <Text className="case-page__note case-apply__assist-note">帮办员说明：{m.assist.note}</Text>
        </Section>
      )}

      {supplementMode && m.supplement && m.supplement.items.length > 0 && <SupplementBanner supplement={m.supplement} />}

      {failure && <Text className="case-page__error">{failure.message}</Text>}

      <ApplicantSection
        applicant={app.state.applicant}
        relation={app.state.relation}
        errors={errors}
        onType={app.typeApplicant}
        onForOther={app.chooseForOther}
        onRelation={app.typeRelation}
      />

      {m.fields.length > 0 && (
        <Section title="申请表">
          <MatterFields fields={m.fields} values={app.state.form} errors={fieldErrors} onChange={app.typeField} />
        </Section>
      )}

      <Section title={`申请材料（共${m.materials.length}项）`}>
        <Text className="case-page__note">可上传JPEG、PNG照片或PDF，每份不超过2MB；照片会先在手机上压缩。</Text>
        {m.materials.map((x) => (
          <MaterialItem
            key={x.index}
            slot={x}
            problems={problemsFor(m, x.name)}
            error={errors[`m.${x.index}`]}
            sending={sending === x.index}
            libraryOpen={libraryFor === x.index}
            onUpload={() => app.upload(x)}
            onOpenLibrary={() => app.toggleLibrary(x)}
            onPick={(item) => app.attachFromLibrary(x, item)}
            onRemove={(f) => app.remove(x, f)}
          />
        ))}
      </Section>

      <DeliverySection delivery={app.state.delivery} errors={errors} onChoose={app.chooseDelivery} onType={app.typeMail} />

      {errors.page && <Text className="case-page__error">{errors.page}</Text>}
      <View className="case-page__actions">
        <BigButton text={supplementMode ? '下一步：核对并提交补正' : '下一步：核对并提交'} disabled={held} onClick={app.review} />
        <BigButton
          kind="secondary"
          text="保存草稿"
          loading={busy === 'save'}
          loadingText="正在保存…"
          disabled={held}
          onClick={app.saveDraft}
        />
        {savedAt && <Text className="case-page__note case-page__note--center">草稿已于 {savedAt} 保存，可在「我的办件」中继续填写</Text>}
      </View>
    </View>
  )
}
