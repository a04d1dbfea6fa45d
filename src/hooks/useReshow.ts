import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/** Runs `fn` each time the page is shown again (not on its first show), e.g. to reload seat counts after coming back. */
export function useReshow(fn: () => void): void {
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else fn()
  })
}
