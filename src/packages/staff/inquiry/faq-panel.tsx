import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActionOutput } from '../../../../types/contracts/contract'
import type { inquiryContract } from '../../../../types/contracts/inquiry'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { inquiryApi } from '../../../services/api/inquiry'
import { alert, toast } from '../../../utils/alert'
import { ActionForm } from './action-form'
import type { PanelProps } from './panel-props'
import { useAction } from '../../../hooks/useAction'

type PublishedFaq = ActionOutput<typeof inquiryContract, 'publishFaq'>

/** What was taken out before publishing: 身份证号1处、电话号码2处, or '' when nothing. */
function removedText({ idNumbers, phones, names }: PublishedFaq['removed']): string {
  return [idNumbers && `身份证号${idNumbers}处`, phones && `电话号码${phones}处`, names && `姓名${names}处`].filter(Boolean).join('、')
}

/** The published entry as the server stored it, after removing personal data: staff check it, and can take it down. */
function Published({ f, onDone }: { f: PublishedFaq; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const removed = removedText(f.removed)
  const takeDown = async () => {
    setBusy(true)
    const x = await inquiryApi.unpublishFaq({ faqId: f.faqId })
    setBusy(false)
    if (x.ok) {
      toast('已撤下')
      onDone()
    } else void alert('未能撤下', x.error.message)
  }
  return (
    <View className="staff-inquiry__published">
      <Text className="staff-inquiry__published-title">已发布到常见问题，请核对公开的内容</Text>
      <Text className="staff-inquiry__published-removed">{removed ? `已自动去除：${removed}` : '未发现需要去除的个人信息'}</Text>
      <Text className="staff-inquiry__published-q">问：{f.question}</Text>
      <Text className="staff-inquiry__published-a">答：{f.answer}</Text>
      <View className="staff-inquiry__buttons">
        <BigButton text="内容无误" disabled={busy} onClick={onDone} />
        <View className="staff__gap" />
        <BigButton kind="secondary" text="有问题，撤下" loading={busy} loadingText="正在撤下…" onClick={takeDown} />
      </View>
    </View>
  )
}

/** 发布到常见问题: the question and the last reply, worded for everyone, then checked once published. */
export function FaqPanel({ q, onDone, onCancel }: PanelProps) {
  const act = useAction()
  const lastReply = [...q.messages].reverse().find((m) => m.from === 'staff')?.text ?? ''
  const [question, setQuestion] = useState(q.question)
  const [answer, setAnswer] = useState(lastReply)
  const [published, setPublished] = useState<PublishedFaq | null>(null)

  if (published) return <Published f={published} onDone={() => onDone()} />
  const submit = () => act.run(() => inquiryApi.publishFaq({ inquiryId: q.inquiryId, question, answer }), setPublished)
  return (
    <ActionForm panel="publishFaq" act={act} onSubmit={submit} onCancel={onCancel}>
      <View>
        <Text className="staff-inquiry__hint">可修改为通用的说法。发布时系统会去除身份证号、电话号码和姓名，发布后请核对。</Text>
        <FormField label="问题" name="faq-question" error={act.errors.question}>
          <Textarea
            className="staff-inquiry__textarea"
            value={question}
            maxlength={1000}
            autoHeight
            onInput={(e) => setQuestion(e.detail.value)}
          />
        </FormField>
        <FormField label="答复" name="faq-answer" error={act.errors.answer}>
          <Textarea
            className="staff-inquiry__textarea"
            value={answer}
            maxlength={1000}
            autoHeight
            onInput={(e) => setAnswer(e.detail.value)}
          />
        </FormField>
      </View>
    </ActionForm>
  )
}
