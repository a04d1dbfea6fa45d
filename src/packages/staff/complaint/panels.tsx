import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import type { StaffComplaint } from '../../../../types/contracts/complaint'
import type { ComplaintAction } from '../../../../types/domain/complaint'
import { BigButton } from '../../../components/big-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { StepForm, TextBox } from '../../../components/step-form'
import { complaintApi } from '../../../services/api/complaint'
import { toast } from '../../../utils/alert'
import { useAction, type ActionState } from '../../../hooks/useAction'
import { confirmLabel } from '../../../utils/labels'
import { DepartmentChooser } from './department-chooser'

export type Departments = Array<{ id: string; name: string }>
export const PANELS = ['decide', 'resolve', 'reply', 'phone'] as const
export type Panel = (typeof PANELS)[number]
export const PANEL_LABELS: Record<Panel, string> = { decide: '受理决定', resolve: '办结答复', reply: '部门答复', phone: '查看完整电话' }

/** The panels the server's allowed actions open (and, for the office, the audited phone). */
export function panelsOf(c: StaffComplaint): Panel[] {
  const can = (a: ComplaintAction) => c.allowedActions.includes(a)
  return PANELS.filter((p) =>
    p === 'decide'
      ? can('accept') || can('notAccept') || can('transfer')
      : p === 'phone'
        ? c.view === 'office' && c.canRevealPhone
        : can(p),
  )
}

export interface PanelProps {
  c: StaffComplaint
  departments: Departments
  /** The department a transfer most likely goes to: the one of the window complained about. */
  suggested?: string
  onDone: () => void
  onCancel: () => void
}

/** A panel through the shared step form (src/components/step-form); its button says what it confirms. */
function Frame({
  panel,
  act,
  confirm,
  children,
  onSubmit,
  onCancel,
}: {
  panel: Panel
  act: ActionState
  confirm?: string
  children: ReactNode
  onSubmit: () => void
  onCancel: () => void
}) {
  return (
    <StepForm
      block="staff-complaint-act"
      step={panel}
      title={PANEL_LABELS[panel]}
      submitText={confirm ?? confirmLabel(PANEL_LABELS[panel])}
      busy={act.busy}
      error={act.errors.form}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      {children}
    </StepForm>
  )
}

type Decision = 'accept' | 'notAccept' | 'transfer'
const DECISION_LABELS: Record<Decision, string> = { accept: '受理（中心办公室办理）', notAccept: '不予受理', transfer: '转部门办理' }
const DECISION_CONFIRMS: Record<Decision, string> = { accept: '确认受理', notAccept: '确认不予受理', transfer: '确认转办' }

