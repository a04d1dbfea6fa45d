import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { MATTER_KIND_LABELS, type MatterSummary } from '../../../types/domain/catalog'
import type { AppErrorBody } from '../../../types/result'
import { BigButton } from '../../components/big-button'
import { ListCell } from '../../components/list-cell'
import { SearchBox } from '../../components/search-box'
import { StatusView } from '../../components/status-view'
import { Tag } from '../../components/tag'
import { useDebounced } from '../../hooks/useDebounced'
import { useLargeText } from '../../hooks/useLargeText'
import { searchMatters } from '../../services/catalog'
import './index.scss'

const PAGE_SIZE = 20

interface Listing {
  items: MatterSummary[]
  total: number
  page: number
}

/** Query-string values arrive encoded in some runtimes and decoded in others. */
function param(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

export default function Search() {
  const { rootClass } = useLargeText()
  const { params } = useRouter()
  const [q, setQ] = useState(param(params.q))
  const [department, setDepartment] = useState(
    params.departmentId ? { id: param(params.departmentId), name: param(params.departmentName) || '所选部门' } : null,
  )
  const query = useDebounced(q.trim(), 400)

  const [listing, setListing] = useState<Listing | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<AppErrorBody | null>(null)
  const seq = useRef(0)

  const load = async (page: number) => {
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    const r = await searchMatters({ q: query || undefined, departmentId: department?.id, page, pageSize: PAGE_SIZE })
    if (mine !== seq.current) return // a newer search has started; this answer is stale
    setLoading(false)
    if (!r.ok) return setError(r.error)
    setListing((prev) => ({
      items: page > 1 && prev ? [...prev.items, ...r.data.items] : r.data.items,
      total: r.data.total,
      page: r.data.page,
    }))
  }

  useEffect(() => {
    setListing(null)
    load(1)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, department?.id])

  const items = listing?.items ?? []
  const hasMore = listing !== null && items.length < listing.total

  return (
    <View className={`${rootClass} search`}>
      <View className="search__bar">
        <SearchBox value={q} onChange={setQ} focus={!department} />
        {department && (
          <View className="search__filter">
            <Text className="search__filter-text">部门：{department.name}</Text>
            <View className="search__filter-clear" hoverClass="search__filter-clear--pressed" onClick={() => setDepartment(null)}>
              查看全部部门
            </View>
          </View>
        )}
      </View>

      {listing === null && loading && <StatusView kind="loading" />}
      {listing === null && error && <StatusView kind="error" message={error.message} onRetry={() => load(1)} />}
      {listing !== null && items.length === 0 && (
        <StatusView
          kind="empty"
          message={
            query
              ? `${department ? '该部门' : ''}没有找到与“${query}”相关的事项，${department ? '可点「查看全部部门」或' : ''}换个关键词试试`
              : '暂无事项'
          }
        />
      )}

      {items.length > 0 && (
        <View>
          <Text className="search__count">共 {listing?.total ?? items.length} 项</Text>
          <View className="search__list">
            {items.map((m) => (
              <ListCell
                key={m.id}
                title={m.name}
                desc={<Tag text={MATTER_KIND_LABELS[m.kind]} tone={m.kind === 'immediate' ? 'green' : 'blue'} />}
                onClick={() => Taro.navigateTo({ url: `/pages/matter/index?id=${encodeURIComponent(m.id)}` })}
              />
            ))}
          </View>
          <View className="search__more">
            {error && <Text className="search__more-error">{error.message}</Text>}
            {hasMore && (
              <BigButton
                kind="secondary"
                text={loading ? '正在加载…' : '加载更多'}
                disabled={loading}
                onClick={() => load((listing?.page ?? 1) + 1)}
              />
            )}
            {!hasMore && <Text className="search__end">已显示全部</Text>}
          </View>
        </View>
      )}
    </View>
  )
}
