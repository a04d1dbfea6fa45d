import { Text, Textarea, View } from '@tarojs/components'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { Section } from '../../../components/section'
import { useLargeText } from '../../../hooks/useLargeText'
import { navigate, useQuery } from '../../../utils/nav'
import { MatterPicker } from './matter-picker'
import { PhotoList } from './photo-list'
import { Suggestions } from './suggestions'
import { useAsk } from './use-ask'
import '../inquiry.scss'
import './index.scss'

const TOPICS = [
  { value: 'general', label: '中心综合咨询' },
  { value: 'matter', label: '关于某个事项' },
] as const
const QUESTION_MAX = 500

/** 我要咨询: a matter (routed to its department) or a general question (the centre's office), the question, up to 3 photos. */
export default function InquiryAsk() {
  const { rootClass } = useLargeText()
  const query = useQuery(ROUTES.inquiryAsk)
  const form = useAsk(query.matterId ?? '', query.caseId && query.caseNo ? { caseId: query.caseId, caseNo: query.caseNo } : undefined)
  const { topic, matter, question, errors } = form
  const count = Array.from(question).length

  return (
    <View className={`${rootClass} inquiry-page inquiry-ask`}>
      <View className="inquiry-page__head">
        <Text className="inquiry-page__title">我要咨询</Text>
        <Text className="inquiry-page__sub">首问负责制：第一位接手的工作人员负责答复到底，一般1个工作日内答复。</Text>
        <View className="inquiry-page__link" hoverClass="inquiry-page__link--pressed" onClick={() => navigate(ROUTES.inquiryMine)}>
          查看我的咨询 ›
        </View>
      </View>

      <Section title="咨询什么">
        <ChoiceChips name="topic" options={TOPICS} value={topic} onChange={form.chooseTopic} />
        {topic === 'general' && <Text className="inquiry-page__note">不确定属于哪个事项时选这里，由中心办公室答复或转给相关部门。</Text>}
        {topic === 'matter' && matter && (
          <View className="inquiry-ask__matter">
            <Text className="inquiry-ask__matter-name">{matter.name}</Text>
            <View className="inquiry-ask__change" hoverClass="inquiry-ask__change--pressed" onClick={() => form.chooseMatter(null)}>
              更换
            </View>
          </View>
        )}
        {topic === 'matter' && !matter && form.matterLoading && <Text className="inquiry-page__note">正在读取事项…</Text>}
        {topic === 'matter' && !matter && !form.matterLoading && <MatterPicker onPick={form.chooseMatter} />}
        {errors.matter && <Text className="form-field__error">{errors.matter}</Text>}
      </Section>

      <Section title="您的问题">
        <FormField
          label="请把情况和问题写清楚"
          name="question"
          error={errors.question}
          hint={`${count}/${QUESTION_MAX}字，请不要填写身份证号等个人信息`}
        >
          <Textarea
            className="inquiry-page__textarea"
            value={question}
            maxlength={QUESTION_MAX}
            placeholder="例如：护照过期了，换发需要带什么材料？"
            onInput={(e) => form.setQuestion(e.detail.value)}
          />
        </FormField>
        <Suggestions text={question} matterId={topic === 'matter' ? matter?.id : undefined} />
      </Section>

      <PhotoList images={form.images} error={errors.images} onAdd={form.addPhoto} onRemove={form.removePhoto} />

      {errors.form && <Text className="inquiry-page__error">{errors.form}</Text>}
      <View className="inquiry-page__actions">
        <BigButton text="提交咨询" loading={form.busy} onClick={form.submit} />
      </View>
    </View>
  )
}
