import { Text } from '@tarojs/components'
import { useState } from 'react'
import type { StaffBadView } from '../../../../types/contracts/rating'
import { DaysBox, StepForm as SharedStepForm, TextBox, useStep as useRulesStep, type StepFormProps } from '../../../components/step-form'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { ratingApi } from '../../../services/api/rating'
import { STEP_LABELS, STEP_RULES, type Step } from './steps'

export interface PanelProps {
  v: StaffBadView
  onDone: () => void
  onCancel: () => void
}

/** This page's steps through the shared step form (src/components/step-form). */
export const useStep = (step: Step, onDone: (data: unknown) => void) => useRulesStep(STEP_RULES, step, onDone)
export const StepForm = ({ step, ...rest }: Omit<StepFormProps, 'block' | 'title'> & { step: Step }) => (
  <SharedStepForm block="bad-step" step={step} title={STEP_LABELS[step]} {...rest} />
)

/** 核实回访: what the call-back found (至少5个字). The rater sees it on their rating. */
export function VerifyPanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('verify', onDone)
  const [note, setNote] = useState('')
  const input = { ratingId: v.ratingId, note }
  return (
    <StepForm
      step="verify"
      busy={act.busy}
      error={act.errors.form}
      onSubmit={() => submit(input, () => ratingApi.verify(input))}
      onCancel={onCancel}
    >
      <TextBox
        name="note"
        label="回访情况"
        hint="至少5个字；评价人可以看到"
        placeholder="如：已电话联系评价人，了解到……"
        value={note}
        error={act.errors.note}
        onInput={setNote}
      />
    </StepForm>
  )
}

/** 整改反馈: what was put right, sent to the rater, who may then follow up once. */
export function ReplyPanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('reply', onDone)
  const [text, setText] = useState('')
  const input = { ratingId: v.ratingId, text }
  return (
    <StepForm
      step="reply"
      busy={act.busy}
      error={act.errors.form}
      onSubmit={() => submit(input, () => ratingApi.reply(input))}
      onCancel={onCancel}
    >
      <TextBox
        name="text"
        label="整改情况"
        hint="至少5个字；评价人会收到并可追评一次"
        placeholder="写明已整改的内容和结果"
        value={text}
        error={act.errors.text}
        onInput={setText}
      />
    </StepForm>
  )
}

/** 申请延期: working days (one extension, up to the policy's limit) and why; the office decides. */
export function ExtensionPanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('requestExtension', onDone)
  const [days, setDays] = useState('')
  const [reason, setReason] = useState('')
  const send = () => {
    if (!/^\d{1,2}$/.test(days.trim())) return act.refuse({ days: '请填写延期的工作日数（1至15）' })
    const input = { ratingId: v.ratingId, days: Number(days), reason }
    return submit(input, () => ratingApi.requestExtension(input))
  }
  return (
    <StepForm step="requestExtension" busy={act.busy} error={act.errors.form} onSubmit={send} onCancel={onCancel}>
      <DaysBox
        name="days"
        label="延期工作日数"
        hint="最多15个工作日，每条差评只能申请一次"
        placeholder="如 5"
        value={days}
        error={act.errors.days}
        onInput={setDays}
      />
      <TextBox
        name="reason"
        label="延期原因"
        hint="至少5个字；仅中心办公室可见"
        placeholder="如：需协调省级系统修复"
        value={reason}
        error={act.errors.reason}
        onInput={setReason}
      />
    </StepForm>
  )
}

const APPEAL_KINDS = [
  { value: 'mistaken', label: '误评' },
  { value: 'malicious', label: '恶意差评' },
  { value: 'impossible', label: '无法整改' },
] as const
type AppealKind = (typeof APPEAL_KINDS)[number]['value']

