import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ListCell } from '../../components/list-cell'
import { StatusView } from '../../components/status-view'
import { useLargeText } from '../../hooks/useLargeText'
import { useRemote } from '../../hooks/useRemote'
import { listDepartments } from '../../services/catalog'
import './index.scss'

export default function Catalog() {
  const { rootClass } = useLargeText()
  const departments = useRemote(listDepartments, [])

  const open = (id: string, name: string) =>
    Taro.navigateTo({ url: `/pages/search/index?departmentId=${encodeURIComponent(id)}&departmentName=${encodeURIComponent(name)}` })

  return (
    <View className={`${rootClass} catalog`}>
      <View className="catalog__intro">
        <Text>请选择办理事项的部门，查看该部门可办理的事项。</Text>
      </View>
      {departments.status === 'loading' && <StatusView kind="loading" />}
      {departments.status === 'error' && <StatusView kind="error" message={departments.error.message} onRetry={departments.retry} />}
      {departments.status === 'ready' && departments.data.departments.length === 0 && <StatusView kind="empty" message="暂无部门信息" />}
      {departments.status === 'ready' && departments.data.departments.length > 0 && (
        <View className="catalog__list">
          {departments.data.departments.map((d) => (
            <ListCell
              key={d.id}
              title={d.name}
              extra={`${d.matterCount}项`}
              desc={
                <View className="catalog__desc">
                  {d.location && <Text className="catalog__line">位置：{d.location}</Text>}
                  {d.windows.length > 0 && <Text className="catalog__line">窗口：{d.windows.map((w) => `${w.number}号`).join('、')}</Text>}
                </View>
              }
              onClick={() => open(d.id, d.name)}
            />
          ))}
        </View>
      )}
    </View>
  )
}
