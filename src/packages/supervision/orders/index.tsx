import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { OrderSummary } from '../../../../types/contracts/supervision/orders'
import { ORDER_FILTER_LABELS, ORDER_FILTERS, type OrderFilter } from '../../../../types/domain/supervision-orders'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { supervisionApi } from '../../../services/api/supervision'
import { navigate, useQuery } from '../../../utils/nav'
import { ListStatus, StaffOnly } from '../../staff/load-status'
import { loadPages, MoreButton, PAGE_SIZE } from '../../staff/paging'
import { useStaffMe, type StaffMe } from '../../staff/staff'
import { dueText, OrderFlags, orderFilterOf } from './order-parts'
import '../../staff/staff.scss'
import './index.scss'

const POLL_MS = 60_000
const READERS = ['supervisor', 'admin', 'dept_lead']

const EMPTY: Record<OrderFilter, string> = {
  open: '没有待回复的督办单',
  replied: '没有待核查的督办单',
  closed: '没有已办结的督办单',
  escalated: '没有通报的督办单',
}
const HINTS: Record<OrderFilter, string> = {
  open: '超期的在前。部门负责人在回复期限内回复整改情况，逾期未回复的通报中心主任。',
  replied: '部门已回复、等待效能监督核查的，等待最久的在前。',
  closed: '核查办结的督办单，最新的在前。',
  escalated: '逾期未回复或超期回复、已通报中心主任的督办单。',
}

/** One order: what it is about, the department, the reason, its state and due date, and its flags in words. */
function OrderCard({ v }: { v: OrderSummary }) {
  return (
    <View
      className={`order-card order-card--${v.overdue ? 'overdue' : v.state}`}
      hoverClass="order-card--pressed"
      onClick={() => navigate(ROUTES.supervisionOrder, { id: v.orderId })}
    >
      <View className="order-card__head">
        <Text className="order-card__title">{v.object.title}</Text>
        <OrderFlags v={v} />
      </View>
      <Text className="order-card__line">
        {v.object.kindLabel} · {v.departmentName}
      </Text>
      <Text className="order-card__reason">{v.reason}</Text>
      <Text className="order-card__state">{[v.stateLabel, dueText(v)].filter(Boolean).join(' · ')}</Text>
    </View>
  )
}

function Worklist({ me, initial }: { me: StaffMe; initial: OrderFilter }) {
  const everyDepartment = me.role === 'supervisor' || me.role === 'admin'
  const [filter, setFilter] = useState<OrderFilter>(initial)
  const [pages, setPages] = useState(1)
  const [deptIndex, setDeptIndex] = useState(0)
  const depts = useLoad(() => catalogApi.listDepartments(), [], { onShow: false })
  const departments = [{ id: '', name: '全部部门' }, ...(depts.data?.departments ?? [])]
  const departmentId = everyDepartment && deptIndex > 0 ? departments[deptIndex].id : undefined
  const list = useLoad(
    () =>
      loadPages(pages, (page) =>
        supervisionApi.listOrders({ filter, page, pageSize: PAGE_SIZE, ...(departmentId ? { departmentId } : {}) }),
      ),
    [filter, departmentId, pages],
    { intervalMs: POLL_MS },
  )
  const pick = (f: OrderFilter) => {
    setPages(1)
    setFilter(f)
  }
  return (
    <View>
      <View className="sv-orders__filters">
        {me.role === 'supervisor' && (
          <View className="sv-orders__new">
            <BigButton
              kind="secondary"
              text="发出督办（共性问题）"
              onClick={() => navigate(ROUTES.supervisionOrderNew, { kind: 'pattern' })}
            />
          </View>
        )}
        {everyDepartment && (
          <Picker
            mode="selector"
            range={departments.map((d) => d.name)}
            value={deptIndex}
            onChange={(e) => {
              setPages(1)
              setDeptIndex(Number(e.detail.value))
            }}
          >
            <View className="sv-orders__picker">部门：{departments[deptIndex].name} ▾</View>
          </Picker>
        )}
        <ChoiceChips
          name="filter"
          options={ORDER_FILTERS.map((f) => ({ value: f, label: ORDER_FILTER_LABELS[f] }))}
          value={filter}
          onChange={pick}
        />
        <Text className="sv-orders__hint">{everyDepartment ? HINTS[filter] : `本部门的督办单。${HINTS[filter]}`}</Text>
      </View>
      <ListStatus list={list} empty={EMPTY[filter]} />
      {list.data?.items.map((v) => (
        <OrderCard key={v.orderId} v={v} />
      ))}
      <MoreButton list={list} onMore={() => setPages(pages + 1)} />
    </View>
  )
}

/** 督办: the orders the office issued; a department lead sees their own department's, the office and the director every one. */
export default function SupervisionOrders() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  const initial = orderFilterOf(useQuery(ROUTES.supervisionOrders).state)
  return (
    <View className={`${rootClass} staff sv-orders`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="督办单仅限效能监督、中心主任和部门负责人查看" />}>
        {(m) =>
          READERS.includes(m.role) ? (
            <Worklist me={m} initial={initial} />
          ) : (
            <StatusView kind="empty" message="督办单仅限效能监督、中心主任和部门负责人查看" />
          )
        }
      </StaffOnly>
    </View>
  )
}
