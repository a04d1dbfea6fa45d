import { useState } from 'react'
import type { MatterSummary } from '../../../../types/domain/catalog'
import type { AppErrorBody } from '../../../../types/result'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'

const PAGE_SIZE = 20

/** The pages 加载更多 added to one search (`key`); they belong to that search only. */
interface Later {
  key: string
  items: MatterSummary[]
  page: number
  total: number
  loading: boolean
  error?: AppErrorBody
}

/**
 * The matters of a search, 20 at a time. The first page loads whenever the words or the
 * department change (the earlier results go at once), 加载更多 appends the next page. What was
 * typed is not searched again when the page is shown again.
 */
export function useMatterSearch(q: string, departmentId: string | undefined) {
  const search = (page: number) => catalogApi.searchMatters({ q: q || undefined, departmentId, page, pageSize: PAGE_SIZE })
  const first = useLoad(() => search(1), [q, departmentId], { onShow: false })
  const key = `${departmentId ?? ''}|${q}`
  const [later, setLater] = useState<Later | null>(null)
  const more = later?.key === key ? later : undefined
  const listing = first.data && { items: [...first.data.items, ...(more?.items ?? [])], total: more?.total ?? first.data.total }

  const loadMore = async () => {
    if (!listing || more?.loading) return
    const page = more?.page ?? 1
    setLater({ key, items: more?.items ?? [], page, total: listing.total, loading: true })
    const r = await search(page + 1)
    // An answer for a search that has since changed is dropped.
    setLater((s) => {
      if (s?.key !== key) return s
      if (!r.ok) return { ...s, loading: false, error: r.error }
      return { key, items: [...s.items, ...r.data.items], page: r.data.page, total: r.data.total, loading: false }
    })
  }

  return {
    /** Undefined until the first page of this search has answered. */
    listing,
    hasMore: !!listing && listing.items.length < listing.total,
    first,
    moreLoading: !!more?.loading,
    moreError: more?.error,
    loadMore,
  }
}
