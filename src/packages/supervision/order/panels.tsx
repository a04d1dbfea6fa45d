import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import type { OrderView } from '../../../../types/contracts/supervision/orders'
import type { Result } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { FormField } from '../../../components/form-field'
import { supervisionApi } from '../../../services/api/supervision'
import { confirm, toast } from '../../../utils/alert'
import { longDate } from '../../../utils/dates'
import { useInquiryAction, type InquiryActionState } from '../../staff/inquiry/use-inquiry-action'
import { refusalOf, STEP_CONFIRMS, STEP_DONE, STEP_LABELS, type Step } from './steps'

export interface PanelProps {
  v: OrderView
  onDone: () => void
  onCancel: () => void
}

/**
 * One step's send: the contract's checks on the device (field by field), then a confirmation,
 * then the call with its button disabled; a refusal's issues land on the fields.
 */
export function useStep(
  step: Step,
  onDone: (data: unknown) => void,
): { act: InquiryActionState; submit: <T>(input: object, call: () => Promise<Result<T>>) => Promise<void> } {
  const act = useInquiryAction()
  const submit = async <T,>(input: object, call: () => Promise<Result<T>>) => {
    if (act.busy) return
    const refused = refusalOf(step, input)
    if (refused) return act.refuse(refused)
    if (!(await confirm(STEP_CONFIRMS[step]))) return
    await act.run(call, (data) => {
      toast(STEP_DONE[step], 'success')
      onDone(data)
    })
  }
  return { act, submit }
}

export function StepForm(props: {
  step: Step
  busy: boolean
  error?: string
  children: ReactNode
  onSubmit: () => void
  onCancel?: () => void
}) {
  return (
    <View className={`section order-step order-step--${props.step}`}>
      <Text className="section__title">{STEP_LABELS[props.step]}</Text>
      <View className="section__body">
        {props.children}
        {props.error && <Text className="staff__error order-step__error">{props.error}</Text>}
        <View className="order-step__buttons">
          <BigButton text={`提交${STEP_LABELS[props.step]}`} loading={props.busy} loadingText="正在提交…" onClick={props.onSubmit} />
          {props.onCancel && (
            <>
              <View className="staff__gap" />
              <BigButton kind="secondary" text="取消" disabled={props.busy} onClick={props.onCancel} />
            </>
          )}
        </View>
      </View>
    </View>
  )
}

export function TextBox(props: {
  name: string
  label: string
  hint: string
  placeholder: string
  value: string
  max: number
  error?: string
  onInput: (v: string) => void
}) {
  return (
    <FormField label={props.label} name={props.name} error={props.error} hint={props.hint}>
      <Textarea
        className="order-step__textarea"
        value={props.value}
        maxlength={props.max}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </FormField>
  )
}

export function DaysBox(props: { label: string; hint: string; value: string; error?: string; onInput: (v: string) => void; name: string }) {
  return (
    <FormField label={props.label} name={props.name} error={props.error} hint={props.hint}>
      <Input
        className="form-field__input"
        type="number"
        maxlength={2}
        value={props.value}
        placeholder="如 3"
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </FormField>
  )
}

/** 回复整改情况 (the department's lead): what was done, at least 10 characters. */
export function ReplyPanel({ v, onDone, onCancel }: PanelProps) {
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
