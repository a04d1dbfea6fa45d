import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { InquiryView } from '../../../../types/contracts/inquiry'
import { INQUIRY_IMAGE_MAX, type InquiryAction } from '../../../../types/domain/inquiry'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { InquiryThread } from '../../../components/inquiry-thread'
import { LoadStatus } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { usePushRead } from '../../../hooks/usePushRead'
import { inquiryApi } from '../../../services/api/inquiry'
import { sendImage } from '../../../services/inquiry-image'
import { alert, confirm, toast } from '../../../utils/alert'
import { monthDay } from '../../../utils/dates'
import { openMaterial } from '../../../utils/files'
import { dueText, INQUIRY_STATE_TONES, pickInquiryImage } from '../../../utils/inquiry'
import { useQuery } from '../../../utils/nav'
import { Composer } from './composer'
import { RateEntry, useInquiryRating } from './rating'
import '../inquiry.scss'
import './index.scss'

/** A conversation is live: poll while the page is open, so a staff reply shows without pulling. */
const POLL_MS = 20_000

interface DetailProps {
  q: InquiryView
  fresh: boolean
  imgFailed: number
  onChanged: () => void
  rating: ReturnType<typeof useInquiryRating>
}

function Detail({ q, fresh, imgFailed, onChanged, rating }: DetailProps) {
  const [busy, setBusy] = useState(false)
  const can = (a: InquiryAction) => q.allowedActions.includes(a)
  const staffReplied = q.messages.some((m) => m.from === 'staff')

  const resolve = async () => {
    const sure = await confirm({
      title: '问题已解决',
      content: '确认问题已经解决吗？确认后本次咨询结束，不能再追问。',
      confirmText: '已解决',
      cancelText: '还没有',
    })
    if (!sure) return
    setBusy(true)
    const r = await inquiryApi.resolve({ inquiryId: q.inquiryId })
    setBusy(false)
    if (r.ok) toast('咨询已结束', 'success')
    else await alert('操作未成功', r.error.message)
    onChanged()
  }

  const morePhoto = async () => {
    const p = await pickInquiryImage()
    if (!p.ok) {
      if (!p.cancelled) void alert('不能添加该图片', p.message)
      return
    }
    setBusy(true)
    Taro.showLoading({ title: '正在上传', mask: true })
    const r = await sendImage(q.inquiryId, p.image)
    Taro.hideLoading()
    setBusy(false)
    if (r.ok) toast('图片已添加', 'success')
    else await alert('图片未能添加', r.error.message)
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

      {staffReplied && <RateEntry q={q} canRate={can('rate')} mine={rating} />}
      {q.state === 'closed' && <Text className="inquiry-page__note inquiry-detail__closed">本次咨询已结束。如有新问题，请重新提问。</Text>}
    </View>
  )
}

/** 咨询详情: the conversation with the department, follow-ups, 已解决 and the rating — the buttons the rule table allows. */
export default function InquiryDetail() {
  const { rootClass } = useLargeText()
  const { id = '', fresh, imgFailed, msgId } = useQuery(ROUTES.inquiryDetail)
  usePushRead(msgId)
  const q = useLoad(() => inquiryApi.getInquiry({ inquiryId: id }), [id], { intervalMs: POLL_MS })
  const rating = useInquiryRating(id)

  return (
    <View className={`${rootClass} inquiry-page inquiry-detail`}>
      <LoadStatus of={q} />
      {q.data && <Detail q={q.data} fresh={fresh === '1'} imgFailed={Number(imgFailed) || 0} onChanged={q.refresh} rating={rating} />}
    </View>
  )
}
