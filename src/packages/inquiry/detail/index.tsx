import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { InquiryView } from '../../../../types/contracts/inquiry'
import { INQUIRY_IMAGE_MAX, type InquiryAction } from '../../../../types/domain/inquiry'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { InfoRow } from '../../../components/info-row'
import { InquiryThread } from '../../../components/inquiry-thread'
import { Section } from '../../../components/section'
import { StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useInquiryMessage } from '../../../hooks/useInquiryMessage'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { usePushRead } from '../../../hooks/usePushRead'
import { sendImage, getInquiry, rateInquiry, resolveInquiry } from '../../../services/inquiry'
import { monthDay } from '../../../utils/dates'
import { openMaterial } from '../../../utils/files'
import { dueText, INQUIRY_STATE_TONES, pickInquiryImage } from '../../../utils/inquiry'
import { param } from '../../../utils/params'
import '../inquiry.scss'
import './index.scss'

const SCORES = [
  { score: 1, label: '很不满意' },
  { score: 2, label: '不满意' },
  { score: 3, label: '一般' },
  { score: 4, label: '满意' },
  { score: 5, label: '非常满意' },
] as const
/** A conversation is live: poll while the page is open, so a staff reply shows without pulling. */
const POLL_MS = 20_000

/** 追问: one follow-up message; the id is kept for a retry of the same text (no double message). */
function Composer({ q, onSent }: { q: InquiryView; onSent: () => void }) {
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
      <BigButton text={busy ? '正在发送…' : '发送'} disabled={busy} onClick={send} />
    </Section>
  )
}

/** 评价答复 (1–5 and a comment), once, after a staff reply: kept for the 好差评 figures. */
function Rating({ q, onRated }: { q: InquiryView; onRated: () => void }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (busy) return
    if (!score) return setError('请选择1到5分')
    setBusy(true)
    setError('')
    const r = await rateInquiry({ inquiryId: q.inquiryId, score, ...(comment.trim() ? { comment } : {}) })
    setBusy(false)
    if (!r.ok) return setError(r.error.issues?.[0]?.message ?? r.error.message)
    Taro.showToast({ title: '感谢您的评价', icon: 'success' })
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
      <BigButton text={busy ? '正在提交…' : '提交评价'} disabled={busy} onClick={submit} />
    </Section>
  )
}

