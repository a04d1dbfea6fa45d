import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MatterDetail } from '../../../types/contracts/catalog'
import { MATERIAL_FORM_LABELS, MATTER_KIND_LABELS, type Fee, type Material } from '../../../types/domain/catalog'
import { ROUTES } from '../../../types/routes'
import { BigButton } from '../../components/big-button'
import { Section } from '../../components/section'
import { Tag } from '../../components/tag'
import { navigate } from '../../utils/nav'
import { Faq } from './faq'
import { MatterNotices } from './notices'
import { takeWalkInTicket } from './walk-in'
import { windowNumberLabel } from '../../../types/domain/catalog'
import { PREDICTION_MONTHS } from '../../../types/domain/prediction'

const AUDIENCE_LABELS: Record<MatterDetail['audience'], string> = {
  person: '个人办理',
  enterprise: '企业（法人）办理',
  both: '个人、企业均可办理',
}

const days = (n: number) => (n === 0 ? '即办（当场办结）' : `${n}个工作日`)

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

export function Detail({ m }: { m: MatterDetail }) {
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

      <MatterNotices matterId={m.id} />

      <Section title="办理时限">
        <View className="matter__row">
          <Text className="matter__label">法定时限</Text>
          <Text className="matter__value">{days(m.legalLimitDays)}</Text>
        </View>
        <View className="matter__row">
          <Text className="matter__label">承诺时限</Text>
          <Text className="matter__value matter__strong">{days(m.promisedLimitDays)}</Text>
        </View>
        {m.prediction && (
          <View className="matter__row">
            <Text className="matter__label">实际用时</Text>
            <Text className="matter__value">
              通常{m.prediction.typicalDays}个工作日，多数在{m.prediction.mostDays}个工作日内
            </Text>
          </View>
        )}
        <Text className="matter__hint">
          {m.prediction ? `实际用时按近${PREDICTION_MONTHS}个月办结的${m.prediction.sample}件统计，仅供参考。` : ''}
          工作日不含法定节假日，按国家调休安排计算。
        </Text>
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
          <Text className="matter__line">窗口：{m.windows.map((w) => `${windowNumberLabel(w.number)}（${w.name}）`).join('、')}</Text>
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

      <Faq matterId={m.id} />

      {m.notes && (
        <Section title="温馨提示">
          <Text className="matter__line">{m.notes}</Text>
        </Section>
      )}

      <View className="matter__actions">
        {m.flags.onlineApplication && (
          <View className="matter__action-gap--after">
            <BigButton text="网上申请" onClick={() => navigate(ROUTES.caseApply, { matterId: m.id })} />
          </View>
        )}
        {/* One main action per screen: applying online saves the trip, so it leads where the matter offers it. */}
        {m.flags.appointment && (
          <BigButton
            kind={m.flags.onlineApplication ? 'secondary' : 'primary'}
            text="预约办理"
            onClick={() => navigate(ROUTES.bookingDate, { matterId: m.id })}
          />
        )}
        {m.windows.length > 0 && (
          <View className="matter__action-gap">
            <BigButton kind="secondary" text="现场取号（已在大厅）" onClick={() => takeWalkInTicket(m)} />
          </View>
        )}
        <View className="matter__action-gap">
          <BigButton kind="secondary" text="咨询此事项" onClick={() => navigate(ROUTES.inquiryAsk, { matterId: m.id })} />
        </View>
        {m.flags.doorToDoor && (
          <View className="matter__action-gap">
            <BigButton kind="secondary" text="申请上门服务" onClick={() => navigate(ROUTES.visitRequest, { matterId: m.id })} />
          </View>
        )}
        <View
          className="matter__help"
          hoverClass="matter__help--pressed"
          onClick={() => navigate(ROUTES.assistRequest, { matterId: m.id })}
        >
          不会操作、行动不便？申请帮办代办 ›
        </View>
      </View>
    </View>
  )
}
