import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FormField } from '../../../components/form-field'
import type { Departments } from './panels'

const SHOWN = 6

/**
 * The department to transfer to: typed to filter (the centre has about 40), then tapped. The
 * chosen one stays at the top of the list with a tick.
 */
export function DepartmentChooser({
  departments,
  chosen,
  error,
  onChoose,
}: {
  departments: Departments
  chosen: string
  error?: string
  onChoose: (id: string) => void
}) {
  const [filter, setFilter] = useState('')
  const picked = departments.find((d) => d.id === chosen)
  const words = filter.trim()
  // With one chosen, others are listed only when asked for by name.
  const matches = words || !picked ? departments.filter((d) => d.id !== chosen && (!words || d.name.includes(words))).slice(0, SHOWN) : []
  return (
    <FormField label="承办部门" name="departmentId" error={error} hint="转办即受理，办结期限自今日起10个工作日">
      <View className="staff-complaint__depts">
        {picked && <View className="staff-complaint__dept staff-complaint__dept--on">✓ {picked.name}</View>}
        <Input
          className="form-field__input staff-complaint__dept-filter"
          value={filter}
          maxlength={20}
          placeholder={picked ? '改选其他部门：输入名称' : '输入部门名称，如 市场监督'}
          onInput={(e) => setFilter(e.detail.value)}
        />
        {matches.map((d) => (
          <View key={d.id} className="staff-complaint__dept" hoverClass="staff-complaint__dept--pressed" onClick={() => onChoose(d.id)}>
            {d.name}
          </View>
        ))}
        {words && matches.length === 0 && <Text className="staff__note">没有名称含“{words}”的部门</Text>}
      </View>
    </FormField>
  )
}
