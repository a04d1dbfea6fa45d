import Taro, { useRouter } from '@tarojs/taro'
import { pageUrl, type Query, type QueryArgs, type QueryOf, type Route } from '../../types/routes'

/**
 * Navigation by route (types/routes.ts), never by a written path. Each answers the platform's
 * promise; a failure (the page stack is full at 10, a tab page) is the platform's to report.
 */
export const navigate = <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) => Taro.navigateTo({ url: pageUrl(r, ...query) })

/** Replaces the current page (after a submit: the back button should not return to the form). */
export const redirect = <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) => Taro.redirectTo({ url: pageUrl(r, ...query) })

/** A tab page (首页, 消息): WeChat opens tab pages only with switchTab, and without a query. */
export const switchTab = (r: Route) => Taro.switchTab({ url: pageUrl(r) })

/** Back one page, or to `fallback` when this page was opened first (from a push or a share card). */
export const backOr = <R extends Route<Query>>(fallback: R, ...query: QueryArgs<R>) =>
  Taro.navigateBack().catch(() => redirect(fallback, ...query))

/** A query-string value of the current page: encoded in some runtimes, decoded in others. */
export function param(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

export type PageQuery<R> = { [K in keyof QueryOf<R> | 'msgId']?: string }

/**
 * The current page's query, decoded, keyed as its route declares. Every value may be missing:
 * anyone can open a page with any query. `msgId` is what a subscription message adds (usePushRead).
 */
export function useQuery<R extends Route<Query>>(_route: R): PageQuery<R> {
  const { params } = useRouter()
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, param(v)])) as PageQuery<R>
}
