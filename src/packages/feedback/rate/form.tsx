import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppErrorBody } from '../../../../types/result'
import {
  BAD_REASON_TAGS,
  BAD_TEXT_MIN,
  channelOf,
  isBad,
  RATING_KIND_LABELS,
  RATING_LEVEL_LABELS,
  RATING_TEXT_MAX,
  ratingProblems,
  tagsFor,
  type RatingKind,
  type RatingLevel,
} from '../../../../types/domain/rating'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { ratingApi } from '../../../services/api/rating'
import { beijingDateTime } from '../../../utils/case'
import { monthDay } from '../../../utils/dates'
import { navigate, redirect } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { LevelChoices, TagChoices, toggled } from '../rating/parts'

/** What the form knows of the object: the invitation when the sweep wrote one, else only its kind and id. */
export interface RateTarget {
  objectKind: RatingKind
  objectId: string
  title?: string
  departmentName?: string
  reference?: string
  finishedAt?: string
  tags?: readonly string[]
  badTags?: readonly string[]
  defaultOn?: string
}

type Errors = { level?: string; tags?: string; text?: string; form?: string }

/** The server refuses the object itself (not found, not finished, rated already): nothing to fix in the form. */
const objectRefused = (e: AppErrorBody) => e.code === 'NOT_FOUND' || e.code === 'CONFLICT'

/**
 * The rating form: a level, the tags of that level (a 差评 adds the national reasons and needs one
 * of them and a written description: the same ratingProblems the server applies), a text. One
 * requestId per submitted rating: a retry after a lost answer is answered with the first result.
 */
export function RateForm({ target, onGone }: { target: RateTarget; onGone: (e: AppErrorBody) => void }) {
  const channel = channelOf(target.objectKind)
  const [level, setLevelState] = useState<RatingLevel>()
  const [tags, setTags] = useState<string[]>([])
  const [text, setTextState] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRef('')
  const edited = () => {
    requestId.current = ''
  }

  const bad = !!level && isBad(level)
  const good = target.tags ?? tagsFor(channel, 'satisfied')
  const shownTags = bad ? [...good, ...(target.badTags ?? BAD_REASON_TAGS)] : good

  const setLevel = (l: RatingLevel) => {
    setLevelState(l)
    // The 差评 reasons are not offered with a good rating: drop them when the level goes up.
    if (!isBad(l)) setTags((ts) => ts.filter((t) => good.includes(t)))
    setErrors({})
    edited()
  }
  const toggle = (t: string) => {
    setTags((ts) => toggled(ts, t))
    setErrors((e) => ({ ...e, tags: undefined }))
    edited()
  }
  const setText = (v: string) => {
    setTextState(v)
    if (errors.text) setErrors((e) => ({ ...e, text: undefined }))
    edited()
  }

  const submit = async () => {
    if (busy) return
    if (!level) return setErrors({ level: '请选择满意程度' })
    const problems = ratingProblems(channel, level, tags, text)
    if (problems.length) {
      const out: Errors = {}
      for (const p of problems) out[p.path] ??= p.message
      return setErrors(out)
    }
    setErrors({})
    setBusy(true)
    requestId.current ||= newRequestId('rt')
    Taro.showLoading({ title: '正在提交', mask: true })
    const r = await ratingApi.rate({
      objectKind: target.objectKind,
      objectId: target.objectId,
      level,
      tags,
      text,
      requestId: requestId.current,
    })
    Taro.hideLoading()
    setBusy(false)
    if (r.ok) return void redirect(ROUTES.feedbackRating, { id: r.data.ratingId, fresh: 1 })
    if (objectRefused(r.error)) return onGone(r.error)
    const out: Errors = {}
    for (const i of r.error.issues ?? []) if (i.path === 'tags' || i.path === 'text' || i.path === 'level') out[i.path] ??= i.message
    if (!out.tags && !out.text && !out.level) out.form = r.error.message
    setErrors(out)
  }

  const count = Array.from(text).length
  return (
    <View className="feedback-rate">
      <View className="feedback-object">
        <Text className="feedback-object__kind">评价{RATING_KIND_LABELS[target.objectKind]}</Text>
        <Text className="feedback-object__title">{target.title ?? `本次${RATING_KIND_LABELS[target.objectKind]}`}</Text>
        {target.departmentName && <InfoRow label="办理部门">{target.departmentName}</InfoRow>}
        {target.reference && <InfoRow label="编号">{target.reference}</InfoRow>}
        {target.finishedAt && <InfoRow label="办结时间">{beijingDateTime(target.finishedAt)}</InfoRow>}
      </View>
      {target.defaultOn && (
        <Text className="feedback-page__default">
          如不评价，{monthDay(target.defaultOn)}起将默认记为「基本满意」（默认评价不计入好评率和差评率）。
        </Text>
      )}

      <Section title="您对本次服务满意吗">
        <LevelChoices name="level" value={level} onChange={setLevel} />
        {errors.level && <Text className="form-field__error">{errors.level}</Text>}
      </Section>

      {level && (
        <Section title={bad ? '哪里不满意' : '满意的方面（可多选，选填）'}>
          {bad && (
            <Text className="feedback-page__rule">
              差评请至少选择一项原因，并写明问题（至少{BAD_TEXT_MIN}个字）。部门会核实回访、整改并反馈，进度可在「我的评价」查看。
            </Text>
          )}
          <FormField label={bad ? '原因（至少选一项）' : '评价标签'} name="tags" error={errors.tags}>
            <TagChoices tags={shownTags} chosen={tags} onToggle={toggle} />
          </FormField>
          <FormField
            label={bad ? `问题描述（至少${BAD_TEXT_MIN}个字）` : '说说您的看法（选填）'}
            name="text"
            error={errors.text}
            hint={`${count}/${RATING_TEXT_MAX}字，请不要填写身份证号、电话等个人信息`}
          >
            <Textarea
              className="feedback-page__textarea"
              value={text}
              maxlength={RATING_TEXT_MAX}
              placeholder={bad ? '例如：窗口要求提供指南以外的材料，多跑了一趟' : '例如：办理很快，工作人员很耐心'}
              onInput={(e) => setText(e.detail.value)}
            />
          </FormField>
        </Section>
      )}

      {errors.form && <Text className="feedback-page__error">{errors.form}</Text>}
      <View className="feedback-page__actions">
        <BigButton text={level ? `提交评价：${RATING_LEVEL_LABELS[level]}` : '提交评价'} loading={busy} onClick={submit} />
      </View>
      <View className="feedback-page__links">
        <View className="feedback-page__link" hoverClass="feedback-page__link--pressed" onClick={() => navigate(ROUTES.feedbackMine)}>
          我的评价与投诉 ›
        </View>
      </View>
    </View>
  )
}
