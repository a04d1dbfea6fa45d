import type { StepRules } from '../../../components/step-form'
import type { OrderAction } from '../../../../types/domain/supervision-orders'
import { supervisionContract } from '../../../../types/contracts/supervision'
import type { ConfirmOptions } from '../../../utils/alert'

/** The contract action of each step, and the ones the issue page sends. */
export const STEP_ACTIONS = { reply: 'replyOrder', close: 'closeOrder', sendBack: 'sendBackOrder', issue: 'issueOrder' } as const
export type Step = OrderAction | 'issue'

export const STEP_LABELS: Record<Step, string> = { reply: '回复整改情况', close: '核查办结', sendBack: '退回重办', issue: '发出督办' }

/** What each step does that cannot be taken back, asked before it is sent (WeChat's modal button takes at most 4 characters). */
export const STEP_CONFIRMS: Record<Step, ConfirmOptions> = {
  reply: {
    title: '确认提交回复？',
    content: '回复提交后由效能监督核查，不能修改；超过回复期限的记为超期回复并通报。',
    confirmText: '确认回复',
  },
  close: { title: '确认核查办结？', content: '办结后督办单结束，部门负责人会收到通知。', confirmText: '确认办结' },
  sendBack: { title: '确认退回重办？', content: '部门负责人会收到退回原因，须在回复期限内重新回复。', confirmText: '确认退回' },
  issue: { title: '确认发出督办？', content: '被督办部门的负责人会收到督办单，须在回复期限内回复整改情况。', confirmText: '发出督办' },
}

export const STEP_DONE: Record<Step, string> = { reply: '已提交回复', close: '已办结', sendBack: '已退回', issue: '已发出督办' }

/** The first message per field of why the contract refuses `input` for `step`, or undefined when it passes. */
export function refusalOf(step: Step, input: object): Record<string, string> | undefined {
  const parsed = supervisionContract.actions[STEP_ACTIONS[step]].input.safeParse(input)
  if (parsed.success) return undefined
  const out: Record<string, string> = {}
  for (const i of parsed.error.issues) out[String(i.path[0] ?? 'form')] ??= i.message
  return out
}

/** The steps as the shared step form takes them. */
export const STEP_RULES: StepRules<Step> = { labels: STEP_LABELS, refusalOf, confirms: STEP_CONFIRMS, done: STEP_DONE }
