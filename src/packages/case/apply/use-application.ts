import { useEffect, useReducer, useRef } from 'react'
import { ok, type AppErrorBody, type Issue, type Result } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { caseApi } from '../../../services/api/case'
import { sendMaterial } from '../../../services/material-upload'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { alert, confirm, errorText, toast } from '../../../utils/alert'
import { beijingDateTime } from '../../../utils/case'
import { pickMaterialFile } from '../../../utils/files'
import { redirect } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { formValuesOut } from '../../../components/matter-fields'
import { applicantOut, deliveryOut, errorsOf, type FileRef, type LibraryItem, type MaterialSlot, type Start } from './application'
import { completeDelivery, draftIssues, submitIssues } from './checks'
import { applyReducer, startState } from './reducer'

/** Typing stops this long before it is saved. */
const AUTOSAVE_MS = 1500

/**
 * The application as the citizen works on it: what they type, the files they add, 保存草稿, the
 * check before the confirm step, and the submit. The case is made on the first save or upload,
 * as the uploads need a case to belong to. Once it exists, what is typed is saved as it is typed,
 * as the files are (a 补正 in particular: the fields it names are checked on the server).
 */
export function useApplication(start: Start) {
  const [state, dispatch] = useReducer(applyReducer, start, startState)
  const { model } = state
  const creating = useRef<Promise<Result<{ caseId: string; caseNo: string }>> | null>(null)
  const supplementMode = model.state === 'supplement_requested'
  const typed = useRef(false)
  // A save in flight: an explicit save or the submit waits for it, so an older save never lands last.
  const autosaving = useRef<Promise<unknown> | null>(null)

  const tell = (issues: Issue[], page: string) => dispatch({ type: 'wasTold', errors: { ...errorsOf(issues), page } })

  const showServerError = (e: AppErrorBody, title: string) => {
    if (e.code === 'INVALID_INPUT' && e.issues?.length) tell(e.issues, e.message)
    void alert(title, e.message)
  }

  const checkDraftable = (): boolean => {
    const issues = draftIssues(state)
    if (issues.length) tell(issues, '请先改正标红的内容')
    return issues.length === 0
  }

  /** The case the uploads belong to: made once, however many taps ask for it at the same time. */
  const ensureCase = async (): Promise<Result<{ caseId: string }>> => {
    if (model.caseId) return ok({ caseId: model.caseId })
    creating.current ??= caseApi.createDraft({
      matterId: model.matterId,
      applicant: applicantOut(state.applicant),
      form: formValuesOut(model.fields, state.form),
      delivery: deliveryOut(state.delivery),
      ...(model.assist ? { assistId: model.assist.assistId } : {}),
      ...(state.relation?.trim() ? { relation: state.relation.trim() } : {}),
      requestId: newRequestId('cs'),
    })
    const r = await creating.current
    creating.current = null
    if (r.ok) dispatch({ type: 'caseCreated', caseId: r.data.caseId, caseNo: r.data.caseNo })
    return r
  }

  useEffect(() => {
    if (!model.caseId || !typed.current || state.busy || state.sending !== null || draftIssues(state).length) return
    const caseId = model.caseId
    const timer = setTimeout(() => {
      const delivery = completeDelivery(state.delivery)
      const save = caseApi
        .saveDraft({
          caseId,
          applicant: applicantOut(state.applicant),
          form: formValuesOut(model.fields, state.form),
          ...(delivery ? { delivery } : {}),
          relation: state.relation?.trim() ?? '',
        })
        .then((r) => {
          if (r.ok) dispatch({ type: 'savingEnded', savedAt: beijingDateTime(new Date().toISOString()) })
        })
      autosaving.current = save
      void save.finally(() => {
        if (autosaving.current === save) autosaving.current = null
      })
    }, AUTOSAVE_MS)
    return () => clearTimeout(timer)
    // Saved when what the citizen typed changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.form, state.applicant, state.delivery, state.relation, model.caseId])

  /** Stores what is typed so far; answers the case id, or undefined after showing why not. */
  const persist = async (): Promise<string | undefined> => {
    if (!checkDraftable()) return undefined
    await autosaving.current
    const c = await ensureCase()
    if (!c.ok) {
      showServerError(c.error, '未能保存')
      return undefined
    }
    const delivery = completeDelivery(state.delivery)
    const saved = await caseApi.saveDraft({
      caseId: c.data.caseId,
      applicant: applicantOut(state.applicant),
      form: formValuesOut(model.fields, state.form),
      ...(delivery ? { delivery } : {}),
      relation: state.relation?.trim() ?? '',
    })
    if (!saved.ok) {
      showServerError(saved.error, '未能保存')
      return undefined
    }
    return c.data.caseId
  }

  const saveDraft = async () => {
    if (state.busy) return
    dispatch({ type: 'savingStarted' })
    const id = await persist()
    dispatch({ type: 'savingEnded', savedAt: id ? beijingDateTime(new Date().toISOString()) : undefined })
    if (id) toast('草稿已保存', 'success')
  }

  const upload = async (slot: MaterialSlot) => {
    if (state.sending !== null || state.busy) return
    dispatch({ type: 'libraryClosed' })
    const picked = await pickMaterialFile()
    if (!picked.ok) {
      if (!picked.cancelled) dispatch({ type: 'fileRefused', index: slot.index, message: picked.message })
      return
    }
    if (!checkDraftable()) return
    dispatch({ type: 'sendStarted', index: slot.index, clearsError: true })
    const c = await ensureCase()
    const r = c.ok ? await sendMaterial(c.data.caseId, slot.index, picked.file) : c
    if (!r.ok) return dispatch({ type: 'fileRefused', index: slot.index, message: errorText(r.error) })
    dispatch({ type: 'fileAdded', index: slot.index, file: r.data, fromLibrary: false })
    toast('已上传', 'success')
  }

  const attachFromLibrary = async (slot: MaterialSlot, item: LibraryItem) => {
    if (state.sending !== null || !checkDraftable()) return
    dispatch({ type: 'sendStarted', index: slot.index, clearsError: false })
    const c = await ensureCase()
    const r = c.ok ? await caseApi.attachFromLibrary({ caseId: c.data.caseId, materialIndex: slot.index, libraryId: item.libraryId }) : c
    if (!r.ok) return dispatch({ type: 'fileRefused', index: slot.index, message: r.error.message })
    dispatch({ type: 'fileAdded', index: slot.index, file: r.data, fromLibrary: true })
  }

  const remove = async (slot: MaterialSlot, f: FileRef) => {
    if (!model.caseId) return
    const sure = await confirm({
      title: '移除材料',
      content: `从本次申请中移除「${f.fileName}」？（我的材料中仍保留）`,
      confirmText: '移除',
    })
    if (!sure) return
    dispatch({ type: 'sendStarted', index: slot.index, clearsError: false })
    const r = await caseApi.removeMaterial({ caseId: model.caseId, materialIndex: slot.index, libraryId: f.libraryId })
    if (r.ok) return dispatch({ type: 'fileRemoved', index: slot.index, libraryId: f.libraryId })
    dispatch({ type: 'sendEnded' })
    showServerError(r.error, '未能移除')
  }

  const review = () => {
    const issues = submitIssues(state)
    if (issues.length) return tell(issues, `还有${issues.length}处需要填写或改正，已标红`)
    prefetchConsent('case_submitted')
    dispatch({ type: 'reviewed' })
  }

  const submit = async () => {
    if (state.busy) return
    dispatch({ type: 'submitStarted' })
    // 订阅消息 consent inside this tap (WeChat's rule) and before the submit: progress messages
    // (accepted, supplement, result) are pushed only with a recorded grant. Never blocks the submit.
    await askConsent('case_submitted')
    const id = await persist()
    if (!id) return dispatch({ type: 'submitStopped' })
    const r = await caseApi.act({ caseId: id, transition: supplementMode ? 'resubmit' : 'submit' })
    if (r.ok) {
      dispatch({ type: 'submitted' })
      void redirect(ROUTES.caseDetail, { id, fresh: supplementMode ? 'resubmitted' : 'submitted' })
      return
    }
    if (r.error.code === 'INVALID_INPUT' && r.error.issues?.length) {
      return dispatch({ type: 'submitStopped', errors: { ...errorsOf(r.error.issues), page: r.error.message } })
    }
    dispatch({ type: 'submitFailed', error: r.error })
  }

  /** A change the citizen made: saved shortly after (above). */
  function edit(e: Parameters<typeof dispatch>[0]) {
    typed.current = true
    dispatch(e)
  }

  return {
    state,
    supplementMode,
    typeApplicant: (key: keyof typeof state.applicant, value: string) => edit({ type: 'typedApplicant', key, value }),
    chooseForOther: (on: boolean) => edit({ type: 'choseForOther', on }),
    typeRelation: (value: string) => edit({ type: 'typedRelation', value }),
    typeField: (key: string, value: string) => edit({ type: 'typedField', key, value }),
    typeMail: (key: 'recipient' | 'phone' | 'address', value: string) => edit({ type: 'typedMail', key, value }),
    chooseDelivery: (method: typeof state.delivery.method) => edit({ type: 'choseDelivery', method }),
    toggleLibrary: (slot: MaterialSlot) => dispatch({ type: 'libraryToggled', index: slot.index }),
    upload,
    attachFromLibrary,
    remove,
    saveDraft,
    review,
    backToEdit: () => dispatch({ type: 'backToEdit' }),
    submit,
  }
}

export type Application = ReturnType<typeof useApplication>
