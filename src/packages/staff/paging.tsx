import { View } from '@tarojs/components'
import type { Result } from '../../../types/result'
import { BigButton } from '../../components/big-button'

export const PAGE_SIZE = 20

interface Page<T> {
  items: T[]
  hasMore: boolean
}

/** Every page up to the last one asked for, so a refresh keeps the list as long as it was. */
export async function loadPages<T>(pages: number, loadPage: (page: number) => Promise<Result<Page<T>>>): Promise<Result<Page<T>>> {
  const items: T[] = []
  let hasMore = false
  for (let page = 1; page <= pages; page++) {
    const r = await loadPage(page)
    if (!r.ok) return r
    items.push(...r.data.items)
    hasMore = r.data.hasMore
    if (!hasMore) break
  }
  return { ok: true, data: { items, hasMore } }
}

/** 加载更多 under a list that has more pages. */
export function MoreButton({ list, onMore }: { list: { data?: { hasMore: boolean }; loading: boolean }; onMore: () => void }) {
  if (!list.data?.hasMore) return null
  return (
    <View className="staff__actions">
      <BigButton kind="secondary" text="加载更多" loading={list.loading} loadingText="正在加载…" onClick={onMore} />
    </View>
  )
}
