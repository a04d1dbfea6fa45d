import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { COMPLAINT_RATING_LABELS, COMPLAINT_RATINGS, type ComplaintRating } from '../../../../types/domain/complaint'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { complaintApi } from '../../../services/api/complaint'
import { errorText, toast } from '../../../utils/alert'

const COMMENT_MAX = 200

/** 评价答复: 满意, 基本满意 or 不满意 with an optional comment, once; it counts in the centre's 好差评. */
export function RateAnswer({ trackingNo, password, onRated }: { trackingNo: string; password?: string; onRated: () => void }) {
  const [rating, setRating] = useState<ComplaintRating | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const submit = async () => {
    if (busy) return
    if (!rating) return setError('请选择满意、基本满意或不满意')
    setBusy(true)
    setError('')
    const r = await complaintApi.rateAnswer({
      trackingNo,
      ...(password ? { password } : {}),
      rating,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    })
    setBusy(false)
    if (!r.ok) return setError(errorText(r.error))
    toast('感谢您的评价', 'success')
    onRated()
  }

  return (
    <Section title="评价本次答复">
      <Text className="feedback-page__note">您的评价计入中心的“好差评”，只能评价一次。</Text>
      <View className="feedback-levels complaint-rate__levels">
        {COMPLAINT_RATINGS.map((r) => (
          <View
            key={r}
            className={`feedback-levels__level complaint-rate__level--${r}${rating === r ? ' feedback-levels__level--on' : ''}${r === 'unsatisfied' ? ' feedback-levels__level--bad' : ''}`}
            hoverClass="feedback-levels__level--pressed"
            onClick={() => {
              setRating(r)
              setError('')
            }}
          >
            {rating === r ? `✓ ${COMPLAINT_RATING_LABELS[r]}` : COMPLAINT_RATING_LABELS[r]}
          </View>
        ))}
      </View>
      <FormField label="意见（选填）" name="comment" hint={`${Array.from(comment).length}/${COMMENT_MAX}字`}>
        <Textarea
          className="feedback-page__textarea"
          value={comment}
          maxlength={COMMENT_MAX}
          placeholder="对答复还有什么意见或建议"
          onInput={(e) => setComment(e.detail.value)}
        />
      </FormField>
      {error && <Text className="form-field__error">{error}</Text>}
      <View className="complaint-rate__submit">
        <BigButton text="提交评价" loading={busy} onClick={() => void submit()} />
      </View>
    </Section>
  )
}
