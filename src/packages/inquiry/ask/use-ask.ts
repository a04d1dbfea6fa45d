import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { MatterDetail } from '../../../../types/contracts/catalog'
import { inquiryContract } from '../../../../types/contracts/inquiry'
import { INQUIRY_IMAGE_MAX } from '../../../../types/domain/inquiry'
import { issuesOf, ok, type Issue } from '../../../../types/result'
import { ROUTES } from '../../../../types/routes'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { inquiryApi } from '../../../services/api/inquiry'
import { sendImage } from '../../../services/inquiry-image'
import { askConsent, prefetchConsent } from '../../../services/subscribe'
import { pickInquiryImage, type PickedImage } from '../../../utils/inquiry'
import { redirect } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'

export type Topic = 'matter' | 'general'
type Matter = { id: string; name: string }

const askInput = inquiryContract.actions.ask.input

/** Issues by the field they are about (the first step of the path), the first message of each; a pathless one is the form's. */
function byField(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of issues) out[i.path.split('.')[0] || 'form'] ??= i.message
  return out
}

/**
 * 我要咨询's form: the topic (a matter, or the centre in general), the question and the photos.
 * One requestId per submitted question: a retry after a lost answer never asks twice; any edit
 * makes a new one. `fromMatter`: the matter page it was opened from, chosen until changed.
 * `fromCase`: 催办 from a case page, the question prefilled and sent with the case while its
 * matter stays chosen (the server routes it to the department handling the case).
 */
export function useAsk(fromMatter: string, fromCase?: { caseId: string; caseNo: string }) {
  const preset = useLoad<MatterDetail | null>(
    async () => (fromMatter ? catalogApi.getMatter({ id: fromMatter }) : ok(null)),
    [fromMatter],
    {
      onShow: false,
    },
  )
  const [topic, setTopic] = useState<Topic>(fromMatter ? 'matter' : 'general')
  // undefined: nothing chosen here yet, so the matter it was opened for.
  const [chosen, setChosen] = useState<Matter | null>()
  const [question, setQuestionText] = useState(fromCase ? `我的办件（编号${fromCase.caseNo}）已超过预计办结日期，请帮忙查看办理进度。` : '')
  const [images, setImages] = useState<PickedImage[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRef('')
  const consentAsked = useRef(false)
  const edited = () => {
    requestId.current = ''
  }
  const clearError = (field: string) => setErrors((e) => ({ ...e, [field]: '' }))

  useEffect(() => prefetchConsent('inquiry'), [])

  const matter: Matter | null = chosen !== undefined ? chosen : preset.data ? { id: preset.data.id, name: preset.data.name } : null

  const chooseTopic = (t: Topic) => {
    setTopic(t)
    clearError('matter')
    edited()
  }
  const chooseMatter = (m: Matter | null) => {
    setChosen(m ? { id: m.id, name: m.name } : null)
    if (m) clearError('matter')
    edited()
  }
  const setQuestion = (text: string) => {
    setQuestionText(text)
    if (errors.question) clearError('question')
    edited()
  }
  const addPhoto = async () => {
    if (images.length >= INQUIRY_IMAGE_MAX) return
    const r = await pickInquiryImage()
    if (r.ok) {
      setImages((xs) => [...xs, r.image].slice(0, INQUIRY_IMAGE_MAX))
      clearError('images')
      edited()
    } else if (!r.cancelled) setErrors((e) => ({ ...e, images: r.message }))
  }
  const removePhoto = (index: number) => {
    setImages((xs) => xs.filter((_, k) => k !== index))
    edited()
  }

  /** The photos after the question: one that fails does not undo the question (the detail page offers to add it again). */
  const sendPhotos = async (inquiryId: string): Promise<number> => {
    let failed = 0
    for (let i = 0; i < images.length; i++) {
      Taro.showLoading({ title: `正在上传图片${i + 1}/${images.length}`, mask: true })
      const up = await sendImage(inquiryId, images[i])
      if (!up.ok) failed++
    }
    return failed
  }

  const submit = async () => {
    if (busy) return
    const matterId = topic === 'matter' ? matter?.id : undefined
    if (topic === 'matter' && !matterId) return setErrors({ matter: '请选择要咨询的事项，或改选「中心综合咨询」' })
    const caseId = fromCase && matterId === fromMatter ? fromCase.caseId : undefined
    const about = { ...(matterId ? { matterId } : {}), ...(caseId ? { caseId } : {}) }
    const checked = askInput.safeParse({ ...about, question, requestId: 'draft-check' })
    if (!checked.success) return setErrors(byField(issuesOf(checked.error)))
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
    const r = await inquiryApi.ask({ ...about, question, requestId: requestId.current })
    if (!r.ok) {
      Taro.hideLoading()
      setBusy(false)
      const out = byField(r.error.issues ?? [])
      if (!out.question && !out.matterId) out.form = r.error.message
      return setErrors(out)
    }
    const failed = await sendPhotos(r.data.inquiryId)
    Taro.hideLoading()
    setBusy(false)
    void redirect(ROUTES.inquiryDetail, { id: r.data.inquiryId, fresh: 1, imgFailed: failed || undefined })
  }

  return {
    topic,
    chooseTopic,
    matter,
    /** The matter it was opened for is still being read. */
    matterLoading: chosen === undefined && !!fromMatter && preset.loading,
    chooseMatter,
    question,
    setQuestion,
    images,
    addPhoto,
    removePhoto,
    errors,
    busy,
    submit,
  }
}
