import type { StepRules } from '../../../components/step-form'
import type { ActionName } from '../../../../types/contracts/contract'
import { ratingContract } from '../../../../types/contracts/rating'
import type { ConfirmOptions } from '../../../utils/alert'

/** The loop steps staff take on this page, in the order their buttons are shown. */
export const STEPS = ['verify', 'reply', 'requestExtension', 'appeal', 'decideExtension', 'decideAppeal'] as const
export type Step = (typeof STEPS)[number] & ActionName<typeof ratingContract>

export const STEP_LABELS: Record<Step, string> = {
  verify: '核实回访',
  reply: '整改反馈',
  requestExtension: '申请延期',
  appeal: '申诉',
  decideExtension: '审核延期',
  decideAppeal: '审核申诉',
}

/** What each step does that cannot be taken back, asked before it is sent (WeChat's modal button takes at most 4 characters). */
export const STEP_CONFIRMS: Record<Step, ConfirmOptions> = {
  verify: { title: '确认已核实回访？', content: '提交后进入整改环节，回访情况记入处理记录，评价人可以看到。', confirmText: '确认回访' },
  reply: { title: '确认提交整改反馈？', content: '评价人会收到整改反馈并可追评一次；提交后不能修改。', confirmText: '确认反馈' },
  requestExtension: {
    title: '确认申请延期？',
    content: '每条差评只能申请一次延期，由中心办公室审核；审核期间不能提交整改反馈。',
    confirmText: '申请延期',
  },
  appeal: { title: '确认提出申诉？', content: '每条差评只能申诉一次，由中心办公室在3个工作日内审核。', confirmText: '提出申诉' },
  decideExtension: { title: '确认审核结果？', content: '审核结果记入处理记录，部门按审核后的期限整改。', confirmText: '确认审核' },
  decideAppeal: { title: '确认审核结果？', content: '申诉成立则该评价不计入差评；不成立则退回部门继续处理。', confirmText: '确认审核' },
}

export const STEP_DONE: Record<Step, string> = {
  verify: '已核实回访',
  reply: '已提交整改反馈',
  requestExtension: '已申请延期',
  appeal: '已提出申诉',
  decideExtension: '已审核延期',
  decideAppeal: '已审核申诉',
}

/** The first message per field of why the contract refuses `input` for `step`, or undefined when it passes. */
export function refusalOf(step: Step, input: object): Record<string, string> | undefined {
  const parsed = ratingContract.actions[step].input.safeParse(input)
  if (parsed.success) return undefined
  const out: Record<string, string> = {}
  for (const i of parsed.error.issues) out[String(i.path[0] ?? 'form')] ??= i.message
  return out
}

/** The steps as the shared step form takes them. */
export const STEP_RULES: StepRules<Step> = { labels: STEP_LABELS, refusalOf, confirms: STEP_CONFIRMS, done: STEP_DONE }
