import { deliverySchema, onBehalfRelationSchema } from '../../../../types/contracts/case'
import { missingUploads } from '../../../../types/domain/case-material'
import { formSchemaOf } from '../../../../types/domain/matter-form'
import { profileSchema } from '../../../../types/domain/profile'
import { issuesOf, type Issue } from '../../../../types/result'
import { formValuesOut, type FormDraft } from '../../../components/matter-fields'
import { applicantOut, deliveryOut, type Applicant, type DeliveryDraft, type Model } from './application'

/** What the page checks itself, with the same schemas the case function checks on the server. */

interface Typed {
  model: Model
  applicant: Applicant
  relation: string | null
  form: FormDraft
  delivery: DeliveryDraft
}

/** Who applies and the matter's form: each wrong field, or (partial) each field already typed wrong. */
function typedIssues({ model, applicant, relation, form }: Typed, partial: boolean): Issue[] {
  const a = profileSchema.safeParse(applicantOut(applicant))
  const f = formSchemaOf(model.fields, { partial }).safeParse(formValuesOut(model.fields, form))
  const r = relation === null ? undefined : onBehalfRelationSchema.min(1, '请填写申请人是您的什么人，如：父亲').safeParse(relation)
  return [
    ...(r && !r.success ? issuesOf(r.error, 'applicant.relation') : []),
    ...(a.success ? [] : issuesOf(a.error, 'applicant.')),
    ...(f.success ? [] : issuesOf(f.error, 'form.')),
  ]
}

/** What a draft needs to be stored: who applies, and no field that is already wrong. */
export const draftIssues = (t: Typed): Issue[] => typedIssues(t, true)

/** The whole check before the confirm step: the applicant, the matter's own schema, delivery, every required upload. */
export function submitIssues(t: Typed): Issue[] {
  const issues = typedIssues(t, false)
  const d = deliverySchema.safeParse(deliveryOut(t.delivery))
  if (!d.success) issues.push(...issuesOf(d.error, 'delivery.'))
  for (const m of missingUploads(t.model.materials)) issues.push({ path: `materials.${m.index}`, message: m.message })
  return issues
}

/** A postal address is stored only once it is complete: a half-typed one stays on the page. */
export const completeDelivery = (delivery: DeliveryDraft) => {
  const d = deliveryOut(delivery)
  return deliverySchema.safeParse(d).success ? d : undefined
}
