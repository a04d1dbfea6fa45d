import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppErrorBody, Result } from '../../types/result'

export type Remote<T> = { status: 'loading' } | { status: 'error'; error: AppErrorBody } | { status: 'ready'; data: T }

/**
 * Loads one result-returning service call when `deps` change, and reloads on `retry`.
 * An answer to a superseded call is dropped, so a slow old response never overwrites a new one.
 */
export function useRemote<T>(load: () => Promise<Result<T>>, deps: unknown[]): Remote<T> & { retry: () => void } {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const seq = useRef(0)
  useEffect(() => {
    const mine = ++seq.current
    setState({ status: 'loading' })
    load().then((r) => {
      if (mine !== seq.current) return
      setState(r.ok ? { status: 'ready', data: r.data } : { status: 'error', error: r.error })
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
