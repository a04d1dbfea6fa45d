import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { MATTER_KIND_LABELS } from '../../../../types/domain/catalog'
import { ROUTES } from '../../../../types/routes'
import { BigButton } from '../../../components/big-button'
import { ListCell } from '../../../components/list-cell'
import { SearchBox } from '../../../components/search-box'
import { StatusView } from '../../../components/status-view'
import { Tag } from '../../../components/tag'
import { useDebounced } from '../../../hooks/useDebounced'
import { useLargeText } from '../../../hooks/useLargeText'
import { navigate, useQuery } from '../../../utils/nav'
import { useMatterSearch } from './use-matter-search'
import './index.scss'

export default function Search() {
  const { rootClass } = useLargeText()
  const params = useQuery(ROUTES.search)
  const [q, setQ] = useState('')
  const [department, setDepartment] = useState(
    params.departmentId ? { id: params.departmentId, name: params.departmentName || '所选部门' } : null,
  )
  const query = useDebounced(q.trim(), 400)
  const { listing, hasMore, first, moreLoading, moreError, loadMore } = useMatterSearch(query, department?.id)
  const items = listing?.items ?? []

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

      {!listing && first.loading && <StatusView kind="loading" />}
      {!listing && !first.loading && first.error && <StatusView kind="error" message={first.error.message} onRetry={first.refresh} />}
      {listing && items.length === 0 && (
        <StatusView
          kind="empty"
          message={
            query
              ? `${department ? '该部门' : ''}没有找到与“${query}”相关的事项，${department ? '可点「查看全部部门」或' : ''}换个关键词试试`
              : '暂无事项'
          }
        />
      )}

      {listing && items.length > 0 && (
        <View>
          <Text className="search__count">共 {listing.total} 项</Text>
          <View className="search__list">
            {items.map((m) => (
              <ListCell
                key={m.id}
                title={m.name}
                desc={<Tag text={MATTER_KIND_LABELS[m.kind]} tone={m.kind === 'immediate' ? 'green' : 'blue'} />}
                onClick={() => navigate(ROUTES.matter, { id: m.id })}
              />
            ))}
          </View>
          <View className="search__more">
            {moreError && <Text className="search__more-error">{moreError.message}</Text>}
            {hasMore && <BigButton kind="secondary" text="加载更多" loading={moreLoading} loadingText="正在加载…" onClick={loadMore} />}
            {!hasMore && <Text className="search__end">已显示全部</Text>}
          </View>
        </View>
      )}
    </View>
  )
}
