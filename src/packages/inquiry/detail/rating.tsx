import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { InquiryView } from '../../../../types/contracts/inquiry'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { inquiryApi } from '../../../services/api/inquiry'
import { errorText, toast } from '../../../utils/alert'

const SCORES = [
  { score: 1, label: '很不满意' },
  { score: 2, label: '不满意' },
  { score: 3, label: '一般' },
  { score: 4, label: '满意' },
  { score: 5, label: '非常满意' },
] as const

/** 评价答复 (1–5 and a comment), once, after a staff reply: kept for the 好差评 figures. */
export function Rating({ q, onRated }: { q: InquiryView; onRated: () => void }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (busy) return
    if (!score) return setError('请选择1到5分')
    setBusy(true)
    setError('')
    const r = await inquiryApi.rate({ inquiryId: q.inquiryId, score, ...(comment.trim() ? { comment } : {}) })
    setBusy(false)
    if (!r.ok) return setError(errorText(r.error))
    toast('感谢您的评价', 'success')
    onRated()
  }
  return (
    <Section title="评价本次答复">
      <View className="inquiry-rate">
        {SCORES.map((s) => (
          <View
            key={s.score}
            className={`inquiry-rate__star inquiry-rate__star--${s.score}${s.score <= score ? ' inquiry-rate__star--on' : ''}`}
            hoverClass="inquiry-rate__star--pressed"
            onClick={() => setScore(s.score)}
          >
            <Text className="inquiry-rate__glyph">{s.score <= score ? '★' : '☆'}</Text>
            <Text className="inquiry-rate__n">{s.score}分</Text>
          </View>
        ))}
      </View>
      <Text className="inquiry-rate__label">{score ? `${score}分：${SCORES[score - 1].label}` : '请点选分数'}</Text>
      <FormField label="说说您的看法（选填）" name="comment" error={error}>
        <Input
          className="form-field__input"
          value={comment}
          maxlength={200}
          placeholder="答复是否清楚、及时"
          onInput={(e) => setComment(e.detail.value)}
        />
      </FormField>
      <BigButton text="提交评价" loading={busy} onClick={submit} />
    </Section>
  )
}
