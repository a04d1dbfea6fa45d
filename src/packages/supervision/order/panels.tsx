import { useState } from 'react'
import type { OrderView } from '../../../../types/contracts/supervision/orders'
import { DaysBox, StepForm as SharedStepForm, TextBox, useStep as useRulesStep, type StepFormProps } from '../../../components/step-form'
import { supervisionApi } from '../../../services/api/supervision'
import { longDate } from '../../../utils/dates'
import { STEP_LABELS, STEP_RULES, type Step } from './steps'

export interface PanelProps {
  v: OrderView
  onDone: () => void
  onCancel: () => void
}

/** This page's steps through the shared step form (src/components/step-form). */
export const useStep = (step: Step, onDone: (data: unknown) => void) => useRulesStep(STEP_RULES, step, onDone)
export const StepForm = ({ step, ...rest }: Omit<StepFormProps, 'block' | 'title'> & { step: Step }) => (
  <SharedStepForm block="order-step" step={step} title={STEP_LABELS[step]} {...rest} />
)

export function /** 回复整改情况 (the department's lead): what was done, at least 10 characters. */
ReplyPanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('reply', onDone)
  const [text, setText] = useState('')
  const input = { orderId: v.orderId, text }
  return (
    <StepForm
      step="reply"
      busy={act.busy}
      error={act.errors.form}
      onSubmit={() => submit(input, () => supervisionApi.replyOrder(input))}
      onCancel={onCancel}
    >
      <TextBox
        name="text"
        label="整改情况"
        hint={`至少10个字；${v.overdue ? '已超过回复期限，将记为超期回复' : `请在${longDate(v.dueDate)}前回复`}`}
        placeholder="写明查明的原因、已采取的整改措施和结果"
        value={text}
        max={500}
        error={act.errors.text}
        onInput={setText}
      />
    </StepForm>
  )
}

/** 核查办结 (the office): the note is optional. */
export function ClosePanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('close', onDone)
  const [note, setNote] = useState('')
  const input = { orderId: v.orderId, ...(note.trim() ? { note } : {}) }
  return (
    <StepForm
      step="close"
      busy={act.busy}
      error={act.errors.form}
      onSubmit={() => submit(input, () => supervisionApi.closeOrder(input))}
      onCancel={onCancel}
    >
      <TextBox
        name="note"
        label="核查意见（选填）"
        hint="记入处理记录，部门可以看到"
        placeholder="如：经核查，整改属实"
        value={note}
        max={200}
        error={act.errors.note}
        onInput={setNote}
      />
    </StepForm>
  )
}

/** 退回重办 (the office): the reason, and working days added to the reply's due date (required once it has passed). */
export function SendBackPanel({ v, onDone, onCancel }: PanelProps) {
  const { act, submit } = useStep('sendBack', onDone)
  const [reason, setReason] = useState('')
  const [days, setDays] = useState('')
  const send = () => {
    if (days.trim() && !/^\d{1,2}$/.test(days.trim())) return act.refuse({ extendDays: '请填写延长的工作日数' })
    const input = { orderId: v.orderId, reason, extendDays: days.trim() ? Number(days) : 0 }
    return submit(input, () => supervisionApi.sendBackOrder(input))
  }
  return (
    <StepForm step="sendBack" busy={act.busy} error={act.errors.form} onSubmit={send} onCancel={onCancel}>
      <TextBox
        name="reason"
        label="退回原因"
        hint="至少4个字；部门负责人会收到"
        placeholder="如：未说明延误原因和责任人"
        value={reason}
        max={200}
        error={act.errors.reason}
        onInput={setReason}
      />
      <DaysBox
        name="extendDays"
        label="延长回复期限（工作日，选填）"
        hint={`现回复期限${longDate(v.dueDate)}；期限已过时必须延长`}
        value={days}
        error={act.errors.extendDays}
        onInput={setDays}
      />
    </StepForm>
  )
}
