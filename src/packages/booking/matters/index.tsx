import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ROUTES } from '../../../../types/routes'
import { ListCell } from '../../../components/list-cell'
import { SearchBox } from '../../../components/search-box'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useDebounced } from '../../../hooks/useDebounced'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { catalogApi } from '../../../services/api/catalog'
import { navigate } from '../../../utils/nav'
import './index.scss'

/**
 * 预约办事: only what can be booked, by department, the most booked first, with a search; a tap
 * goes straight to choosing the day. Everything else in the catalogue stays on 办事指南.
 */
export default function BookableMatters() {
  const { rootClass } = useLargeText()
  const [q, setQ] = useState('')
  const query = useDebounced(q.trim(), 400)
  const list = useLoad(() => catalogApi.bookableMatters(query ? { q: query } : {}), [query], { onShow: false })
  const departments = list.data?.departments ?? []

  return (
    <View className={`${rootClass} bookable`}>
      <View className="bookable__bar">
        <SearchBox value={q} onChange={setQ} placeholder="搜索可预约的事项，如：护照" />
        <Text className="bookable__hint">选择事项后选日期和时间，到厅后凭预约码签到，优先叫号。</Text>
      </View>
      {!list.data && <LoadStatus of={list} />}
      {list.data && departments.length === 0 && (
        <StatusView
          kind="empty"
          message={query ? `没有可预约的“${query}”相关事项，换个关键词试试，或到「办事指南」查找` : '暂无可网上预约的事项'}
        />
      )}
      {departments.map((d) => (
        <View key={d.id} className="bookable__dept">
          <View className="bookable__dept-head">
            <Text className="bookable__dept-name">{d.name}</Text>
            {d.location && <Text className="bookable__dept-place">{d.location}</Text>}
          </View>
          {d.matters.map((m) => (
            <ListCell
              key={m.id}
              title={m.name}
              desc={m.booked > 0 ? `近30天${m.booked}人预约` : undefined}
              onClick={() => navigate(ROUTES.bookingDate, { matterId: m.id })}
            />
          ))}
        </View>
      ))}
    </View>
  )
}
