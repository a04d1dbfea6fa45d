import type { AppErrorBody } from '../../../../types/result'
import type { FormDraft } from '../../../components/matter-fields'
import {
  EMPTY_APPLICANT,
  type Applicant,
  type DeliveryDraft,
  type Errors,
  type FileRef,
  type MailDraft,
  type Model,
  type Start,
} from './application'

export interface ApplyState {
  model: Model
  applicant: Applicant
  relation: string | null
  form: FormDraft
  delivery: DeliveryDraft
  errors: Errors
  step: 'edit' | 'confirm'
  /** Why the application cannot go on (the matter is not online, the submit was refused). */
  failure: AppErrorBody | null
  busy: '' | 'save' | 'submit'
  /** The checklist item a file is being sent to or removed from. */
  sending: number | null
  /** The checklist item whose 我的材料 list is open. */
  libraryFor: number | null
  /** When the draft was last saved (Beijing time), for the note under the buttons. */
  savedAt: string
}

/** What the citizen did, or what came of it. */
export type ApplyEvent =
  | { type: 'typedApplicant'; key: keyof Applicant; value: string }
  | { type: 'choseForOther'; on: boolean }
  | { type: 'typedRelation'; value: string }
  | { type: 'typedField'; key: string; value: string }
  | { type: 'typedMail'; key: keyof MailDraft; value: string }
  | { type: 'choseDelivery'; method: DeliveryDraft['method'] }
  | { type: 'wasTold'; errors: Errors }
  | { type: 'caseCreated'; caseId: string; caseNo: string }
  | { type: 'fileRefused'; index: number; message: string }
  | { type: 'sendStarted'; index: number; clearsError: boolean }
  | { type: 'sendEnded' }
  | { type: 'fileAdded'; index: number; file: FileRef; fromLibrary: boolean }
  | { type: 'fileRemoved'; index: number; libraryId: string }
  | { type: 'libraryToggled'; index: number }
  | { type: 'libraryClosed' }
  | { type: 'savingStarted' }
  | { type: 'savingEnded'; savedAt?: string }
  | { type: 'reviewed' }
  | { type: 'backToEdit' }
  | { type: 'submitStarted' }
  | { type: 'submitted' }
  | { type: 'submitStopped'; errors?: Errors }
  | { type: 'submitFailed'; error: AppErrorBody }

export const startState = (s: Start): ApplyState => ({
  ...s,
  errors: {},
  step: 'edit',
  busy: '',
  sending: null,
  libraryFor: null,
  savedAt: '',
})

/** Typing into a field takes its message away, and the page's summary line with it. */
function cleared(e: Errors, key: string): Errors {
  return e[key] || e.page ? { ...e, [key]: undefined, page: undefined } : e
}

function withFiles(m: Model, index: number, files: (old: FileRef[]) => FileRef[]): Model {
  return { ...m, materials: m.materials.map((x) => (x.index === index ? { ...x, files: files(x.files) } : x)) }
}

export function applyReducer(s: ApplyState, e: ApplyEvent): ApplyState {
  switch (e.type) {
    case 'typedApplicant':
      return { ...s, applicant: { ...s.applicant, [e.key]: e.value }, errors: cleared(s.errors, `a.${e.key}`) }
    // Applying for a family member: the details prefilled from the holder's own profile are not theirs.
    case 'choseForOther':
      return e.on
        ? { ...s, relation: s.relation ?? '', applicant: s.relation === null ? EMPTY_APPLICANT : s.applicant }
        : { ...s, relation: null, errors: cleared(s.errors, 'a.relation') }
    case 'typedRelation':
      return { ...s, relation: e.value, errors: cleared(s.errors, 'a.relation') }
    case 'typedField':
      return { ...s, form: { ...s.form, [e.key]: e.value }, errors: cleared(s.errors, `f.${e.key}`) }
    case 'typedMail':
      return { ...s, delivery: { ...s.delivery, [e.key]: e.value }, errors: cleared(s.errors, `d.${e.key}`) }
    case 'choseDelivery':
      return { ...s, delivery: { ...s.delivery, method: e.method } }
    case 'wasTold':
      return { ...s, errors: e.errors }
    case 'caseCreated':
      return { ...s, model: { ...s.model, caseId: e.caseId, caseNo: e.caseNo } }
    case 'fileRefused':
      return { ...s, sending: null, errors: { ...s.errors, [`m.${e.index}`]: e.message } }
    case 'sendStarted':
      return { ...s, sending: e.index, errors: e.clearsError ? cleared(s.errors, `m.${e.index}`) : s.errors }
    case 'sendEnded':
      return { ...s, sending: null }
    case 'fileAdded': {
      const model = withFiles(s.model, e.index, (files) => [...files.filter((y) => y.libraryId !== e.file.libraryId), e.file])
      if (!e.fromLibrary) return { ...s, sending: null, model }
      return { ...s, sending: null, model, errors: cleared(s.errors, `m.${e.index}`), libraryFor: null }
    }
    case 'fileRemoved':
      return { ...s, sending: null, model: withFiles(s.model, e.index, (files) => files.filter((y) => y.libraryId !== e.libraryId)) }
    case 'libraryToggled':
      return { ...s, libraryFor: s.libraryFor === e.index ? null : e.index }
    case 'libraryClosed':
      return { ...s, libraryFor: null }
    case 'savingStarted':
      return { ...s, busy: 'save' }
    case 'savingEnded':
      return { ...s, busy: '', savedAt: e.savedAt ?? s.savedAt }
    case 'reviewed':
      return { ...s, failure: null, step: 'confirm' }
    case 'backToEdit':
      return { ...s, step: 'edit' }
    case 'submitStarted':
      return { ...s, busy: 'submit', failure: null }
    case 'submitted':
      return { ...s, busy: '' }
    case 'submitStopped':
      return { ...s, busy: '', step: 'edit', errors: e.errors ?? s.errors }
    case 'submitFailed':
      return { ...s, busy: '', failure: e.error }
  }
}