function Detail({ q, fresh, imgFailed, onChanged }: { q: InquiryView; fresh: boolean; imgFailed: number; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const can = (a: InquiryAction) => q.allowedActions.includes(a)
  const staffReplied = q.messages.some((m) => m.from === 'staff')

  const resolve = async () => {
    const ok = await Taro.showModal({
      title: '问题已解决',
      content: '确认问题已经解决吗？确认后本次咨询结束，不能再追问。',
      confirmText: '已解决',
      cancelText: '还没有',
    })
    if (!ok.confirm) return
    setBusy(true)
    const r = await resolveInquiry(q.inquiryId)
    setBusy(false)
    if (r.ok) Taro.showToast({ title: '咨询已结束', icon: 'success' })
    else await Taro.showModal({ title: '操作未成功', content: r.error.message, showCancel: false, confirmText: '知道了' })
    onChanged()
  }

  const morePhoto = async () => {
    const p = await pickInquiryImage()
    if (!p.ok) {
      if (!p.cancelled) Taro.showModal({ title: '不能添加该图片', content: p.message, showCancel: false, confirmText: '知道了' })
      return
    }
    setBusy(true)
    Taro.showLoading({ title: '正在上传', mask: true })
    const r = await sendImage(q.inquiryId, p.image)
    Taro.hideLoading()
    setBusy(false)
    if (r.ok) Taro.showToast({ title: '图片已添加', icon: 'success' })
    else await Taro.showModal({ title: '图片未能添加', content: r.error.message, showCancel: false, confirmText: '知道了' })
    onChanged()
  }

  return (
    <View>
      {fresh && (
        <View className="inquiry-detail__success">
          <Text className="inquiry-detail__success-title">咨询已提交</Text>
          <Text className="inquiry-detail__success-text">
            {q.departmentName}将{q.due ? `于${monthDay(q.due.dueDate)}前` : '尽快'}答复，答复后会通过消息提醒您。
          </Text>
        </View>
      )}
      {imgFailed > 0 && <Text className="inquiry-page__error">有{imgFailed}张图片未能上传，可在下方重新添加。</Text>}
      <View className={`inquiry-detail__card inquiry-detail__card--${q.state}`}>
        <Text className="inquiry-detail__topic">{q.matterName ?? '中心综合咨询'}</Text>
        <View className="inquiry-detail__state">
          <Tag text={q.stateLabel} tone={INQUIRY_STATE_TONES[q.state]} />
        </View>
        <InfoRow label="答复部门">{q.departmentName}</InfoRow>
        <InfoRow label="负责人">{q.owner ? q.owner.name : '等待工作人员接手'}</InfoRow>
        {q.due && (
          <InfoRow label="答复期限">
            <Text className={`inquiry-detail__due inquiry-detail__due--${q.due.level}`}>{dueText(q.due)}</Text>
          </InfoRow>
        )}
      </View>

      <InquiryThread q={q} viewer="citizen" onOpenImage={openMaterial} />
      {!staffReplied && q.state !== 'closed' && (
        <Text className="inquiry-page__note inquiry-detail__waiting">工作人员答复后会显示在这里，并通过消息提醒您。</Text>
      )}

      {can('addImage') && q.images.length < INQUIRY_IMAGE_MAX && (
        <View
          className="inquiry-detail__more-photo"
          hoverClass="inquiry-detail__more-photo--pressed"
          onClick={busy ? undefined : morePhoto}
        >
          ＋ 补充图片（还可添加{INQUIRY_IMAGE_MAX - q.images.length}张）
        </View>
      )}

      {can('sendMessage') && <Composer q={q} onSent={onChanged} />}

      {can('resolve') && (
        <View className="inquiry-page__actions">
          <BigButton kind="secondary" text={staffReplied ? '问题已解决' : '问题已解决，结束咨询'} disabled={busy} onClick={resolve} />
        </View>
      )}

      {can('rate') && <Rating q={q} onRated={onChanged} />}
      {q.rating && (
        <Section title="我的评价">
          <InfoRow label="评分" strong>
            {'★'.repeat(q.rating.score)}
            {'☆'.repeat(5 - q.rating.score)} {q.rating.score}分
          </InfoRow>
          {q.rating.comment && <InfoRow label="评价">{q.rating.comment}</InfoRow>}
        </Section>
      )}
      {q.state === 'closed' && <Text className="inquiry-page__note inquiry-detail__closed">本次咨询已结束。如有新问题，请重新提问。</Text>}
    </View>
  )
}

/** 咨询详情: the conversation with the department, follow-ups, 已解决 and the rating — the buttons the rule table allows. */
export default function InquiryDetail() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const id = param(params.id)
  const fresh = param(params.fresh) === '1'
  const imgFailed = Number(param(params.imgFailed)) || 0
  usePushRead(params.msgId)
  const q = useLiveRemote(() => getInquiry(id), [id], POLL_MS)

  return (
    <View className={`${rootClass} inquiry-page inquiry-detail`}>
      {!q.data && q.loading && <StatusView kind="loading" />}
      {!q.data && q.error && (
        <StatusView
          kind={q.error.code === 'NOT_FOUND' || q.error.code === 'INVALID_INPUT' ? 'empty' : 'error'}
          message={q.error.message}
          onRetry={q.refresh}
        />
      )}
      {q.data && <Detail q={q.data} fresh={fresh} imgFailed={imgFailed} onChanged={q.refresh} />}
    </View>
  )
}
