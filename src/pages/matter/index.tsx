import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { MatterDetail } from '../../../types/contracts/catalog'
import { MATERIAL_FORM_LABELS, MATTER_KIND_LABELS, type Fee, type Material } from '../../../types/domain/catalog'
import { BigButton } from '../../components/big-button'
import { FaqList } from '../../components/faq-list'
import { Section } from '../../components/section'
import { StatusView } from '../../components/status-view'
import { Tag } from '../../components/tag'
import { useLargeText } from '../../hooks/useLargeText'
import { useRemote } from '../../hooks/useRemote'
import { getMatter } from '../../services/catalog'
import { faqForMatter } from '../../services/inquiry'
import { takeTicket } from '../../services/queue'
import { askConsent, prefetchConsent } from '../../services/subscribe'
import './index.scss'

const AUDIENCE_LABELS: Record<MatterDetail['audience'], string> = {
  person: '个人办理',
  enterprise: '企业（法人）办理',
  both: '个人、企业均可办理',
}

/** A bad or unknown id: retrying will not help, searching will. */
const isMissing = (code: string) => code === 'NOT_FOUND' || code === 'INVALID_INPUT'
const days = (n: number) => (n === 0 ? '即办（当场办结）' : `${n}个工作日`)

/** 现场取号: for someone already in the hall without a booking. */
async function takeWalkInTicket(m: MatterDetail) {
  prefetchConsent('queue')
  const ok = await Taro.showModal({
    title: '现场取号',
    content: `您已在政务服务中心大厅吗？取号后请留意叫号。\n事项：${m.name}`,
    confirmText: '取号',
    cancelText: '还没到',
  })
  if (!ok.confirm) return
  // 排队叫号提醒: asked from the modal's confirm tap (WeChat accepts that as the user's tap), before the ticket exists.
  await askConsent('queue')
  Taro.showLoading({ title: '正在取号', mask: true })
  const r = await takeTicket(m.id)
  Taro.hideLoading()
  if (r.ok) Taro.navigateTo({ url: '/pages/queue/index' })
  else Taro.showModal({ title: '未能取号', content: r.error.message, showCancel: false, confirmText: '知道了' })
}

function MaterialItem({ m, index }: { m: Material; index: number }) {
  return (
    <View className="matter__material">
      <Text className="matter__material-name">
        {index + 1}. {m.name}
      </Text>
      <View className="matter__tags">
        <Tag text={m.required ? '必须提供' : '按情况提供'} tone={m.required ? 'orange' : 'gray'} />
        <Tag text={MATERIAL_FORM_LABELS[m.form]} />
        <Tag text={`${m.copies}份`} tone="gray" />
        {m.uploadable && <Tag text="可网上提交" tone="green" />}
      </View>
      {m.notes && <Text className="matter__note">说明：{m.notes}</Text>}
      {m.sample && <Text className="matter__note">样表：{m.sample}</Text>}
    </View>
  )
}

function FeeText({ fee }: { fee: Fee }) {
  if (fee.free) return <Text className="matter__strong">不收费</Text>
  return (
    <View>
      <Text className="matter__strong">{fee.amount}元</Text>
      <Text className="matter__line">收费标准：{fee.standard}</Text>
      <Text className="matter__line">收费依据：{fee.legalBasis}</Text>
    </View>
  )
}

const askAbout = (m: MatterDetail) => Taro.navigateTo({ url: `/packages/inquiry/ask/index?matterId=${encodeURIComponent(m.id)}` })

/** 常见问题: answers staff published from real inquiries (personal data removed on the server). */
function Faq({ m }: { m: MatterDetail }) {
  const faq = useRemote(() => faqForMatter(m.id), [m.id])
  return (
    <Section title="常见问题">
      {faq.status === 'loading' && <Text className="matter__hint">正在读取…</Text>}
      {faq.status === 'error' && (
        <View className="matter__faq-retry" hoverClass="matter__phone--pressed" onClick={faq.retry}>
          常见问题加载失败，点击重试
        </View>
      )}
      {faq.status === 'ready' && faq.data.items.length > 0 && <FaqList items={faq.data.items} />}
      {faq.status === 'ready' && faq.data.items.length === 0 && (
        <Text className="matter__hint">暂无常见问题。有疑问可点下方「咨询此事项」。</Text>
      )}
    </Section>
  )
}

