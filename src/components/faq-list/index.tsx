import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { FaqEntry } from '../../../types/contracts/inquiry'
import './index.scss'

export interface FaqListProps {
  items: Pick<FaqEntry, 'faqId' | 'question' | 'answer'>[]
  /** A heading above the list (the matter page's section has its own). */
  title?: string
  /** Answers folded until tapped (suggestions while typing) or shown at once (the matter page). */
  folded?: boolean
}

/** 常见问题: each question with its answer, as published by staff with personal data removed. */
export function FaqList({ items, title, folded = false }: FaqListProps) {
  const [open, setOpen] = useState('')
  return (
    <View className="faq-list">
      {title && <Text className="faq-list__title">{title}</Text>}
      {items.map((f) => {
        const shown = !folded || open === f.faqId
        return (
          <View
            key={f.faqId}
            className="faq-list__item"
            hoverClass={folded ? 'faq-list__item--pressed' : 'none'}
            onClick={folded ? () => setOpen(open === f.faqId ? '' : f.faqId) : undefined}
          >
            <Text className="faq-list__q">问：{f.question}</Text>
            {shown ? <Text className="faq-list__a">答：{f.answer}</Text> : <Text className="faq-list__more">点击查看答复 ›</Text>}
          </View>
        )
      })}
    </View>
  )
}
