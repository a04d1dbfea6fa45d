import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { FaqEntry } from '../../../../types/contracts/inquiry'
import { inquiryContract } from '../../../../types/contracts/inquiry'
import { MATTER_KIND_LABELS, type MatterSummary } from '../../../../types/domain/catalog'
import { INQUIRY_IMAGE_MAX } from '../../../../types/domain/inquiry'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FaqList } from '../../../components/faq-list'
import { FormField } from '../../../components/form-field'
import { ListCell } from '../../../components/list-cell'
import { SearchBox } from '../../../components/search-box'
import { Section } from '../../../components/section'
import { StatusView } from '../../../components/status-view'
import { useDebounced } from '../../../hooks/useDebounced'
import { useLargeText } from '../../../hooks/useLargeText'
import { useRemote } from '../../../hooks/useRemote'
import { getMatter, searchMatters } from '../../../services/catalog'
import { sendImage, ask, suggestFaq } from '../../../services/inquiry'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { dataUrlOf, pickInquiryImage, type PickedImage } from '../../../utils/inquiry'
import { pageUrl, param } from '../../../utils/params'
import { newRequestId } from '../../../utils/request-id'
import '../inquiry.scss'
import './index.scss'

type Topic = 'matter' | 'general'
const TOPICS = [
  { value: 'general', label: '中心综合咨询' },
  { value: 'matter', label: '关于某个事项' },
] as const
const QUESTION_MAX = 500
const askInput = inquiryContract.actions.ask.input

/** Finds the matter the question is about: a live search, tap one to choose it. */
function MatterPicker({ onPick }: { onPick: (m: MatterSummary) => void }) {
  const [q, setQ] = useState('')
  const query = useDebounced(q.trim(), 400)
  const found = useRemote(() => searchMatters({ ...(query ? { q: query } : {}), page: 1, pageSize: 8 }), [query])
  return (
    <View className="inquiry-ask__picker">
      <SearchBox placeholder="输入事项名称，如：护照" value={q} onChange={setQ} />
      {found.status === 'loading' && <Text className="inquiry-page__note">正在查找…</Text>}
      {found.status === 'error' && <StatusView kind="error" message={found.error.message} onRetry={found.retry} />}
      {found.status === 'ready' && found.data.items.length === 0 && (
        <Text className="inquiry-page__note">没有找到相关事项，可换个说法，或改选「中心综合咨询」</Text>
      )}
      {found.status === 'ready' &&
        found.data.items.map((m) => <ListCell key={m.id} title={m.name} desc={MATTER_KIND_LABELS[m.kind]} onClick={() => onPick(m)} />)}
    </View>
  )
}

/** FAQ entries matching what is being typed: often the answer is already there (suggestFaq, debounced). */
function Suggestions({ text, matterId }: { text: string; matterId?: string }) {
  const q = useDebounced(text.trim().slice(0, 100), 500)
  const [items, setItems] = useState<FaqEntry[]>([])
  const seq = useRef(0)
  useEffect(() => {
    const mine = ++seq.current
    if (Array.from(q).length < 2) return setItems([])
    suggestFaq(q, matterId).then((r) => {
      if (mine === seq.current) setItems(r.ok ? r.data.items : [])
    })
  }, [q, matterId])
  if (items.length === 0) return null
  return (
    <View className="inquiry-ask__suggest">
      <FaqList items={items} folded title="这些常见问题可能有您要的答案" />
    </View>
  )
}

