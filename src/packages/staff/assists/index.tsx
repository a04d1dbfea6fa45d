import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ROUTES } from '../../../../types/routes'
import { AssistCard } from '../../../components/assist-record'
import { ChoiceChips } from '../../../components/choice-chips'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { assistApi } from '../../../services/api/assist'
import { navigate } from '../../../utils/nav'
import { ListStatus, StaffOnly } from '../load-status'
import { useStaffMe } from '../staff'
import '../staff.scss'
import './index.scss'

type Box = 'unclaimed' | 'mine'
const BOXES = [
  { value: 'unclaimed', label: '待认领' },
  { value: 'mine', label: '我负责的' },
] as const
const EMPTY: Record<Box, string> = { unclaimed: '没有待认领的帮办申请', mine: '您负责的帮办申请都已办结' }
const POLL_MS = 30_000

function Inbox() {
  const [box, setBox] = useState<Box>('unclaimed')
  const list = useLoad(() => assistApi.inbox({ box }), [box], { intervalMs: POLL_MS })
  return (
    <View>
      <View className="staff-assists__tabs">
        <ChoiceChips name="box" options={BOXES} value={box} onChange={setBox} />
        <Text className="staff-assists__hint">首问负责制：认领后由您负责到底，1个工作日内电话联系申请人。</Text>
      </View>
      <ListStatus list={list} empty={EMPTY[box]} />
      {list.data?.items.map((a) => (
        <AssistCard key={a.assistId} a={a} onClick={() => navigate(ROUTES.staffAssist, { id: a.assistId })} />
      ))}
    </View>
  )
}

/** 帮办代办 desk: requests nobody claimed yet (oldest first) and the ones I answer for. */
export default function StaffAssists() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff staff-assists`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="帮办代办仅限中心工作人员使用" />}>
        {() => <Inbox />}
      </StaffOnly>
    </View>
  )
}
