import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { RaterView } from '../../../../types/contracts/rating'
import { RATING_KIND_LABELS, RATING_TEXT_MAX, type RatingLevel } from '../../../../types/domain/rating'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { usePushRead } from '../../../hooks/usePushRead'
import { ratingApi } from '../../../services/api/rating'
import { errorText, toast } from '../../../utils/alert'
import { beijingDateTime } from '../../../utils/case'
import { monthDay } from '../../../utils/dates'
import { navigate, useQuery } from '../../../utils/nav'
import { LevelChoices, levelTone, RatingTimeline, stateTone } from './parts'
import '../feedback.scss'

/** 追评: once, a level and a text, until the last day the server gives. */
function FollowUpForm({ r, onDone }: { r: RaterView; onDone: () => void }) {
  const [level, setLevel] = useState<RatingLevel>()
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ level?: string; text?: string }>({})
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (busy) return
    if (!level) return setErrors({ level: '请选择满意程度' })
    if (!text.trim()) return setErrors({ text: '请输入追评内容' })
    setErrors({})
    setBusy(true)
    const res = await ratingApi.followUp({ ratingId: r.ratingId, level, text })
    setBusy(false)
    if (!res.ok) return setErrors({ text: errorText(res.error) })
    toast('追评已提交', 'success')
    onDone()
  }
  return (
    <Section title="追评">
      <Text className="feedback-page__note">
        部门已整改反馈。您可以追评一次{r.followUpUntil ? `（${monthDay(r.followUpUntil)}前）` : ''}，追评后差评办结。
      </Text>
      <LevelChoices name="follow-up" value={level} onChange={(l) => (setLevel(l), setErrors({}))} />
      {errors.level && <Text className="form-field__error">{errors.level}</Text>}
      <FormField label="整改后的感受" name="follow-up-text" error={errors.text} hint={`${Array.from(text).length}/${RATING_TEXT_MAX}字`}>
        <Textarea
          className="feedback-page__textarea"
          value={text}
          maxlength={RATING_TEXT_MAX}
          placeholder="例如：部门已回电说明，问题已解决"
          onInput={(e) => setText(e.detail.value)}
        />
      </FormField>
      <BigButton text="提交追评" loading={busy} onClick={submit} />
    </Section>
  )
}

function FreshBanner({ r }: { r: RaterView }) {
  return (
    <View className="feedback-page__done">
      <Text className="feedback-page__done-title">评价已提交，感谢您的反馈</Text>
      <Text className="feedback-page__done-text">
        {r.bad ? `${r.departmentName}将核实并回访您，整改后在这里反馈，并通过消息提醒您。` : '您的评价将计入本中心的好差评数据，按月公开。'}
      </Text>
    </View>
  )
}

function Detail({ r, fresh, onChanged }: { r: RaterView; fresh: boolean; onChanged: () => void }) {
  return (
    <View>
      {fresh && <FreshBanner r={r} />}
      <View className={`feedback-object${r.bad ? ' feedback-object--bad' : ''}`}>
        <Text className="feedback-object__kind">{RATING_KIND_LABELS[r.objectKind]}评价</Text>
        <Text className="feedback-object__title">{r.title}</Text>
        <Text className={`feedback-object__level${r.bad ? ' feedback-object__level--bad' : ''}`}>
          {r.levelLabel}
          {r.isDefault ? '（默认评价）' : ''}
        </Text>
        <View className="feedback-object__tags">
          {r.stateLabel && <Tag text={r.stateLabel} tone={stateTone(r.state)} />}
          {r.tags.map((t) => (
            <Tag key={t} text={t} tone={levelTone(r.level)} />
          ))}
        </View>
        {r.text && <Text className="feedback-object__text">{r.text}</Text>}
        {r.isDefault && <Text className="feedback-page__note">逾期未评价，系统默认记为基本满意，不计入好评率和差评率。</Text>}
        <InfoRow label="办理部门">{r.departmentName}</InfoRow>
        {r.reference && <InfoRow label="编号">{r.reference}</InfoRow>}
        <InfoRow label="评价时间">{beijingDateTime(r.ratedAt)}</InfoRow>
      </View>

      {r.bad && (
        <Section title="差评处理进度">
          <RatingTimeline entries={r.timeline} />
        </Section>
      )}

      {r.followUp && (
        <Section title="我的追评">
          <InfoRow label="满意程度" strong>
            {r.followUp.levelLabel}
          </InfoRow>
          <InfoRow label="追评">{r.followUp.text}</InfoRow>
          <InfoRow label="时间">{beijingDateTime(r.followUp.at)}</InfoRow>
        </Section>
      )}
      {r.allowedActions.includes('followUp') && <FollowUpForm r={r} onDone={onChanged} />}

      <View className="feedback-page__links">
        <View className="feedback-page__link" hoverClass="feedback-page__link--pressed" onClick={() => navigate(ROUTES.feedbackMine)}>
          我的评价与投诉 ›
        </View>
      </View>
    </View>
  )
}

/** 评价详情: my rating, and for a 差评 what the department did (回访, 整改反馈, decisions), and the 追评. */
export default function RatingPage() {
  const { rootClass } = useLargeText()
  const { id = '', fresh, msgId } = useQuery(ROUTES.feedbackRating)
  usePushRead(msgId)
  const r = useLoad(() => ratingApi.getRating({ ratingId: id }), [id])
  return (
    <View className={`${rootClass} feedback-page feedback-rating`}>
      <LoadStatus of={r} missing="未找到该评价" />
      {r.data && <Detail r={r.data} fresh={fresh === '1'} onChanged={r.refresh} />}
    </View>
  )
}
