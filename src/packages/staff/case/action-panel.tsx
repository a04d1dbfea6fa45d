import { Input, Text, Textarea } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import type { CaseAction } from '../../../../types/domain/case-machine'
import { FormField } from '../../../components/form-field'
import { ActionForm } from './action-form'
import { FeePanel } from './fee-panel'
import { MailPanel } from './mail-panel'
import type { PanelProps } from './panel-props'
import { SupplementPanel } from './supplement-panel'
import { useCaseAction } from './use-case-action'

/** A transition that takes only the note (开始预审, 受理, 开始办理, a mailed case's 确认送达). */
function NotePanel({ c, action, onDone, onCancel }: PanelProps) {
  const act = useCaseAction(c.caseId, action, onDone)
  return <ActionForm act={act} onSubmit={() => act.submit()} onCancel={onCancel} />
}

/** 不予办理: the reason and its legal basis, which the applicant reads. */
function RejectPanel({ c, action, onDone, onCancel }: PanelProps) {
  const act = useCaseAction(c.caseId, action, onDone)
  const [reason, setReason] = useState('')
  return (
    <ActionForm act={act} onSubmit={() => act.submit({ reason: reason.trim() })} onCancel={onCancel}>
      <FormField label="不予办理的理由和依据" name="reason" error={act.errors.reason}>
        <Textarea
          className="staff-case__textarea"
          value={reason}
          maxlength={300}
          autoHeight
          placeholder="写明理由及法律依据，申请人可见"
          onInput={(e) => setReason(e.detail.value)}
        />
      </FormField>
    </ActionForm>
  )
}

/** 通知领取: the system makes the pickup code; nothing to type but the note. */
function ReadyPanel({ c, action, onDone, onCancel }: PanelProps) {
  const act = useCaseAction(c.caseId, action, onDone)
  return (
    <ActionForm act={act} onSubmit={() => act.submit()} onCancel={onCancel}>
      <Text className="staff-case__hint">系统将生成6位取件码发给申请人，领取时核对。</Text>
    </ActionForm>
  )
}

/** 确认送达 at the window: the 6-digit code the applicant shows, checked with their ID card. */
function HandOverPanel({ c, action, onDone, onCancel }: PanelProps) {
  const act = useCaseAction(c.caseId, action, onDone)
  const [pickupCode, setPickupCode] = useState('')
  return (
    <ActionForm act={act} onSubmit={() => act.submit({ pickupCode: pickupCode.trim() })} onCancel={onCancel}>
      <FormField label="申请人出示的取件码" name="pickupCode" error={act.errors.pickupCode} hint="核验身份证后输入6位取件码">
        <Input
          className="form-field__input"
          type="number"
          value={pickupCode}
          maxlength={6}
          onInput={(e) => setPickupCode(e.detail.value)}
        />
      </FormField>
    </ActionForm>
  )
}

/** 确认送达: handed over at the window (a code to check), or a mailed case's delivery (the note only). */
const CompletePanel = (props: PanelProps) =>
  props.c.state === 'ready_for_pickup' ? <HandOverPanel {...props} /> : <NotePanel {...props} />

/** The transitions of the state table (types/domain/case-machine.ts) that take more than a note. */
const PANELS: Partial<Record<CaseAction, ComponentType<PanelProps>>> = {
  requestSupplement: SupplementPanel,
  reject: RejectPanel,
  approve: FeePanel,
  completeImmediately: FeePanel,
  readyForPickup: ReadyPanel,
  mail: MailPanel,
  complete: CompletePanel,
}

/** The inputs a transition needs, then the transition itself: every staff action goes through here. */
export function ActionPanel(props: PanelProps) {
  const Panel = PANELS[props.action] ?? NotePanel
  return <Panel {...props} />
}
