import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { InquirySummary } from '../../../../types/contracts/inquiry'
import type { Role } from '../../../../types/roles'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { InquiryCard } from '../../../components/inquiry-card'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { inquiryInbox } from '../../../services/inquiry'
import { pageUrl } from '../../../utils/params'
import { useStaffMe } from '../staff'
import '../staff.scss'
import './index.scss'

type Box = 'unclaimed' | 'mine' | 'overdue'
const BOX_LABELS: Record<Box, string> = { unclaimed: '待认领', mine: '我的', overdue: '超期' }
const EMPTY: Record<Box, string> = { unclaimed: '没有待认领的咨询', mine: '您负责的咨询都已处理', overdue: '没有临近或超过答复期限的咨询' }
const PAGE_SIZE = 20
const POLL_MS = 30_000

/**
 * The boxes a role has (the server's rule, cloudfunctions/inquiry/actions/inbox.ts): window staff
 * the unclaimed and their own; a department lead also the overdue; a supervisor owns none.
 */
const boxesOf = (role: Role): Box[] =>
  role === 'window_staff' ? ['unclaimed', 'mine'] : role === 'supervisor' ? ['unclaimed', 'overdue'] : ['unclaimed', 'mine', 'overdue']

function Inbox({ boxes }: { boxes: Box[] }) {
  const [box, setBox] = useState<Box>(boxes[0])
  const [pages, setPages] = useState(1)
  const list = useLiveRemote(
    async () => {
      // Every page up to the last one asked for, so a refresh keeps the list as long as it was.
      const items: InquirySummary[] = []
      let hasMore = false
      for (let page = 1; page <= pages; page++) {
        const r = await inquiryInbox({ box, page, pageSize: PAGE_SIZE })
        if (!r.ok) return r
        items.push(...r.data.items)
        hasMore = r.data.hasMore
        if (!hasMore) break
      }
      return { ok: true as const, data: { items, hasMore } }
    },
    [box, pages],
    POLL_MS,
  )
  const items = list.data?.items ?? []

  return (
    <View>
      <View className="staff-inquiries__tabs">
        <ChoiceChips
          name="box"
          options={boxes.map((b) => ({ value: b, label: BOX_LABELS[b] }))}
          value={box}
          onChange={(v) => {
            setPages(1)
            setBox(v)
          }}
        />
        <Text className="staff-inquiries__hint">首问负责制：认领后由您负责答复到底，不能答复的请转交并写明原因。</Text>
      </View>
      {!list.data && list.loading && <StatusView kind="loading" />}
      {!list.data && list.error && (
        <StatusView kind={list.error.code === 'FORBIDDEN' ? 'empty' : 'error'} message={list.error.message} onRetry={list.refresh} />
      )}
      {list.data && list.error && <Text className="staff__error">刷新失败：{list.error.message}</Text>}
      {list.data && items.length === 0 && <StatusView kind="empty" message={EMPTY[box]} />}
      {items.map((q) => (
        <InquiryCard
          key={q.inquiryId}
          q={q}
          mode="staff"
          onClick={() => Taro.navigateTo({ url: pageUrl('/packages/staff/inquiry/index', { id: q.inquiryId }) })}
        />
      ))}
      {list.data?.hasMore && (
        <View className="staff__actions">
          <BigButton
            kind="secondary"
            text={list.loading ? '正在加载…' : '加载更多'}
            disabled={list.loading}
            onClick={() => setPages((n) => n + 1)}
          />
        </View>
      )}
    </View>
  )
}

/** 咨询 inbox: my department's unclaimed questions, the ones I own, and (leads, supervisors) those near or past the reply deadline. */
export default function StaffInquiries() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff staff-inquiries`}>
      {me.status === 'loading' && <StatusView kind="loading" />}
      {me.status === 'error' && <StatusView kind="error" message={me.error.message} onRetry={me.retry} />}
      {me.status === 'not-staff' && <StatusView kind="empty" message="咨询处理仅限中心工作人员使用" />}
      {me.status === 'ready' && <Inbox boxes={boxesOf(me.me.role)} />}
    </View>
  )
}
