import type { MessageView } from '../../types/contracts/notify'
import { beijingDate, beijingIso } from '../../types/domain/dates'
import { ROUTES } from '../../types/routes'
import type { TagProps } from '../components/tag'
import { beijingTimeOf, monthDay } from './dates'

export const MESSAGE_KIND_LABELS: Record<MessageView['kind'], string> = {
  booking: '预约',
  waitlist: '候补',
  queue: '排队',
  case: '办件',
  inquiry: '咨询',
  calendar: '工作日历',
  rating: '评价',
  complaint: '投诉',
  assist: '帮办',
  visit: '上门服务',
  supervision: '效能监督',
}
export const MESSAGE_KIND_TONES: Record<MessageView['kind'], NonNullable<TagProps['tone']>> = {
  booking: 'blue',
  waitlist: 'blue',
  queue: 'green',
  case: 'orange',
  inquiry: 'gray',
  calendar: 'orange',
  rating: 'blue',
  complaint: 'gray',
  assist: 'green',
  visit: 'orange',
  supervision: 'gray',
}

/** 9月28日 09:05 in Beijing time; the year only when it is not this year. */
export function messageTime(iso: string, nowIso = new Date().toISOString()): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const day = beijingDate(t)
  const thisYear = beijingIso(Date.parse(nowIso)).slice(0, 4)
  const year = day.slice(0, 4)
  return `${year === thisYear ? '' : `${year}年`}${monthDay(day)} ${beijingTimeOf(iso)}`
}

const APP_PAGES = new Set<string>(Object.values(ROUTES).map((r) => r.page))

/**
 * The url a message opens. The notify function stores the page as a push link (pageLink in
 * types/routes.ts: relative to the app root, with its query); navigateTo wants it from the root.
 * Only pages of this app: anything else opens nothing.
 */
export function messageRoute(page: string): string | null {
  const path = page.replace(/^\/+/, '')
  return APP_PAGES.has(path.split('?')[0]) ? `/${path}` : null
}
