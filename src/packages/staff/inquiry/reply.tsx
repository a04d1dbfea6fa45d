import { Text, Textarea, View } from '@tarojs/components'
import type { InquiryView } from '../../../../types/contracts/inquiry'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { useInquiryMessage } from '../../../hooks/useInquiryMessage'

/** 答复: the owner's reply; each one is pushed to the asker. The id is kept for a retry of the same text. */
export function Reply({ q, onSent }: { q: InquiryView; onSent: () => void }) {
  const { text, setText, error, busy, send } = useInquiryMessage(
    q.inquiryId,
    { empty: '请输入答复内容', sent: '已答复，已通知提问人' },
    onSent,
  )
  return (
    <Section title="答复提问人">
      <FormField label="答复内容" name="reply" error={error} hint="提问人会收到消息提醒；请勿写入他人的个人信息">
        <Textarea
          className="staff-inquiry__textarea"
          value={text}
          maxlength={1000}
          placeholder="写明办理依据、所需材料、地点和时间"
          onInput={(e) => setText(e.detail.value)}
        />
      </FormField>
      <BigButton text="发送答复" loading={busy} loadingText="正在发送…" onClick={send} />
    </Section>
  )
}

/** 认领 (首问负责制): whoever claims answers to the end or hands it on formally. */
export function Claim({ busy, onClaim }: { busy: boolean; onClaim: () => void }) {
  return (
    <View className="staff__actions staff-inquiry__claim">
      <BigButton text="认领" loading={busy} loadingText="正在认领…" onClick={onClaim} />
      <Text className="staff__note">首问负责制：认领后由您负责答复，直到答复完毕或正式转交。</Text>
    </View>
  )
}
