import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Result } from '../../../types/result'
import { useAction, type ActionState } from '../../hooks/useAction'
import { confirm, toast, type ConfirmOptions } from '../../utils/alert'
import { BigButton } from '../big-button'
import { FormField } from '../form-field'
import './index.scss'

/** What a page's steps are: their titles, the device-side check of each input, its confirmation and its done toast. */
export interface StepRules<S extends string> {
  labels: Record<S, string>
  refusalOf: (step: S, input: object) => Record<string, string> | undefined
  confirms: Record<S, ConfirmOptions>
  done: Record<S, string>
}

/**
 * One step's send (a 差评's 核实回访, a 督办's 回复 …): the contract's checks on the device, field by
 * field, then a confirmation, then the call with its button disabled; a refusal's issues land on the
 * fields, success says so and hands the answer on.
 */
export function useStep<S extends string>(
  rules: StepRules<S>,
  step: S,
  onDone: (data: unknown) => void,
): { act: ActionState; submit: <T>(input: object, call: () => Promise<Result<T>>) => Promise<void> } {
  const act = useAction()
  const submit = async <T,>(input: object, call: () => Promise<Result<T>>) => {
    if (act.busy) return
    const refused = rules.refusalOf(step, input)
    if (refused) return act.refuse(refused)
    if (!(await confirm(rules.confirms[step]))) return
    await act.run(call, (data) => {
      toast(rules.done[step], 'success')
      onDone(data)
    })
  }
  return { act, submit }
}

export interface StepFormProps {
  block: string
  step: string
  title: string
  busy: boolean
  error?: string
  /** The submit button's words, when 提交<title> is not what the step does (确认受理). */
  submitText?: string
  children: ReactNode
  onSubmit: () => void
  onCancel?: () => void
}

/** A step's form: its title, its fields, a form-level error, 提交… and 取消. `block` names it for tests (`<block> <block>--<step>`). */
export function StepForm(props: StepFormProps) {
  return (
    <View className={`section step-form ${props.block} ${props.block}--${props.step}`}>
      <Text className="section__title">{props.title}</Text>
      <View className="section__body">
        {props.children}
        {props.error && <Text className="staff__error step-form__error">{props.error}</Text>}
        <View className="step-form__buttons">
          <BigButton
            text={props.submitText ?? `提交${props.title}`}
            loading={props.busy}
            loadingText="正在提交…"
            onClick={props.onSubmit}
          />
          {props.onCancel && (
            <>
              <View className="step-form__gap" />
              <BigButton kind="secondary" text="取消" disabled={props.busy} onClick={props.onCancel} />
            </>
          )}
        </View>
      </View>
    </View>
  )
}

/** A step's text (a note, a reason, a reply). */
export function TextBox(props: {
  name: string
  label: string
  hint: string
  placeholder: string
  value: string
  max?: number
  error?: string
  onInput: (v: string) => void
}) {
  return (
    <FormField label={props.label} name={props.name} error={props.error} hint={props.hint}>
      <Textarea
        className="step-form__textarea"
        value={props.value}
        maxlength={props.max ?? 300}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </FormField>
  )
}

/** A number of working days (an extension, a new deadline). */
export function DaysBox(props: {
  name: string
  label: string
  hint: string
  placeholder?: string
  value: string
  error?: string
  onInput: (v: string) => void
}) {
  return (
    <FormField label={props.label} name={props.name} error={props.error} hint={props.hint}>
      <Input
        className="form-field__input"
        type="number"
        maxlength={2}
        value={props.value}
        placeholder={props.placeholder ?? '如 3'}
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </FormField>
  )
}
