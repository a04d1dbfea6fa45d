/**
 * Every page of the app and the query it takes: the one place a page path is written. The app
 * navigates with these (src/utils/nav.ts) and the functions write push links with them, so a page
 * that moves changes here and the type checker finds every caller. tests/unit/routes.test.ts checks
 * that each route is a page of src/app.config.ts.
 */

type QueryValue = string | number
export type Query = Record<string, QueryValue | undefined>

/** A page path (from the app root, no leading slash, as app.config.ts lists it) and its query. */
export interface Route<Q extends Query = Record<never, never>> {
  readonly page: string
  /** Type only: the query the page reads. */
  readonly query?: Q
}

const route = <Q extends Query = Record<never, never>>(page: string): Route<Q> => ({ page })

/** `fresh`: the page was opened right after the action it shows (a confirmation banner). */
type Fresh = { fresh?: QueryValue }

export const ROUTES = {
  home: route('pages/index/index'),
  catalog: route('pages/catalog/index'),
  search: route<{ departmentId?: string; departmentName?: string }>('packages/search/index/index'),
  matter: route<{ id: string }>('pages/matter/index'),
  bookingDate: route<{ matterId: string; bookingId?: string }>('packages/booking/date/index'),
  bookingSlots: route<{ matterId: string; date: string; bookingId?: string }>('packages/booking/slots/index'),
  /** `any`: '1' for 任一窗口 (the time of `slotId` at whichever window has seats). */
  bookingForm: route<{ matterId: string; slotId: string; end: string; any?: string }>('packages/booking/form/index'),
  bookingDetail: route<{ id: string } & Fresh>('pages/booking/detail/index'),
  bookingMine: route('packages/booking/mine/index'),
  bookingMatters: route('packages/booking/matters/index'),
  // 候补: join when a date's slots are full; 我的候补 (the offer push opens it with the offer's id).
  waitlistJoin: route<{ matterId: string; date?: string }>('packages/waitlist/join/index'),
  waitlistMine: route<{ offer?: string } & Fresh>('packages/waitlist/mine/index'),
  queue: route('pages/queue/index'),
  messages: route('pages/messages/index'),
  /** 我的 (a tab): the user's own records, settings and the staff entry. */
  mine: route('pages/mine/index'),

  devLogin: route('packages/dev/login/index'),

  caseApply: route<{ matterId?: string; caseId?: string; assistId?: string }>('packages/case/apply/index'),
  caseMine: route('packages/case/mine/index'),
  caseMyData: route('packages/case/my-data/index'),
  caseDetail: route<{ id: string } & Fresh>('packages/case/detail/index'),
  caseShare: route<{ id: string }>('packages/case/share/index'),
  caseFollow: route<{ code?: string }>('packages/case/follow/index'),
  caseFollowed: route<{ id: string } & Fresh>('packages/case/followed/index'),
  caseFollowedList: route('packages/case/followed-list/index'),
  caseLookup: route('packages/case/lookup/index'),

  /** 设置: the display mode (标准版 / 长辈版). */
  settings: route('packages/settings/index/index'),

  staffHome: route('packages/staff/index/index'),
  staffToday: route('packages/staff/today/index'),
  /** 排班管理: a department lead's window days (seats per slot, 延时服务, 停止预约). */
  staffSchedule: route<{ windowId?: string }>('packages/staff/schedule/index'),
  staffCheckin: route('packages/staff/checkin/index'),
  staffConsole: route('packages/staff/console/index'),
  staffCases: route('packages/staff/cases/index'),
  staffCase: route<{ id: string }>('packages/staff/case/index'),
  staffBind: route('packages/staff/bind/index'),
  staffInquiries: route('packages/staff/inquiries/index'),
  staffInquiry: route<{ id: string }>('packages/staff/inquiry/index'),
  staffInvite: route('packages/staff/invite/index'),

  inquiryAsk: route<{ matterId?: string; caseId?: string; caseNo?: string }>('packages/inquiry/ask/index'),
  inquiryMine: route('packages/inquiry/mine/index'),
  inquiryDetail: route<{ id: string; imgFailed?: QueryValue } & Fresh>('packages/inquiry/detail/index'),

  adminCalendar: route<{ year?: QueryValue }>('packages/admin/calendar/index'),
  adminNotices: route('packages/admin/notices/index'),
  /** Edit a notice (`id`), or a new draft without one. */
  adminNotice: route<{ id?: string }>('packages/admin/notice/index'),

  /** 通知公告 and the 公众号's articles: `category` a notice category or `articles`. */
  noticeList: route<{ category?: string }>('packages/notice/list/index'),
  noticeDetail: route<{ id: string }>('packages/notice/detail/index'),

  feedbackRate: route<{ objectKind?: string; objectId?: string }>('packages/feedback/rate/index'),
  feedbackMine: route<{ tab?: 'ratings' | 'complaints' }>('packages/feedback/mine/index'),
  feedbackRating: route<{ id: string } & Fresh>('packages/feedback/rating/index'),
  feedbackFigures: route<{ month?: string }>('packages/feedback/figures/index'),
  complaintNew: route<{ kind?: string; caseId?: string; windowId?: string }>('packages/feedback/complain/index'),
  complaintTrack: route<{ no?: string } & Fresh>('packages/feedback/complaint/index'),

  staffRatings: route<{ state?: string }>('packages/staff/ratings/index'),
  staffRating: route<{ id: string }>('packages/staff/rating/index'),
  staffComplaints: route('packages/staff/complaints/index'),
  staffComplaint: route<{ id: string }>('packages/staff/complaint/index'),

  visitRequest: route<{ matterId?: string }>('packages/visit/request/index'),
  visitMine: route('packages/visit/mine/index'),
  visitDetail: route<{ id: string } & Fresh>('packages/visit/detail/index'),
  assistRequest: route<{ matterId?: string }>('packages/visit/assist/index'),
  assistDetail: route<{ id: string } & Fresh>('packages/visit/assist-detail/index'),
  supervisionConsole: route<{ period?: string; departmentId?: string }>('packages/supervision/console/index'),
  supervisionCases: route<{ light?: string; departmentId?: string }>('packages/supervision/cases/index'),
  supervisionCase: route<{ id: string }>('packages/supervision/case/index'),
  supervisionOrders: route<{ state?: string }>('packages/supervision/orders/index'),
  supervisionOrder: route<{ id: string } & Fresh>('packages/supervision/order/index'),
  /** Issue a 督办: `kind` case, rating, complaint or pattern, `id` the case, rating or complaint (prefilled as the object). */
  supervisionOrderNew: route<{ kind?: string; id?: string }>('packages/supervision/order-new/index'),
  supervisionAttendance: route<{ month?: string }>('packages/supervision/attendance/index'),
  /** `token`: the display token from the administrator's link, kept in storage and dropped from the address. */
  hallCode: route<{ token?: string }>('packages/supervision/hall-code/index'),

  staffVisits: route('packages/staff/visits/index'),
  staffVisit: route<{ id: string }>('packages/staff/visit/index'),
  staffAssists: route('packages/staff/assists/index'),
  staffAssist: route<{ id: string }>('packages/staff/assist/index'),
} as const

export type RouteName = keyof typeof ROUTES
export type QueryOf<R> = R extends Route<infer Q> ? Q : never

/** Query arguments: required when the page needs one, optional when it takes none or only optional ones. */
export type QueryArgs<R extends Route<Query>> = Record<never, never> extends QueryOf<R> ? [query?: QueryOf<R>] : [query: QueryOf<R>]

/** `page?a=1&b=2` with empty values left out and values URL-encoded. */
function withQuery(page: string, query: Query = {}): string {
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return qs ? `${page}?${qs}` : page
}

/**
 * The `page` of a subscription message or a share card: relative to the app root, no leading
 * slash (wx subscribeMessage.send's `page`: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).
 */
export const pageLink = <R extends Route<Query>>(r: R, ...[query]: QueryArgs<R>): string => withQuery(r.page, query)

/** The url of wx.navigateTo and its kin: the same, from the root (`/pages/...`). */
export const pageUrl = <R extends Route<Query>>(r: R, ...[query]: QueryArgs<R>): string => `/${withQuery(r.page, query)}`
