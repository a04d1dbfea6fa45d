import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppErrorBody, Result } from '../../types/result'

export interface Loaded<T> {
  /** The latest answer; kept while a refresh runs, so a reload or a poll never flashes a spinner. */
  data?: T
  /** The last load's error (with `data` still the older answer, if there was one). */
  error?: AppErrorBody
  loading: boolean
  /** Loads again now (a 重试 button, after an action changed what the page shows). */
  refresh: () => Promise<void>
}

export interface LoadOptions {
  /** Load again each time the page is shown again (coming back from a page that changed it). Default true. */
  onShow?: boolean
  /** Poll every so many milliseconds while the page is visible (0: never). */
  intervalMs?: number
}

interface State<T> {
  deps: readonly unknown[]
  data?: T
  error?: AppErrorBody
  loading: boolean
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]))

/**
 * The one way a page loads data: a result-returning call, loaded when `deps` change (the old data
 * is dropped, as it belongs to other deps), again when the page is shown again, and every
 * `intervalMs` while it is visible. Polling stops in the background: WeChat suspends hidden pages'
 * timers anyway, and a poll nobody sees only costs the centre's quota. An answer to a superseded
 * call is dropped, so a slow old response never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[], options: LoadOptions = {}): Loaded<T> {
  const { onShow = true, intervalMs = 0 } = options
  const [state, setState] = useState<State<T>>({ deps, loading: true })
  const seq = useRef(0)
  const loadRef = useRef(load)
  const depsRef = useRef(deps)
  useEffect(() => {
    loadRef.current = load
    depsRef.current = deps
  })

  const run = useCallback(async (forDeps: readonly unknown[]) => {
    const mine = ++seq.current
    const r = await loadRef.current()
    if (mine !== seq.current) return
    setState((s) => {
      const carried = sameDeps(s.deps, forDeps) ? s.data : undefined
      return r.ok ? { deps: forDeps, data: r.data, loading: false } : { deps: forDeps, data: carried, error: r.error, loading: false }
    })
  }, [])

  const refresh = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }))
    await run(depsRef.current)
  }, [run])

  useEffect(() => {
    void run(deps)
    // The caller lists what the load depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  const visible = useRef(true)
  const shown = useRef(false)
  useDidShow(() => {
    visible.current = true
    // The first show is the page opening, which the deps effect has just loaded.
    if (shown.current && onShow) void refresh()
    shown.current = true
  })
  useDidHide(() => {
    visible.current = false
  })

  useEffect(() => {
    if (!intervalMs) return
    const t = setInterval(() => {
      if (visible.current) void refresh()
    }, intervalMs)
    return () => clearInterval(t)
  }, [intervalMs, refresh])

  // Deps changed and their load has not answered yet: nothing of the old deps is shown.
  if (!sameDeps(state.deps, deps)) return { loading: true, refresh }
  return { data: state.data, error: state.error, loading: state.loading, refresh }
}
