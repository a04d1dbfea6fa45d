import { View } from '@tarojs/components'
import { useState } from 'react'
import type { FaqEntry } from '../../../../types/contracts/inquiry'
import { ok } from '../../../../types/result'
import { FaqList } from '../../../components/faq-list'
import { useDebounced } from '../../../hooks/useDebounced'
import { useLoad } from '../../../hooks/useLoad'
import { inquiryApi } from '../../../services/api/inquiry'

const NONE: FaqEntry[] = []

/** FAQ entries matching what is being typed: often the answer is already there (suggestFaq, debounced). */
export function Suggestions({ text, matterId }: { text: string; matterId?: string }) {
  const q = useDebounced(text.trim().slice(0, 100), 500)
  const found = useLoad(
    async () => (Array.from(q).length < 2 ? ok({ items: NONE }) : inquiryApi.suggestFaq(matterId ? { q, matterId } : { q })),
    [q, matterId],
    { onShow: false },
  )
  // The last answer stays up while the next one loads, so the list does not blink at each pause in typing.
  const [shown, setShown] = useState(NONE)
  const answered = found.loading ? shown : (found.data?.items ?? NONE)
  if (answered !== shown) setShown(answered)
  if (answered.length === 0) return null
  return (
    <View className="inquiry-ask__suggest">
      <FaqList items={answered} folded title="这些常见问题可能有您要的答案" />
    </View>
  )
}