/** 我要咨询: a matter (routed to its department) or a general question (the centre's office), the question, up to 3 photos. */
export default function InquiryAsk() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const fromMatter = param(params.matterId)
  const [topic, setTopic] = useState<Topic>(fromMatter ? 'matter' : 'general')
  const [matter, setMatter] = useState<{ id: string; name: string } | null>(null)
  const [matterLoad, setMatterLoad] = useState(fromMatter ? 'loading' : '')
  const [question, setQuestion] = useState('')
  const [images, setImages] = useState<PickedImage[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  // One id per submitted question: a retry after a lost answer never asks twice; any edit makes a new one.
  const requestId = useRef('')
  const consentAsked = useRef(false)
  const edited = () => {
    requestId.current = ''
  }

  useEffect(() => {
    prefetchConsent('inquiry')
    if (!fromMatter) return
    getMatter(fromMatter).then((r) => {
      if (r.ok) {
        setMatter({ id: r.data.id, name: r.data.name })
        setMatterLoad('')
      } else setMatterLoad(r.error.message)
    })
  }, [fromMatter])

  const addPhoto = async () => {
    if (images.length >= INQUIRY_IMAGE_MAX) return
    const r = await pickInquiryImage()
    if (r.ok) {
      setImages((xs) => [...xs, r.image].slice(0, INQUIRY_IMAGE_MAX))
      setErrors((e) => ({ ...e, images: '' }))
      edited()
    } else if (!r.cancelled) setErrors((e) => ({ ...e, images: r.message }))
  }

  const submit = async () => {
    if (busy) return
    const matterId = topic === 'matter' ? matter?.id : undefined
    if (topic === 'matter' && !matterId) return setErrors({ matter: '请选择要咨询的事项，或改选「中心综合咨询」' })
    const checked = askInput.safeParse({ ...(matterId ? { matterId } : {}), question, requestId: 'draft-check' })
    if (!checked.success) {
      const out: Record<string, string> = {}
      for (const i of checked.error.issues) out[String(i.path[0] ?? 'form')] ??= i.message
      return setErrors(out)
    }
    setErrors({})
    setBusy(true)
    if (!requestId.current) {
      requestId.current = newRequestId('iq')
      consentAsked.current = false
    }
    // 咨询回复提醒: asked first thing in this tap (WeChat's rule), before the question exists.
    if (!consentAsked.current) {
      consentAsked.current = true
      await askConsent('inquiry')
    }
    Taro.showLoading({ title: '正在提交', mask: true })
    const r = await ask({ ...(matterId ? { matterId } : {}), question, requestId: requestId.current })
    if (!r.ok) {
      Taro.hideLoading()
      setBusy(false)
      const out: Record<string, string> = {}
      for (const i of r.error.issues ?? []) out[i.path.split('.')[0] || 'form'] ??= i.message
      if (!out.question && !out.matterId) out.form = r.error.message
      return setErrors(out)
    }
    let failed = 0
    for (let i = 0; i < images.length; i++) {
      Taro.showLoading({ title: `正在上传图片${i + 1}/${images.length}`, mask: true })
      const up = await sendImage(r.data.inquiryId, images[i])
      if (!up.ok) failed++
    }
    Taro.hideLoading()
    setBusy(false)
    Taro.redirectTo({
      url: pageUrl('/packages/inquiry/detail/index', { id: r.data.inquiryId, fresh: 1, ...(failed ? { imgFailed: failed } : {}) }),
    })
  }

  const count = Array.from(question).length

  return (
    <View className={`${rootClass} inquiry-page inquiry-ask`}>
      <View className="inquiry-page__head">
        <Text className="inquiry-page__title">我要咨询</Text>
        <Text className="inquiry-page__sub">首问负责制：第一位接手的工作人员负责答复到底，一般1个工作日内答复。</Text>
        <View
          className="inquiry-page__link"
          hoverClass="inquiry-page__link--pressed"
          onClick={() => Taro.navigateTo({ url: '/packages/inquiry/mine/index' })}
        >
          查看我的咨询 ›
        </View>
      </View>

      <Section title="咨询什么">
        <ChoiceChips
          name="topic"
          options={TOPICS}
          value={topic}
          onChange={(v) => {
            setTopic(v)
            setErrors((e) => ({ ...e, matter: '' }))
            edited()
          }}
        />
        {topic === 'general' && <Text className="inquiry-page__note">不确定属于哪个事项时选这里，由中心办公室答复或转给相关部门。</Text>}
        {topic === 'matter' && matter && (
          <View className="inquiry-ask__matter">
            <Text className="inquiry-ask__matter-name">{matter.name}</Text>
            <View
              className="inquiry-ask__change"
              hoverClass="inquiry-ask__change--pressed"
              onClick={() => {
                setMatter(null)
                edited()
              }}
            >
              更换
            </View>
          </View>
        )}
        {topic === 'matter' && !matter && matterLoad === 'loading' && <Text className="inquiry-page__note">正在读取事项…</Text>}
        {topic === 'matter' && !matter && matterLoad !== 'loading' && (
          <MatterPicker
            onPick={(m) => {
              setMatter({ id: m.id, name: m.name })
              setErrors((e) => ({ ...e, matter: '' }))
              edited()
            }}
          />
        )}
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
            onInput={(e) => {
              setQuestion(e.detail.value)
              if (errors.question) setErrors((x) => ({ ...x, question: '' }))
              edited()
            }}
          />
        </FormField>
        <Suggestions text={question} matterId={topic === 'matter' ? matter?.id : undefined} />
      </Section>

      <Section title={`图片（选填，最多${INQUIRY_IMAGE_MAX}张）`}>
        <View className="inquiry-ask__images">
          {images.map((img, i) => (
            <View key={`${i}-${img.fileName}`} className={`inquiry-ask__image inquiry-ask__image--${i}`}>
              <Image className="inquiry-ask__thumb" src={dataUrlOf(img)} mode="aspectFill" />
              <View
                className="inquiry-ask__remove"
                hoverClass="inquiry-ask__remove--pressed"
                onClick={() => {
                  setImages((xs) => xs.filter((_, k) => k !== i))
                  edited()
                }}
              >
                删除
              </View>
            </View>
          ))}
          {images.length < INQUIRY_IMAGE_MAX && (
            <View className="inquiry-ask__add" hoverClass="inquiry-ask__add--pressed" onClick={addPhoto}>
              <Text className="inquiry-ask__add-plus">＋</Text>
              <Text className="inquiry-ask__add-text">添加图片</Text>
            </View>
          )}
        </View>
        {errors.images ? (
          <Text className="form-field__error inquiry-ask__image-error">{errors.images}</Text>
        ) : (
          <Text className="inquiry-page__note">可拍下通知书、表格等，JPEG或PNG，每张不超过2MB，仅工作人员可见。</Text>
        )}
      </Section>

      {errors.form && <Text className="inquiry-page__error">{errors.form}</Text>}
      <View className="inquiry-page__actions">
        <BigButton text={busy ? '正在提交…' : '提交咨询'} disabled={busy} onClick={submit} />
      </View>
    </View>
  )
}
