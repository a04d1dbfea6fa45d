import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { MATTER_KIND_LABELS, type MatterSummary } from '../../../../types/domain/catalog'
import { ListCell } from '../../../components/list-cell'
import { SearchBox } from '../../../components/search-box'
import { StatusView } from '../../../components/status-view'
import { useDebounced } from '../../../hooks/useDebounced'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'

/** Finds the matter the question is about: a live search, tap one to choose it. */
export function MatterPicker({ onPick }: { onPick: (m: MatterSummary) => void }) {
  const [q, setQ] = useState('')
  const query = useDebounced(q.trim(), 400)
  const found = useLoad(() => catalogApi.searchMatters({ ...(query ? { q: query } : {}), page: 1, pageSize: 8 }), [query], {
    onShow: false,
  })
  const items = found.data?.items
  return (
    <View className="inquiry-ask__picker">
      <SearchBox placeholder="输入事项名称，如：护照" value={q} onChange={setQ} />
      {!items && found.loading && <Text className="inquiry-page__note">正在查找…</Text>}
      {!items && !found.loading && found.error && <StatusView kind="error" message={found.error.message} onRetry={found.refresh} />}
      {items?.length === 0 && <Text className="inquiry-page__note">没有找到相关事项，可换个说法，或改选「中心综合咨询」</Text>}
      {items?.map((m) => (
        <ListCell key={m.id} title={m.name} desc={MATTER_KIND_LABELS[m.kind]} onClick={() => onPick(m)} />
      ))}
    </View>
  )
}
