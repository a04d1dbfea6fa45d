import { typedCode } from '../../../types/domain/check-code'
import { beijingIso } from '../../../types/domain/dates'

/** Helpers shared by the 亲属代查 pages (share, follow, followed, followed-list). */

/** `HURJ4WA4` as `HURJ 4WA4`: two groups of four are easier to read aloud over the phone. */
export const groupedCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ')

/** What a person typed, scanned or pasted (spaces, lower case, the whole link) down to the code. */
export function codeFromInput(text: string): string {
  const fromLink = /code=([^&#\s]+)/.exec(text)
  return typedCode(fromLink ? decodeURIComponent(fromLink[1]) : text)
}

/** The relations a relative picks from (self-declared; the applicant sees it in their list). */
export const RELATIONS = [
  { value: '爸爸', label: '爸爸' },
  { value: '妈妈', label: '妈妈' },
  { value: '配偶', label: '配偶' },
  { value: '子女', label: '子女' },
  { value: '亲友', label: '其他亲友' },
] as const
export type Relation = (typeof RELATIONS)[number]['value']

/** 9月28日 10:05, Beijing time (an invitation's expiry). */
export function beijingMonthDayTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const b = beijingIso(t)
  return `${Number(b.slice(5, 7))}月${Number(b.slice(8, 10))}日 ${b.slice(11, 16)}`
}
