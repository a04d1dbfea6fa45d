import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { StatusView } from '../../../components/status-view'
import { STORAGE_KEYS } from '../../../services/storage-keys'
import type { StaffWindow } from '../staff'

/** The window chosen on this phone last time ('' when none or storage is unavailable). */
export function savedWindow(): string {
  try {
    const v = Taro.getStorageSync(STORAGE_KEYS.staffWindow)
    return typeof v === 'string' ? v : ''
  } catch {
    return ''
  }
}

export function saveWindow(windowId: string): void {
  try {
    Taro.setStorageSync(STORAGE_KEYS.staffWindow, windowId)
  } catch {
    // storage unavailable: the choice holds for this visit
  }
}

/** The console opens on the window used last time, or on the only one; else the clerk chooses. */
export const openingWindow = (mine: StaffWindow[], saved: string): string =>
  mine.some((w) => w.id === saved) ? saved : mine.length === 1 ? mine[0].id : ''

export function WindowChooser({ windows, onChoose }: { windows: StaffWindow[]; onChoose: (w: StaffWindow) => void }) {
  if (windows.length === 0) return <StatusView kind="empty" message="您名下没有窗口，请联系部门负责人" />
  return (
    <View>
      <Text className="staff__note">请选择您现在所在的窗口</Text>
      {windows.map((w) => (
        <View
          key={w.id}
          className={`console-window console-window--${w.id}`}
          hoverClass="console-window--pressed"
          onClick={() => onChoose(w)}
        >
          <Text className="console-window__number">{w.number}号</Text>
          <View className="console-window__main">
            <Text className="console-window__name">{w.name}</Text>
            <Text className="console-window__dept">{w.departmentName}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
