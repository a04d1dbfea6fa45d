import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { STORAGE_KEYS } from '../services/storage-keys'

const EVENT = 'largeText:change'

function readLargeText(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEYS.largeText) === '1'
  } catch {
    return false
  }
}

/**
 * 大字模式 (适老化): one switch, kept in storage, applied as the `page--large` class on each page
 * root (app.scss scales the type and touch targets from there). Pages already open in the page
 * stack follow through an event; pages shown again re-read storage.
 */
export function useLargeText(): { large: boolean; setLarge: (on: boolean) => void; rootClass: string } {
  const [large, setState] = useState(readLargeText)

  useEffect(() => {
    const onChange = (on: boolean) => setState(on)
    Taro.eventCenter.on(EVENT, onChange)
    return () => {
      Taro.eventCenter.off(EVENT, onChange)
    }
  }, [])
  useDidShow(() => setState(readLargeText()))

  const setLarge = useCallback((on: boolean) => {
    try {
      Taro.setStorageSync(STORAGE_KEYS.largeText, on ? '1' : '0')
    } catch {
      // storage full or unavailable: the mode still applies for this session
    }
    Taro.eventCenter.trigger(EVENT, on)
  }, [])

  return { large, setLarge, rootClass: large ? 'page page--large' : 'page' }
}
