import type { MatterDetail } from '../../../../types/contracts/catalog'
import type { parseSlotId } from '../../../../types/domain/schedule'
import { InfoRow } from '../../../components/info-row'
import { Section } from '../../../components/section'
import { longDate } from '../../../utils/dates'
import { windowLabel } from '../../../utils/windows'

type Slot = NonNullable<ReturnType<typeof parseSlotId>>

/** 预约事项: what is being booked, when and at which window (the matter fills in when it has loaded). */
export function BookingSummary({ matter, slot, end, anyWindow }: { matter?: MatterDetail; slot: Slot; end: string; anyWindow: boolean }) {
  return (
    <Section title="预约事项">
      <InfoRow label="事项" strong>
        {matter?.name ?? '…'}
      </InfoRow>
      <InfoRow label="时间" strong>
        {`${longDate(slot.date)} ${slot.start}${end ? `–${end}` : ''}`}
      </InfoRow>
      <InfoRow label="窗口">{anyWindow ? '任一窗口（预约成功后告知窗口号）' : windowLabel(matter?.windows, slot.windowId)}</InfoRow>
      {matter?.department.location && <InfoRow label="地点">{matter.department.location}</InfoRow>}
    </Section>
  )
}
