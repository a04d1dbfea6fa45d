import type { CaseView } from '../../types/contracts/case'
import { isFinishedCase, transitionOf, type CaseAction, type CaseState } from '../../types/domain/case-machine'
import { beijingIso } from '../../types/domain/dates'
import { ROLE_LABELS, type Role } from '../../types/roles'
import type { TagProps } from '../components/tag'

export const CASE_STATE_TONES: Record<CaseState, NonNullable<TagProps['tone']>> = {
  draft: 'gray',
  submitted: 'blue',
  pre_review: 'blue',
  supplement_requested: 'orange',
  resubmitted: 'blue',
  accepted: 'blue',
  in_process: 'blue',
  approved: 'green',
  rejected: 'orange',
  ready_for_pickup: 'green',
  mailed: 'green',
  completed: 'green',
  withdrawn: 'gray',
}

/** The button text of a transition, from the one state table. */
export const actionLabel = (a: CaseAction): string => transitionOf(a).label

/** Who took a step: the applicant, or a role and staff number (never a staff member's name). */
export function actorLabel(actor: CaseView['timeline'][number]['actor']): string {
  if (actor.role === 'applicant') return '申请人'
  const role = ROLE_LABELS[actor.role as Role] ?? '工作人员'
  return actor.staffNo ? `${role}（工号${actor.staffNo}）` : role
}

/** 2026-09-28 10:05 in Beijing time, from an ISO instant. */
export function beijingDateTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const b = beijingIso(t)
  return `${b.slice(0, 10)} ${b.slice(11, 16)}`
}

/** 剩3个工作日 / 今天到期 / 已超期2个工作日 */
/**
 * The 时限状态 of a case: a finished one says it is finished, in time or late (its clock stopped at
 * the decision, so the working days left then would read as still running); a paused one says so.
 */
export function timeLeftText(d: { workingDaysLeft?: number; overdue: boolean; paused?: boolean }, state: CaseState): string {
  if (isFinishedCase(state)) return d.overdue ? '已办结（超期）' : '已办结（按期）'
  if (d.paused) return '补正期间暂停计时'
  return daysLeftText(d.workingDaysLeft ?? 0, d.overdue)
}

export function daysLeftText(workingDaysLeft: number, overdue: boolean): string {
  if (overdue) return `已超期${Math.max(1, -workingDaysLeft)}个工作日`
  if (workingDaysLeft <= 0) return '今天到期'
  return `剩${workingDaysLeft}个工作日`
}

/** 1.2 MB / 350 KB */
export function fileSizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export const CONTENT_TYPE_LABELS: Record<string, string> = { 'image/jpeg': '图片', 'image/png': '图片', 'application/pdf': 'PDF' }
