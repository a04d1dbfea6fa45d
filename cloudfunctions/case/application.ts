import { formSchemaOf, missingFields, type FormField, type FormValues } from '../../types/domain/matter-form'
import { missingUploads } from '../../types/domain/case-material'
import { issuesOf, type Issue } from '../../types/result'
import { AppError } from '../_kit/errors'
import type { CaseDoc } from './cases'

/** Checks form values against the case's own form; a draft may be incomplete but never wrong. */
export function checkForm(fields: readonly FormField[], values: Record<string, unknown>, partial: boolean): FormValues {
  const r = formSchemaOf(fields, { partial }).safeParse(values)
  if (!r.success) throw new AppError('INVALID_INPUT', '申请表填写有误，请检查', issuesOf(r.error, 'form.'))
  return r.data as FormValues
}

/** What still stops the case from being submitted, as field issues the page can show. */
export function whatIsMissing(doc: Pick<CaseDoc, 'formFields' | 'form' | 'materials' | 'delivery'>): Issue[] {
  const issues: Issue[] = missingFields(doc.formFields, doc.form).map((label) => ({ path: 'form', message: `请填写${label}` }))
  for (const m of missingUploads(doc.materials)) issues.push({ path: `materials.${m.index}`, message: m.message })
  return issues
}
