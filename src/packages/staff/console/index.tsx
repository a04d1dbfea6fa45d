import { View } from '@tarojs/components'
import { useState } from 'react'
import { StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { StaffOnly } from '../load-status'
import { useStaffMe, type StaffMe, type StaffWindow } from '../staff'
import { ConsolePanel } from './console-panel'
import { openingWindow, savedWindow, saveWindow, WindowChooser } from './window-chooser'
import '../staff.scss'
import './index.scss'

function Console({ me }: { me: StaffMe }) {
  // undefined until the clerk picks (or asks to change) a window on this visit.
  const [picked, setPicked] = useState<string>()
  const [saved] = useState(savedWindow)
  const windowId = picked ?? openingWindow(me.windows, saved)
  const win = me.windows.find((w) => w.id === windowId)

  const choose = (w: StaffWindow) => {
    setPicked(w.id)
    saveWindow(w.id)
  }

  if (!win) return <WindowChooser windows={me.windows} onChoose={choose} />
  return (
    <ConsolePanel
      key={win.id}
      window={win}
      allWindows={me.allWindows}
      onChangeWindow={me.windows.length > 1 ? () => setPicked('') : undefined}
    />
  )
}

/** The window console: choose one of my windows, then call, recall, skip, finish or transfer. */
export default function StaffConsole() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  return (
    <View className={`${rootClass} staff console`}>
      <StaffOnly me={me} notStaff={<StatusView kind="empty" message="叫号台仅限窗口工作人员使用" />}>
        {(m) => <Console me={m} />}
      </StaffOnly>
    </View>
  )
}
