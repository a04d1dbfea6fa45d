import type { CaseView, caseContract, Delivery } from '../../../../types/contracts/case'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { CaseState } from '../../../../types/domain/case-machine'
import type { FormField as FieldDef } from '../../../../types/domain/matter-form'
import type { Profile } from '../../../../types/domain/profile'
import type { AppErrorBody, Issue } from '../../../../types/result'
import { formDraftOf, type FormDraft } from '../../../components/matter-fields'

/** What the application page edits, and how it turns into what the case function takes. */

export type MatterForm = ActionOutput<typeof caseContract, 'applicationForm'>
export type LibraryItem = ActionOutput<typeof caseContract, 'myMaterials'>['items'][number]
export type FileRef = CaseView['materials'][number]['files'][number]

export interface MaterialSlot {
  index: number
  name: string
  required: boolean
  uploadable: boolean
  notes?: string
  files: FileRef[]
}

/** Everything about the application other than what the citizen types, whether it started from the matter (new) or from a saved case. */
export interface Model {
  matterId: string
  matterName: string
  fields: FieldDef[]
  materials: MaterialSlot[]
  caseId?: string
  caseNo?: string
  state: CaseState
  supplement?: CaseView['supplement']
  /** An earlier draft of the same matter was opened instead of a new one. */
  resumed: boolean
  /** The 帮办代办 request whose helper prepared this application: who, and what they noted. */
  assist?: { assistId: string; helper: string; note: string }
}

export interface Applicant {
  name: string
  idNumber: string
  phone: string
  address: string
}

export interface MailDraft {
  recipient: string
  phone: string
  address: string
}

/** How to receive the result, with the postal address kept while 窗口领取 is chosen. */
export interface DeliveryDraft extends MailDraft {
  method: Delivery['method']
}

/** Messages keyed as the page shows them: `a.name`, `f.<field>`, `d.phone`, `m.<material>`, and `page`. */
export type Errors = Record<string, string | undefined>

/** Where the page opens: what it edits and what it starts with. */
export interface Start {
  model: Model
  applicant: Applicant
  /** 代家人申请: how the applicant is related to the account holder; null when applying for oneself. */
  relation: string | null
  form: FormDraft
  delivery: DeliveryDraft
  failure: AppErrorBody | null
}

/** What a 帮办 helper prepared (assist.get's `prepared`), with who they are. */
export interface PreparedBy {
  assistId: string
  helper: string
  note: string
  form: Record<string, string | number>
}

const NO_MAIL: MailDraft = { recipient: '', phone: '', address: '' }
export const EMPTY_APPLICANT: Applicant = { name: '', idNumber: '', phone: '', address: '' }

export function applicantOut(a: Applicant): Profile {
  return {
    name: a.name.trim(),
    idNumber: a.idNumber.trim().toUpperCase(),
    phone: a.phone.trim(),
    ...(a.address.trim() ? { address: a.address.trim() } : {}),
  }
}

export function deliveryOut(d: DeliveryDraft): Delivery {
  return d.method === 'pickup'
    ? { method: d.method }
    : { method: d.method, recipient: d.recipient.trim(), phone: d.phone.trim(), address: d.address.trim() }
}

/** Issues (the page's own check or the server's) keyed the way the page shows them. */
export function errorsOf(issues: Issue[]): Errors {
  const out: Errors = {}
  for (const i of issues) {
    const key = i.path
      .replace(/^form\./, 'f.')
      .replace(/^applicant\./, 'a.')
      .replace(/^delivery\./, 'd.')
      .replace(/^materials\./, 'm.')
    out[key] ??= i.message
  }
  return out
}

/** A saved case opened again: a draft to finish (`resumed` when found by its matter) or a 补正. */
export function startOfCase(c: CaseView, resumed: boolean): Start {
  return {
    model: {
      matterId: c.matterId,
      matterName: c.matterName,
      fields: c.formFields,
      materials: c.materials.map((m) => ({ ...m })),
      caseId: c.caseId,
      caseNo: c.caseNo,
      state: c.state,
      supplement: c.state === 'supplement_requested' ? c.supplement : undefined,
      resumed,
    },
    applicant: { name: c.applicant.name, idNumber: c.applicant.idNumber, phone: c.applicant.phone, address: c.applicant.address ?? '' },
    relation: c.onBehalf?.relation ?? null,
    form: formDraftOf(c.form),
    delivery: c.delivery.method === 'mail' ? { ...c.delivery } : { method: c.delivery.method, ...NO_MAIL },
    failure: null,
  }
}

/**
 * A new application: the matter's form, prefilled from 常用信息 (避免二次录入) when there are any,
 * and with what a 帮办 helper prepared over that when the citizen opens the helper's application.
 */
export function startOfMatter(f: MatterForm, profile: Profile | null, assist?: PreparedBy): Start {
  // A form field that asks for the applicant's own details by the same key starts filled too.
  const mine: Record<string, string | undefined> = profile
    ? { name: profile.name, idNumber: profile.idNumber, phone: profile.phone, address: profile.address }
    : {}
  return {
    model: {
      matterId: f.matterId,
      matterName: f.matterName,
      fields: f.formFields,
      materials: f.materials.map((m) => ({ ...m, files: [] })),
      state: 'draft',
      resumed: false,
      ...(assist ? { assist: { assistId: assist.assistId, helper: assist.helper, note: assist.note } } : {}),
    },
    applicant: profile
      ? { name: profile.name, idNumber: profile.idNumber, phone: profile.phone, address: profile.address ?? '' }
      : EMPTY_APPLICANT,
    relation: null,
    form: {
      ...Object.fromEntries(f.formFields.filter((fd) => mine[fd.key]).map((fd) => [fd.key, mine[fd.key] ?? ''])),
      ...formDraftOf(assist?.form),
    },
    delivery: {
      method: 'pickup',
      ...(profile ? { recipient: profile.name, phone: profile.phone, address: profile.address ?? '' } : NO_MAIL),
    },
    failure: f.onlineApplication ? null : { code: 'CONFLICT', message: '该事项暂不支持网上申请，请到窗口办理' },
  }
}

/** What the clerk's 补正 asks about one form field or material (by its label or name). */
export const problemsFor = (model: Model, target: string): string[] =>
  (model.supplement?.items ?? []).filter((i) => i.target === target).map((i) => i.problem)
