import { Text, View } from '@tarojs/components'
import { useDidHide } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import './index.scss'

export const NO_SPEECH_MESSAGE = '当前环境不支持朗读，已为您显示文字'

/**
 * The browser's speech synthesis, or undefined. Only the h5 build has one: the mini-program has no
 * built-in text-to-speech; WeChat's 同声传译 plugin (WechatSI) would need a plugin declaration
 * counted in the package it is declared in, the main package for the booking page (plugins count
 * towards the 2 MB limit: developers.weixin.qq.com 小程序性能优化指南, item 2), the plugin added in
 * the admin console, and an AppID (the tourist AppID of local development cannot use plugins), so
 * there the text is shown large instead.
 */
function speech(): SpeechSynthesis | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : undefined
}

export interface ReadAloudProps {
  /** What is read: the stage and the next step, in the words the page shows. */
  text: string
}

/**
 * 「朗读」(适老化): reads `text` aloud in Mandarin where the platform can, and otherwise shows it
 * in a large panel with a word that it could not be read. Chrome only speaks after a tap (user
 * activation, since M71), which the button is; a refused or failed utterance falls back to the panel.
 */
export function ReadAloud({ text }: ReadAloudProps) {
  const [speaking, setSpeaking] = useState(false)
  const [shown, setShown] = useState(false)

  // Leaving the page stops the voice: it must not go on reading over another page (h5 keeps
  // pages of the stack mounted, hidden, so unmounting alone is not enough).
  useEffect(() => () => speech()?.cancel(), [])
  useDidHide(() => {
    speech()?.cancel()
    setSpeaking(false)
  })

  const read = () => {
    const s = speech()
    if (!s) {
      setShown(true)
      return
    }
    if (speaking) {
      s.cancel()
      setSpeaking(false)
      return
    }
    s.cancel()
    const u = new SpeechSynthesisUtterance(text)
    u.lang = 'zh-CN'
    // A little slower than the default: the text is dense with dates and numbers.
    u.rate = 0.9
    u.onend = () => setSpeaking(false)
    u.onerror = (e) => {
      setSpeaking(false)
      // `interrupted`/`canceled` come from our own stop; anything else means no voice came out.
      if (e.error !== 'interrupted' && e.error !== 'canceled') setShown(true)
    }
    setSpeaking(true)
    s.speak(u)
  }

  return (
    <View className="read-aloud">
      <View className="read-aloud__button" hoverClass="read-aloud__button--pressed" onClick={read}>
        <Text className="read-aloud__glyph">▶</Text>
        <Text className="read-aloud__label">{speaking ? '停止朗读' : '朗读'}</Text>
      </View>
      {shown && (
        <View className="read-aloud__panel">
          <Text className="read-aloud__message">{NO_SPEECH_MESSAGE}</Text>
          <Text className="read-aloud__text">{text}</Text>
          <View className="read-aloud__close" hoverClass="read-aloud__button--pressed" onClick={() => setShown(false)}>
            收起
          </View>
        </View>
      )}
    </View>
  )
}
