import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { STORAGE_KEYS } from '../services/storage-keys'

const EVENT = 'largeText:change'
/**
 * The system font scale from which 长辈版 is suggested: WeChat's 小程序适老化设计指南 reads
 * `fontSizeScaleFactor` from wx.getAppBaseInfo; 1.3 is about the third step above standard
 * (iOS 17 px → 22 px, Android 16 px × 1.3), where people have clearly asked for larger type.
 */
export const ELDER_SUGGEST_SCALE = 1.3

function readFlag(key: string): boolean {
  try {
    return Taro.getStorageSync(key) === '1'
  } catch {
    return false
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    Taro.setStorageSync(key, on ? '1' : '0')
  } catch {
    // storage full or unavailable: the choice still applies for this session
  }
}

/**
 * 长辈版 (适老化, formerly 大字模式): one switch, kept in storage, applied as the `page--large`
 * class on each page root (app.scss sets type, line spacing, colours and touch targets from
 * there; the home page shows its simplified tiles). Pages already open in the page stack follow
 * through an event; pages shown again re-read storage.
 */
export function useLargeText(): { large: boolean; setLarge: (on: boolean) => void; rootClass: string } {
  const [large, setState] = useState(() => readFlag(STORAGE_KEYS.largeText))

  useEffect(() => {
    const onChange = (on: boolean) => setState(on)
    Taro.eventCenter.on(EVENT, onChange)
    return () => {
      Taro.eventCenter.off(EVENT, onChange)
    }
  }, [])
  useDidShow(() => setState(readFlag(STORAGE_KEYS.largeText)))

  const setLarge = useCallback((on: boolean) => {
    writeFlag(STORAGE_KEYS.largeText, on)
    // Whoever switched it has made their choice: the suggestion is not shown again.
    writeFlag(STORAGE_KEYS.elderSuggested, true)
    Taro.eventCenter.trigger(EVENT, on)
  }, [])

  return { large, setLarge, rootClass: large ? 'page page--large' : 'page' }
}

/** The system font scale, or 1 where there is none (h5, older base libraries without getAppBaseInfo). */
function systemFontScale(): number {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined
    const f = info?.fontSizeScaleFactor
    return typeof f === 'number' && Number.isFinite(f) ? f : 1
  } catch {
    return 1
  }
}

/** Whether to suggest 长辈版: not on yet, never answered, and the phone's font is set large. */
export const shouldSuggestElder = (o: { large: boolean; answered: boolean; fontScale: number }): boolean =>
  !o.large && !o.answered && o.fontScale >= ELDER_SUGGEST_SCALE

/** The one-time 长辈版 suggestion of the home page: shown while `show`, gone for good after `dismiss`. */
export function useElderSuggestion(large: boolean): { show: boolean; dismiss: () => void } {
  const [answered, setAnswered] = useState(() => readFlag(STORAGE_KEYS.elderSuggested))
  const [fontScale] = useState(systemFontScale)
  const dismiss = useCallback(() => {
    writeFlag(STORAGE_KEYS.elderSuggested, true)
    setAnswered(true)
  }, [])
  return { show: shouldSuggestElder({ large, answered, fontScale }), dismiss }
}
