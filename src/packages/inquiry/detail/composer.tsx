import { Textarea } from '@tarojs/components'
import type { InquiryView } from '../../../../types/contracts/inquiry'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { useInquiryMessage } from '../../../hooks/useInquiryMessage'

/** 追问: one follow-up message; the id is kept for a retry of the same text (no double message). */
export function Composer({ q, onSent }: { q: InquiryView; onSent: () => void }) {
  const { text, setText, error, busy, send } = useInquiryMessage(q.inquiryId, { empty: '请输入内容', sent: '已发送' }, onSent)
  return (
    <Section title="追问或补充说明">
      <FormField label="写给负责答复的工作人员" name="message" error={error}>
        <Textarea
          className="inquiry-page__textarea"
          value={text}
          maxlength={1000}
          placeholder="如还有不清楚的地方，可以继续问"
          onInput={(e) => setText(e.detail.value)}
        />
      </FormField>
      <BigButton text="发送" loading={busy} loadingText="正在发送…" onClick={send} />
    </Section>
  )
}
