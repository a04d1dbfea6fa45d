import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CaseView } from '../../../../types/contracts/case'
import type { CaseAction } from '../../../../types/domain/case-machine'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { CaseDeadline } from '../../../components/case-deadline'
import { CaseTimeline } from '../../../components/case-timeline'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { caseApi } from '../../../services/api/case'
import { alert, confirm } from '../../../utils/alert'
import { actionLabel, beijingDateTime, CASE_STATE_TONES, timeLeftText } from '../../../utils/case'
import { useQuery } from '../../../utils/nav'
import { StaffLoadStatus } from '../load-status'
import { ActionPanel } from './action-panel'
import { ApplicantSections, DeliverySection, MaterialsSection, SupplementAndSubtasks } from './case-sections'
import { Deliveries } from './deliveries'
import '../staff.scss'
import './index.scss'

/** The case and its buttons: a tapped action opens its panel (action-panel.tsx). */
function Detail({ c, onChanged }: { c: CaseView; onChanged: () => void }) {
  const [pending, setPending] = useState<CaseAction | null>(null)
  const [busy, setBusy] = useState(false)
  const d = c.deadline

  const completeSubtask = async () => {
    if (!(await confirm({ title: '本部门办结', content: '确认本部门承担的部分已经办完？', confirmText: '确认' }))) return
    setBusy(true)
    const r = await caseApi.completeSubtask({ caseId: c.caseId })
    setBusy(false)
    if (!r.ok) await alert('未能完成', r.error.message)
    onChanged()
  }

  return (
    <View>
      <View className="staff__head">
        <Text className="staff__title">{c.matterName}</Text>
        <View className="staff-case__state">
          <Tag text={c.stateLabel} tone={CASE_STATE_TONES[c.state]} />
          {d && <Tag text={timeLeftText(d, c.state)} tone={d.overdue ? 'orange' : 'gray'} />}
        </View>
        <Text className="staff__sub">办件编号 {c.caseNo}</Text>
        {c.submittedAt && <Text className="staff__sub">提交于 {beijingDateTime(c.submittedAt)}</Text>}
      </View>

      {c.allowedActions.length > 0 && !pending && (
        <View className="staff__actions staff-case__actions">
          {c.allowedActions.map((x, i) => (
            <View key={x} className={i > 0 ? 'staff-case__action-gap' : ''}>
              <BigButton kind={i === 0 ? 'primary' : 'secondary'} text={actionLabel(x)} disabled={busy} onClick={() => setPending(x)} />
            </View>
          ))}
        </View>
      )}
      {c.canCompleteSubtask && !pending && (
        <View className="staff__actions">
          <BigButton kind="secondary" text="本部门子任务办结" disabled={busy} onClick={completeSubtask} />
        </View>
      )}
      {pending && (
        <ActionPanel
          key={pending}
          c={c}
          action={pending}
          onCancel={() => setPending(null)}
          onDone={() => {
            setPending(null)
            onChanged()
          }}
        />
      )}
      {c.allowedActions.length === 0 && !c.canCompleteSubtask && <Text className="staff__note">当前状态下您没有可进行的操作。</Text>}

      {d && <CaseDeadline state={c.state} deadline={d} prediction={c.prediction} />}
      <ApplicantSections c={c} />
      <MaterialsSection c={c} />
      <DeliverySection c={c} />
      <SupplementAndSubtasks c={c} />
      <Section title="办理记录（含内部备注）">
        <CaseTimeline entries={c.timeline} deadlineChanges={c.deadlineChanges} />
      </Section>
      <Deliveries caseId={c.caseId} version={`${c.state}:${c.timeline.length}`} />
    </View>
  )
}

/** A case as staff see it: applicant, materials (temporary links), timeline, and exactly the allowed actions. */
export default function StaffCase() {
  const { rootClass } = useLargeText()
  const id = useQuery(ROUTES.staffCase).id ?? ''
  const kase = useLoad(() => caseApi.getCase({ caseId: id }), [id])

  return (
    <View className={`${rootClass} staff staff-case`}>
      <StaffLoadStatus of={kase} />
      {kase.data && <Detail c={kase.data} onChanged={kase.refresh} />}
    </View>
  )
}