/** 受理 / 不予受理 (with the reason the complainant reads) / 转部门办理 (the department, an internal note). */
export function DecidePanel({ c, departments, suggested, onDone, onCancel }: PanelProps) {
  const act = useAction()
  const options = (['transfer', 'accept', 'notAccept'] as const).filter((d) => c.allowedActions.includes(d))
  const [decision, setDecision] = useState<Decision>(options[0])
  const [departmentId, setDepartmentId] = useState(suggested ?? '')
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')

  const submit = () => {
    if (decision === 'transfer' && !departmentId) return act.refuse({ departmentId: '请选择转办的部门' })
    const input =
      decision === 'transfer'
        ? { decision, departmentId, ...(note.trim() ? { note: note.trim() } : {}) }
        : decision === 'notAccept'
          ? { decision, reason }
          : { decision }
    return act.run(
      () => complaintApi.decide({ complaintId: c.complaintId, ...input }),
      () => {
        toast(decision === 'transfer' ? '已转部门办理' : decision === 'accept' ? '已受理' : '已决定不予受理')
        onDone()
      },
    )
  }

  return (
    <Frame panel="decide" act={act} confirm={DECISION_CONFIRMS[decision]} onSubmit={submit} onCancel={onCancel}>
      <ChoiceChips
        name="decision"
        options={options.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
        value={decision}
        onChange={setDecision}
      />
      {decision === 'transfer' && (
        <>
          <DepartmentChooser
            departments={departments}
            chosen={departmentId}
            error={act.errors.departmentId}
            onChoose={(id) => {
              setDepartmentId(id)
              act.refuse({})
            }}
          />
          <TextBox
            label="转办说明（选填）"
            name="note"
            hint="只给承办部门看，投诉人看不到"
            max={200}
            value={note}
            error={act.errors.note}
            placeholder="如：请核实窗口服务情况并答复"
            onInput={setNote}
          />
        </>
      )}
      {decision === 'notAccept' && (
        <TextBox
          label="不予受理的原因"
          name="reason"
          hint="会告知投诉人，至少4个字"
          max={200}
          value={reason}
          error={act.errors.reason}
          placeholder="如：不属于本中心受理范围，请向……反映"
          onInput={setReason}
        />
      )}
      {decision === 'accept' && <Text className="staff__note">受理后由中心办公室办理，10个工作日内办结答复。</Text>}
    </Frame>
  )
}

/** The office's final reply: it closes the complaint, and the complainant then rates it. */
export function ResolvePanel({ c, onDone, onCancel }: PanelProps) {
  const act = useAction()
  const [reply, setReply] = useState('')
  const submit = () =>
    act.run(
      () => complaintApi.resolve({ complaintId: c.complaintId, reply }),
      () => {
        toast('已办结')
        onDone()
      },
    )
  return (
    <Frame panel="resolve" act={act} onSubmit={submit} onCancel={onCancel}>
      <TextBox
        label="最终答复"
        name="reply"
        hint="投诉人会看到这段答复并评价，至少5个字"
        max={1000}
        value={reply}
        error={act.errors.reply}
        placeholder="写明核实的情况、处理结果和整改措施"
        onInput={setReply}
      />
    </Frame>
  )
}

/** The department's one answer to the office; the office then closes the complaint. */
export function ReplyPanel({ c, onDone, onCancel }: PanelProps) {
  const act = useAction()
  const [text, setText] = useState('')
  const submit = () =>
    act.run(
      () => complaintApi.reply({ complaintId: c.complaintId, text }),
      () => {
        toast('已答复中心办公室')
        onDone()
      },
    )
  return (
    <Frame panel="reply" act={act} onSubmit={submit} onCancel={onCancel}>
      <TextBox
        label="核实与整改情况"
        name="text"
        hint="只能答复一次，投诉人会看到，至少5个字"
        max={1000}
        value={text}
        error={act.errors.text}
        placeholder="写明核实的情况和整改措施"
        onInput={setText}
      />
    </Frame>
  )
}

/** The full phone of a real-name complainant: a reason first, recorded with who and when before the number is shown. */
export function PhonePanel({ c, onCancel }: PanelProps) {
  const act = useAction()
  const [reason, setReason] = useState('')
  const [phone, setPhone] = useState('')
  const submit = () =>
    act.run(
      () => complaintApi.revealPhone({ complaintId: c.complaintId, reason }),
      (d) => setPhone(d.phone),
    )
  if (phone)
    return (
      <View className="section staff-complaint-act staff-complaint-act--phone">
        <Text className="section__title">投诉人联系电话</Text>
        <View className="section__body">
          <Text className="staff-complaint__phone" userSelect>
            {phone}
          </Text>
          <Text className="staff__note">本次查看已记录（查看人、时间、原因）。</Text>
          <View className="step-form__buttons">
            <BigButton text="拨打电话" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)} />
            <View className="staff__gap" />
            <BigButton kind="secondary" text="收起" onClick={onCancel} />
          </View>
        </View>
      </View>
    )
  return (
    <Frame panel="phone" act={act} confirm="记录原因并查看" onSubmit={submit} onCancel={onCancel}>
      <FormField label="查看原因" name="reason" error={act.errors.reason} hint="每次查看都会记录查看人、时间和原因，至少4个字">
        <Input
          className="form-field__input"
          value={reason}
          maxlength={200}
          placeholder="如：电话回访核实情况"
          onInput={(e) => setReason(e.detail.value)}
        />
      </FormField>
    </Frame>
  )
}
