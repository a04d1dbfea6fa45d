import { useState } from 'react'
import type { ActionInput } from '../../../../types/contracts/contract'
import type { caseContract } from '../../../../types/contracts/case'
import type { CaseAction } from '../../../../types/domain/case-machine'
import type { Issue } from '../../../../types/result'
import { caseApi } from '../../../services/api/case'
import { toast } from '../../../utils/alert'
import { actionLabel } from '../../../utils/case'

type ActInput = ActionInput<typeof caseContract, 'act'>

/** What a transition's panel adds to the note every transition takes: the notice items, a reason, a code, the parcel, the fee charged. */
export type ActDetails = Pick<ActInput, 'items' | 'reason' | 'pickupCode' | 'mail' | 'fee'>

/** Field errors by input: `items.2` for a supplement item, else the first segment (`mail`, `reason`); `form` for the rest. */
export type ActErrors = Record<string, string>

export interface CaseActionState {
  action: CaseAction
  note: string
  setNote: (v: string) => void
  internal: boolean
  setInternal: (v: boolean) => void
  errors: ActErrors
  busy: boolean
  /** Shows why the inputs cannot be sent as they are, without calling the server. */
  refuse: (errors: ActErrors) => void
  /** Takes the transition with the panel's details, then toasts 已… and calls `onDone`; errors stay on the panel. */
  submit: (details?: ActDetails) => Promise<void>
}

function errorsOf(issues: Issue[] | undefined, message: string): ActErrors {
  const out: ActErrors = {}
  for (const i of issues ?? []) {
    const key = i.path
      .split('.')
      .slice(0, i.path.startsWith('items.') ? 2 : 1)
      .join('.')
    out[key] ??= i.message
  }
  return Object.keys(out).length > 0 ? out : { form: message }
}

/** The inputs every staff transition shares (a note, public or internal) and the one call that takes it. */
export function useCaseAction(caseId: string, action: CaseAction, onDone: () => void): CaseActionState {
  const [note, setNote] = useState('')
  const [internal, setInternal] = useState(false)
  const [errors, setErrors] = useState<ActErrors>({})
  const [busy, setBusy] = useState(false)

  const submit = async (details: ActDetails = {}) => {
    if (busy) return
    setBusy(true)
    setErrors({})
    const r = await caseApi.act({ caseId, transition: action, internal, ...(note.trim() ? { note: note.trim() } : {}), ...details })
    setBusy(false)
    if (!r.ok) return setErrors(errorsOf(r.error.issues, r.error.message))
    toast(`已${actionLabel(action)}`)
    onDone()
  }

  return { action, note, setNote, internal, setInternal, errors, busy, refuse: setErrors, submit }
}
