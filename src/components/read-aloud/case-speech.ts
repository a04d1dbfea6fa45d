import type { CaseView } from '../../../types/contracts/case'
import { timeLeftText } from '../../utils/case'
import { longDate } from '../../utils/dates'
import { windowName } from '../../utils/windows'

/**
 * What 「朗读」 says on the case page, from what the page shows: the matter, the stage, and the
 * next step (what to correct, the deadline, or where to get the result). `nextStep` is the page's
 * own sentence for a case not accepted yet. The pickup code is not read out: a phone speaker in
 * the hall is heard by others.
 */
export function caseSpeech(c: CaseView, nextStep?: string): string {
  const parts = [`${c.matterName}，当前进度：${c.stateLabel}。`]
  if (c.state === 'supplement_requested' && c.supplement) {
    const items = c.supplement.items.map((i, n) => `第${n + 1}项，${i.target}：${i.problem}`).join('；')
    parts.push(`请补正${c.supplement.items.length}项内容。${items}。`)
  }
  if (nextStep) parts.push(nextStep)
  const d = c.deadline
  if (d && !c.result) parts.push(`办结期限${longDate(d.dueDate)}，${timeLeftText(d, c.state)}。`)
  const r = c.result
  if (r?.decision === 'rejected') parts.push(`不予办理${r.reason ? `，理由：${r.reason}` : ''}。`)
  if (r?.pickup)
    parts.push(`请携带本人身份证，到${r.pickup.location}${windowName({ number: r.pickup.windowNumber, name: r.pickup.windowName })}领取。`)
  if (r?.mail) parts.push(`已寄出，${r.mail.carrier}快递单号${r.mail.trackingNo.split('').join(' ')}。`)
  return parts.join('')
}