/** 申诉: 误评, 恶意差评 or impossible to put right, with the reason; the office decides within its clock. */
export function AppealPanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('appeal', onDone)
  const [kind, setKind] = useState<AppealKind | ''>('')
  const [reason, setReason] = useState('')
  const send = () => {
    if (!kind) return act.refuse({ kind: '请选择申诉类型' })
    const input = { ratingId: v.ratingId, kind, reason }
    return submit(input, () => ratingApi.appeal(input))
  }
  return (
    <StepForm step="appeal" busy={act.busy} error={act.errors.form} onSubmit={send} onCancel={onCancel}>
      <FormField label="申诉类型" name="kind" error={act.errors.kind} hint="误评、恶意差评经审核成立后不计入差评">
        <ChoiceChips name="appeal-kind" options={APPEAL_KINDS} value={kind as AppealKind} onChange={setKind} />
      </FormField>
      <TextBox
        name="reason"
        label="申诉理由"
        hint="至少5个字；仅中心办公室可见"
        placeholder="写明事实和依据"
        value={reason}
        error={act.errors.reason}
        onInput={setReason}
      />
    </StepForm>
  )
}

/** The office's two answers, named for what they do. */
function Decision<T extends string>({
  name,
  options,
  value,
  error,
  onChange,
}: {
  name: string
  options: readonly { value: T; label: string }[]
  value: T | ''
  error?: string
  onChange: (v: T) => void
}) {
  return (
    <FormField label="审核结果" name={name} error={error}>
      <ChoiceChips name={name} options={options} value={value as T} onChange={onChange} />
    </FormField>
  )
}

const EXTENSION_ANSWERS = [
  { value: 'approve', label: '同意延期' },
  { value: 'reject', label: '不同意' },
] as const

/** 审核延期 (centre office): approve or reject; the note is optional. */
export function DecideExtensionPanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('decideExtension', onDone)
  const [answer, setAnswer] = useState<'approve' | 'reject' | ''>('')
  const [note, setNote] = useState('')
  const send = () => {
    if (!answer) return act.refuse({ approve: '请选择审核结果' })
    const input = { ratingId: v.ratingId, approve: answer === 'approve', ...(note.trim() ? { note } : {}) }
    return submit(input, () => ratingApi.decideExtension(input))
  }
  return (
    <StepForm step="decideExtension" busy={act.busy} error={act.errors.form} onSubmit={send} onCancel={onCancel}>
      {v.extension && (
        <Text className="step-form__ask">
          部门申请延期{v.extension.days}个工作日：{v.extension.reason}
        </Text>
      )}
      <Decision name="approve" options={EXTENSION_ANSWERS} value={answer} error={act.errors.approve} onChange={setAnswer} />
      <TextBox
        name="note"
        label="审核意见（选填）"
        hint="记入处理记录"
        placeholder="如：同意，请按期整改"
        value={note}
        error={act.errors.note}
        onInput={setNote}
      />
    </StepForm>
  )
}

const APPEAL_ANSWERS = [
  { value: 'uphold', label: '申诉成立' },
  { value: 'reject', label: '申诉不成立' },
] as const

/** 审核申诉 (centre office): upheld makes the 差评 invalid; rejected sends it back to the department. */
export function DecideAppealPanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('decideAppeal', onDone)
  const [answer, setAnswer] = useState<'uphold' | 'reject' | ''>('')
  const [note, setNote] = useState('')
  const send = () => {
    if (!answer) return act.refuse({ uphold: '请选择审核结果' })
    const input = { ratingId: v.ratingId, uphold: answer === 'uphold', note }
    return submit(input, () => ratingApi.decideAppeal(input))
  }
  return (
    <StepForm step="decideAppeal" busy={act.busy} error={act.errors.form} onSubmit={send} onCancel={onCancel}>
      {v.appeal && (
        <Text className="step-form__ask">
          部门申诉（{v.appeal.kind}）：{v.appeal.reason}
        </Text>
      )}
      <Decision name="uphold" options={APPEAL_ANSWERS} value={answer} error={act.errors.uphold} onChange={setAnswer} />
      <TextBox
        name="note"
        label="审核意见"
        hint="至少5个字；记入处理记录"
        placeholder="写明审核依据"
        value={note}
        error={act.errors.note}
        onInput={setNote}
      />
    </StepForm>
  )
}
