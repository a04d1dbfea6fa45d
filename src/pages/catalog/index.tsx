import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../../types/routes'
import { ListCell } from '../../components/list-cell'
import { LoadStatus, StatusView } from '../../components/status-view'
import { useLargeText } from '../../hooks/useLargeText'
import { useLoad } from '../../hooks/useLoad'
import { catalogApi } from '../../services/api/catalog'
import { navigate } from '../../utils/nav'
import './index.scss'

export default function Catalog() {
  const { rootClass } = useLargeText()
  // The departments change a few times a year: loaded once, not again on each show.
  const departments = useLoad(() => catalogApi.listDepartments(), [], { onShow: false })
  const list = departments.data?.departments

  const open = (id: string, name: string) => navigate(ROUTES.search, { departmentId: id, departmentName: name })

  return (
    <View className={`${rootClass} catalog`}>
      <View className="catalog__intro">
        <Text>请选择办理事项的部门，查看该部门可办理的事项。</Text>
      </View>
      <LoadStatus of={departments} />
      {list?.length === 0 && <StatusView kind="empty" message="暂无部门信息" />}
      {list && list.length > 0 && (
        <View className="catalog__list">
          {list.map((d) => (
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
