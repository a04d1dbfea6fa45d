import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Role } from '../../../../types/roles'
import { ROUTES } from '../../../../types/routes'
import { ChoiceChips } from '../../../components/choice-chips'
import { InquiryCard } from '../../../components/inquiry-card'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { inquiryApi } from '../../../services/api/inquiry'
import { navigate } from '../../../utils/nav'
import { ListStatus, StaffOnly } from '../load-status'
import { loadPages, MoreButton, PAGE_SIZE } from '../paging'
import { useStaffMe } from '../staff'
import '../staff.scss'
import './index.scss'

type Box = 'unclaimed' | 'mine' | 'overdue'
const BOX_LABELS: Record<Box, string> = { unclaimed: '待认领', mine: '我的', overdue: '超期' }
const EMPTY: Record<Box, string> = { unclaimed: '没有待认领的咨询', mine: '您负责的咨询都已处理', overdue: '没有临近或超过答复期限的咨询' }
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
  const list = useLoad(() => loadPages(pages, (page) => inquiryApi.inbox({ box, page, pageSize: PAGE_SIZE })), [box, pages], {
    intervalMs: POLL_MS,
  })

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
      <ListStatus list={list} empty={EMPTY[box]} />
      {list.data?.items.map((q) => (
        <InquiryCard key={q.inquiryId} q={q} mode="staff" onClick={() => navigate(ROUTES.staffInquiry, { id: q.inquiryId })} />
      ))}
      <MoreButton list={list} onMore={() => setPages((n) => n + 1)} />
    </View>
  )
}

/** 咨询 inbox: my department's unclaimed questions, the ones I own, and (leads, supervisors) those near or past the reply deadline. */
export default function StaffInquiries() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff staff-inquiries`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="咨询处理仅限中心工作人员使用" />}>
        {(m) => <Inbox boxes={boxesOf(m.role)} />}
      </StaffOnly>
    </View>
  )
}
