import { useReducer } from 'react'
import type { Issue, Result } from '../../types/result'

export type ActErrors = Record<string, string>

interface State {
  busy: boolean
  errors: ActErrors
}

type Event = { type: 'refused'; errors: ActErrors } | { type: 'sent' } | { type: 'answered'; errors?: ActErrors }

function reduce(state: State, e: Event): State {
  switch (e.type) {
    case 'refused':
      return { ...state, errors: e.errors }
    case 'sent':
      return { busy: true, errors: {} }
    case 'answered':
      return { busy: false, errors: e.errors ?? {} }
  }
}

/** Field errors from the server's issues (first message per field), or one form-level message. */
function errorsOf(issues: Issue[] | undefined, message: string): ActErrors {
  const out: ActErrors = {}
  for (const i of issues ?? []) out[i.path.split('.')[0] || 'form'] ??= i.message
  return Object.keys(out).length > 0 ? out : { form: message }
}

export interface ActionState {
  busy: boolean
  errors: ActErrors
  /** Shows why the inputs cannot be sent as they are, without calling the server. */
  refuse: (errors: ActErrors) => void
  /** Makes the call; its answer's data goes to `then`, a failure's issues onto the panel's fields. */
  run: <T>(call: () => Promise<Result<T>>, then: (data: T) => void) => Promise<void>
}

/** The state every staff action panel shares (inquiries, complaints, 差评, 督办): one call at a time and the errors of the last one. */
export function useAction(): ActionState {
  const [state, dispatch] = useReducer(reduce, { busy: false, errors: {} })
  const run = async <T>(call: () => Promise<Result<T>>, then: (data: T) => void) => {
    if (state.busy) return
    dispatch({ type: 'sent' })
    const r = await call()
    dispatch({ type: 'answered', errors: r.ok ? undefined : errorsOf(r.error.issues, r.error.message) })
    if (r.ok) then(r.data)
  }
  return { ...state, refuse: (errors) => dispatch({ type: 'refused', errors }), run }
}
