import type { MessageView } from '../../types/contracts/notify'
import type { TagProps } from '../components/tag'
import { beijingTimeOf, monthDay } from './dates'

export const MESSAGE_KIND_LABELS: Record<MessageView['kind'], string> = {
  booking: '预约',
  queue: '排队',
  case: '办件',
  inquiry: '咨询',
  calendar: '工作日历',
}
export const MESSAGE_KIND_TONES: Record<MessageView['kind'], NonNullable<TagProps['tone']>> = {
  booking: 'blue',
  queue: 'green',
  case: 'orange',
  inquiry: 'gray',
  calendar: 'orange',
}

/** 9月28日 09:05 in Beijing time; the year only when it is not this year. */
export function messageTime(iso: string, nowIso = new Date().toISOString()): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const day = new Date(t + 8 * 3_600_000).toISOString().slice(0, 10)
  const thisYear = new Date(Date.parse(nowIso) + 8 * 3_600_000).toISOString().slice(0, 4)
  const year = day.slice(0, 4)
  return `${year === thisYear ? '' : `${year}年`}${monthDay(day)} ${beijingTimeOf(iso)}`
}

/**
 * The app route a message opens. The notify function stores a page path relative to the app root
 * (`packages/case/detail/index?id=…`); navigateTo wants it absolute. Only pages of this app.
 */
export function messageRoute(page: string): string | null {
  const path = page.replace(/^\/+/, '')
  return /^(pages|packages)\/[\w/-]+(\?.*)?$/.test(path) ? `/${path}` : null
}
