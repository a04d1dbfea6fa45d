import { Text, View } from '@tarojs/components'
import type { OrderObjectView, OrderSummary } from '../../../../types/contracts/supervision/orders'
import { ORDER_FILTERS, type OrderFilter } from '../../../../types/domain/supervision-orders'
import { longDate, monthDay } from '../../../utils/dates'
import './order-parts.scss'

/** The object in one line: a case by its matter (its number has a row of its own), anything else by its title, which names its kind. */
export const objectLine = (o: OrderObjectView): string => (o.kind === 'case' && o.matterName ? `办件 · ${o.matterName}` : o.title)

export const orderFilterOf = (s: string | undefined): OrderFilter =>
  (ORDER_FILTERS as readonly string[]).includes(s ?? '') ? (s as OrderFilter) : 'open'

/** The reply's due date as its reader needs it: 回复期限11月9日 (`long`: 2026年11月9日（周一）), or nothing once replied or closed. */
export function dueText(v: Pick<OrderSummary, 'state' | 'dueDate'>, long = false): string {
  if (v.state === 'closed' || v.state === 'replied') return ''
  return `回复期限${(long ? longDate : monthDay)(v.dueDate)}`
}

/**
 * The flags of an order in words (超期, 通报, 自动督办): colour is never the only signal, for
 * colour-blind staff and for a screen reader.
 */
export function OrderFlags({ v }: { v: Pick<OrderSummary, 'overdue' | 'escalation' | 'auto'> }) {
  return (
    <View className="order-flags">
      {v.overdue && <Text className="order-flag order-flag--overdue">超期</Text>}
      {v.escalation && <Text className="order-flag order-flag--escalated">通报</Text>}
      {v.auto && <Text className="order-flag order-flag--auto">自动督办</Text>}
    </View>
  )
}
