import { Text, View } from '@tarojs/components'
import type { LightItem, ViolationView } from '../../../../types/contracts/supervision/lights'
import type { Light } from '../../../../types/domain/supervision-lights'
import { longDate } from '../../../utils/dates'
import { messageTime } from '../../../utils/messages'

/** The light in words and colour (红灯, 黄灯, 绿灯): never the colour alone. */
export function LightBadge({ light, label }: { light: Light; label: string }) {
  return <Text className={`sv-light sv-light--${light}`}>● {label}</Text>
}

/** Every reason of a light: what was found and its plain explanation. */
export function Reasons({ reasons }: { reasons: LightItem['reasons'] }) {
  return (
    <View className="sv-reasons">
      {reasons.map((r, i) => (
        <View key={`${r.code}${i}`} className={`sv-reasons__item sv-reasons__item--${r.code}`}>
          <Text className="sv-reasons__label">{r.label}</Text>
          <Text className="sv-reasons__detail">{r.detail}</Text>
        </View>
      ))}
    </View>
  )
}

/** A lit case in a list: its number and matter, the department, the light and why, the promised date. */
export function LightCard({ l, onOpen }: { l: LightItem; onOpen: () => void }) {
  return (
    <View className={`sv-light-card sv-light-card--${l.light}`} hoverClass="sv-light-card--pressed" onClick={onOpen}>
      <View className="sv-light-card__head">
        <Text className="sv-light-card__title">{l.matterName}</Text>
        <LightBadge light={l.light} label={l.lightLabel} />
      </View>
      <Text className="sv-light-card__line">
        {l.caseNo} · {l.departmentName}
      </Text>
      <Reasons reasons={l.reasons} />
      {l.dueDate && <Text className="sv-light-card__line">承诺办结：{longDate(l.dueDate)}</Text>}
    </View>
  )
}

const STATUS_CLASS: Record<ViolationView['status'], string> = {
  open: 'open',
  appealed: 'appealed',
  upheld: 'upheld',
  dismissed: 'dismissed',
}

/** A violation in a list: its label and category, the case, the detail, its status and when it was found. */
export function ViolationCard({ v, onOpen }: { v: ViolationView; onOpen?: () => void }) {
  return (
    <View
      className={`sv-violation sv-violation--${STATUS_CLASS[v.status]}`}
      hoverClass={onOpen ? 'sv-violation--pressed' : 'none'}
      onClick={onOpen}
    >
      <View className="sv-violation__head">
        <Text className="sv-violation__title">{v.label}</Text>
        <Text className="sv-violation__status">{v.statusLabel}</Text>
      </View>
      <Text className="sv-violation__line">
        {v.category} · {v.caseNo} · {v.matterName}
      </Text>
      <Text className="sv-violation__detail">{v.detail}</Text>
      <Text className="sv-violation__line">
        {v.departmentName}
        {v.staffNo ? ` · 经办 ${v.staffNo}` : ''} · 发现于{messageTime(v.detectedAt)}
      </Text>
    </View>
  )
}