function Detail({ m }: { m: MatterDetail }) {
  return (
    <View>
      <View className="matter__head">
        <Text className="matter__name">{m.name}</Text>
        <Text className="matter__dept">{m.department.name}</Text>
        <View className="matter__tags">
          <Tag text={MATTER_KIND_LABELS[m.kind]} tone={m.kind === 'immediate' ? 'green' : 'blue'} />
          <Tag text={AUDIENCE_LABELS[m.audience]} tone="gray" />
          {m.flags.atMostOneTrip && <Tag text="最多跑一次" tone="green" />}
          {m.flags.appointment && <Tag text="可预约" />}
          {m.flags.onlineApplication && <Tag text="可网上申请" />}
          {m.flags.doorToDoor && <Tag text="可上门服务" tone="orange" />}
        </View>
      </View>

      <Section title="办理时限">
        <View className="matter__row">
          <Text className="matter__label">法定时限</Text>
          <Text className="matter__value">{days(m.legalLimitDays)}</Text>
        </View>
        <View className="matter__row">
          <Text className="matter__label">承诺时限</Text>
          <Text className="matter__value matter__strong">{days(m.promisedLimitDays)}</Text>
        </View>
        <Text className="matter__hint">工作日不含法定节假日，按国家调休安排计算。</Text>
      </Section>

      <Section title={`申请材料（共${m.materials.length}项）`}>
        {m.materials.map((mat, i) => (
          <MaterialItem key={`${i}-${mat.name}`} m={mat} index={i} />
        ))}
      </Section>

      <Section title="收费">
        <FeeText fee={m.fee} />
      </Section>

      <Section title="办理条件">
        {m.conditions.map((c, i) => (
          <Text key={i} className="matter__item">
            {i + 1}. {c}
          </Text>
        ))}
      </Section>

      {m.steps.length > 0 && (
        <Section title="办理流程">
          {m.steps.map((s, i) => (
            <View key={i} className="matter__step">
              <Text className="matter__step-no">{i + 1}</Text>
              <Text className="matter__step-text">{s}</Text>
            </View>
          ))}
        </Section>
      )}

      <Section title="办理地点">
        <Text className="matter__strong">{m.department.name}</Text>
        {m.department.location && <Text className="matter__line">位置：{m.department.location}</Text>}
        {m.windows.length > 0 && (
          <Text className="matter__line">窗口：{m.windows.map((w) => `${w.number}号窗口（${w.name}）`).join('、')}</Text>
        )}
        {m.department.phone && (
          <View
            className="matter__phone"
            hoverClass="matter__phone--pressed"
            onClick={() => Taro.makePhoneCall({ phoneNumber: m.department.phone }).catch(() => {})}
          >
            咨询电话：{m.department.phone}（点击拨打）
          </View>
        )}
      </Section>

      <Section title="设定依据">
        {m.legalBasis.map((b, i) => (
          <Text key={i} className="matter__item">
            {b}
          </Text>
        ))}
      </Section>

      <Faq m={m} />

      {m.notes && (
        <Section title="温馨提示">
          <Text className="matter__line">{m.notes}</Text>
        </Section>
      )}

      <View className="matter__actions">
        {m.flags.onlineApplication && (
          <View className="matter__action-gap--after">
            <BigButton
              text="网上申请"
              onClick={() => Taro.navigateTo({ url: `/packages/case/apply/index?matterId=${encodeURIComponent(m.id)}` })}
            />
          </View>
        )}
        {m.flags.appointment && (
          <BigButton
            text="预约办理"
            onClick={() => Taro.navigateTo({ url: `/pages/booking/date/index?matterId=${encodeURIComponent(m.id)}` })}
          />
        )}
        {m.windows.length > 0 && (
          <View className="matter__action-gap">
            <BigButton kind="secondary" text="现场取号（已在大厅）" onClick={() => takeWalkInTicket(m)} />
          </View>
        )}
        <View className="matter__action-gap">
          <BigButton kind="secondary" text="咨询此事项" onClick={() => askAbout(m)} />
        </View>
      </View>
    </View>
  )
}

export default function MatterPage() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const id = params.id ?? ''
  const matter = useRemote(() => getMatter(id), [id])

  return (
    <View className={`${rootClass} matter`}>
      {matter.status === 'loading' && <StatusView kind="loading" />}
      {matter.status === 'error' && isMissing(matter.error.code) && (
        <View>
          <StatusView kind="empty" message="未找到该事项，可能已调整或下线" />
          <View className="matter__actions">
            <BigButton kind="secondary" text="查找其他事项" onClick={() => Taro.redirectTo({ url: '/pages/search/index' })} />
          </View>
        </View>
      )}
      {matter.status === 'error' && !isMissing(matter.error.code) && (
        <StatusView kind="error" message={matter.error.message} onRetry={matter.retry} />
      )}
      {matter.status === 'ready' && <Detail m={matter.data} />}
    </View>
  )
}
