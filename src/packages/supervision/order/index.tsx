import { Text, View } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import type { OrderView } from '../../../../types/contracts/supervision/orders'
import type { OrderAction } from '../../../../types/domain/supervision-orders'
import { ROUTES } from '../../../../types/routes'
import type { Role } from '../../../../types/roles'
import { BigButton } from '../../../components/big-button'
import { InfoRow } from '../../../components/info-row'
import { LoadStatus } from '../../../components/status-view'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { supervisionApi } from '../../../services/api/supervision'
import { longDate } from '../../../utils/dates'
import { messageTime } from '../../../utils/messages'
import { navigate, useQuery } from '../../../utils/nav'
import { useStaffMe } from '../../staff/staff'
import { dueText, objectLine, OrderFlags } from '../orders/order-parts'
import { ClosePanel, ReplyPanel, SendBackPanel, type PanelProps } from './panels'
import { STEP_LABELS } from './steps'
import '../../staff/staff.scss'
import './index.scss'

const PANELS: Record<OrderAction, ComponentType<PanelProps>> = { reply: ReplyPanel, close: ClosePanel, sendBack: SendBackPanel }
const TONES = { open: 'blue', returned: 'orange', replied: 'orange', closed: 'gray' } as const

/** Where the reader opens the order's object: the office the supervision case view, the department its own pages. */
function objectLink(v: OrderView, role: Role | undefined): (() => void) | undefined {
  const id = v.object.id
  if (!id) return undefined
  const office = role === 'supervisor' || role === 'admin'
  if (v.object.kind === 'case') return () => navigate(office ? ROUTES.supervisionCase : ROUTES.staffCase, { id })
  if (role === 'admin') return undefined
  if (v.object.kind === 'rating') return () => navigate(ROUTES.staffRating, { id })
  if (v.object.kind === 'complaint') return () => navigate(ROUTES.staffComplaint, { id })
  return undefined
}

function Head({ v }: { v: OrderView }) {
  const due = dueText(v, true)
  return (
    <View className="staff__head">
      <Text className="staff__title">{v.object.title}</Text>
      <View className="sv-order__state">
        <Tag text={v.stateLabel} tone={TONES[v.state]} />
        <OrderFlags v={v} />
      </View>
      <Text className="staff__sub">
        {v.object.kindLabel}督办 · {v.departmentName}
      </Text>
      {due && <Text className={`sv-order__due${v.overdue ? ' sv-order__due--overdue' : ''}`}>{v.overdue ? `已超期 · ${due}` : due}</Text>}
    </View>
  )
}

function Record({ v, role }: { v: OrderView; role: Role | undefined }) {
  const open = objectLink(v, role)
  return (
    <>
      <Section title="督办内容">
        <InfoRow label="对象">{objectLine(v.object)}</InfoRow>
        {v.object.caseNo && <InfoRow label="办件编号">{v.object.caseNo}</InfoRow>}
        <InfoRow label="事由" strong>
          {v.reason}
        </InfoRow>
        <InfoRow label="要求">{v.requirement}</InfoRow>
        <InfoRow label="发出">
          {messageTime(v.issuedAt)} {v.issuedBy ? `${v.issuedBy.name}（${v.issuedBy.staffNo}）` : '系统自动督办'}
        </InfoRow>
        <InfoRow label="期限">{longDate(v.dueDate)}</InfoRow>
        {open && (
          <View className="sv-order__link" hoverClass="sv-order__link--pressed" onClick={open}>
            查看{v.object.kindLabel} ›
          </View>
        )}
      </Section>
      {v.reply && (
        <Section title="部门回复">
          <InfoRow label="回复">
            {messageTime(v.reply.at)} {v.reply.by.name}（{v.reply.by.staffNo}）{v.reply.late ? ' · 超期回复' : ''}
          </InfoRow>
          <Text className="sv-order__text">{v.reply.text}</Text>
        </Section>
      )}
      {v.state === 'returned' && v.sendBack && (
        <Section title="退回原因">
          <Text className="sv-order__text">{v.sendBack.reason}</Text>
        </Section>
      )}
      {v.escalation && (
        <Section title="通报">
          <InfoRow label="原因" strong>
            {v.escalation.causeLabel}
          </InfoRow>
          <InfoRow label="时间">{messageTime(v.escalation.at)}</InfoRow>
          <Text className="sv-order__note">已通报中心主任。</Text>
        </Section>
      )}
      <Section title="处理记录">
        {v.steps.map((s, i) => (
          <View key={i} className={`sv-order__entry sv-order__entry--${s.kind}`}>
            <Text className="sv-order__entry-head">
              {messageTime(s.at)} {s.label}
              {s.by ? `（${s.by.name} ${s.by.staffNo}）` : s.kind === 'issued' ? '（系统）' : ''}
            </Text>
            {s.text && <Text className="sv-order__entry-text">{s.text}</Text>}
            {s.dueDate && s.kind !== 'escalated' && <Text className="sv-order__entry-text">回复期限 {longDate(s.dueDate)}</Text>}
          </View>
        ))}
      </Section>
    </>
  )
}

function Detail({ v, role, onChanged }: { v: OrderView; role: Role | undefined; onChanged: () => void }) {
  const [open, setOpen] = useState<OrderAction | null>(null)
  const Panel = open && PANELS[open]
  const steps = v.allowedActions
  return (
    <View>
      <Head v={v} />
      {!Panel && steps.length > 0 && (
        <View className="staff__actions sv-order__actions">
          {steps.map((s, i) => (
            <BigButton key={s} kind={i === 0 ? 'primary' : 'secondary'} text={STEP_LABELS[s]} onClick={() => setOpen(s)} />
          ))}
        </View>
      )}
      {Panel && (
        <Panel
          key={open}
          v={v}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null)
            onChanged()
          }}
        />
      )}
      {steps.length === 0 && (
        <Text className="staff__note">
          {v.state === 'closed' ? '该督办单已办结。' : v.state === 'replied' ? '部门已回复，等待效能监督核查。' : '等待被督办部门回复。'}
        </Text>
      )}
      <Record v={v} role={role} />
    </View>
  )
}

/** 督办单: one order with its object, reason, requirement and deadline, the steps the caller may take, and its record. */
export default function SupervisionOrder() {
  const { rootClass } = useLargeText()
  const q = useQuery(ROUTES.supervisionOrder)
  const id = q.id ?? ''
  const v = useLoad(() => supervisionApi.getOrder({ orderId: id }), [id], { intervalMs: 60_000 })
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff sv-order`}>
      {q.fresh && v.data && <Text className="sv-order__fresh">督办单已发出，已通知{v.data.departmentName}的负责人。</Text>}
      {!v.data && <LoadStatus of={v} missing="未找到该督办单，或不属于本部门" />}
      {v.data && <Detail v={v.data} role={me.data?.role} onChanged={v.refresh} />}
    </View>
  )
}
