import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppErrorBody, Result } from '../../types/result'

export interface LiveRemote<T> {
  /** The latest answer; kept while a refresh runs, so a poll never flashes a spinner. */
  data?: T
  /** The last refresh's error (with `data` still the older answer, if any). */
  error?: AppErrorBody
  loading: boolean
  refresh: () => Promise<void>
}

/**
 * A service call that stays fresh: loads when `deps` change, again each time the page is shown,
 * and every `intervalMs` while it is visible (polling stops in the background: WeChat suspends
 * hidden pages' timers anyway, and a poll nobody sees only costs the centre's quota).
 * A superseded answer is dropped, as in useRemote.
 */
export function useLiveRemote<T>(load: () => Promise<Result<T>>, deps: unknown[], intervalMs = 0): LiveRemote<T> {
  const [state, setState] = useState<{ data?: T; error?: AppErrorBody; loading: boolean }>({ loading: true })
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const refresh = useCallback(async () => {
    const mine = ++seq.current
    setState((s) => ({ ...s, loading: true }))
    const r = await loadRef.current()
    if (mine !== seq.current) return
    setState((s) => (r.ok ? { data: r.data, loading: false } : { data: s.data, error: r.error, loading: false }))
  }, [])

  const visible = useRef(true)
  useEffect(() => {
    setState({ loading: true })
    refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  const first = useRef(true)
  useDidShow(() => {
    visible.current = true
    if (first.current)
      first.current = false // the deps effect has just loaded
    else refresh()
  })
  useDidHide(() => {
    visible.current = false
  })

  useEffect(() => {
    if (!intervalMs) return
    const t = setInterval(() => {
      if (visible.current) refresh()
    }, intervalMs)
    return () => clearInterval(t)
  }, [intervalMs, refresh])

  return { ...state, refresh }
}
