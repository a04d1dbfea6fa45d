import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { TicketView } from '../../../../types/contracts/queue'
import type { Result } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLiveRemote } from '../../../hooks/useLiveRemote'
import { callNext, finish, recall, skip, transfer, windowConsole } from '../../../services/queue'
import { STORAGE_KEYS } from '../../../services/storage-keys'
import { useStaffMe, windowName, type StaffWindow } from '../staff'
import '../staff.scss'
import './index.scss'

const POLL_MS = 10_000

function readSavedWindow(): string {
  try {
    const v = Taro.getStorageSync(STORAGE_KEYS.staffWindow)
    return typeof v === 'string' ? v : ''
  } catch {
    return ''
  }
}

function WindowChooser({ windows, onChoose }: { windows: StaffWindow[]; onChoose: (w: StaffWindow) => void }) {
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

function ConsolePanel({
  window,
  allWindows,
  onChangeWindow,
}: {
  window: StaffWindow
  allWindows: StaffWindow[]
  onChangeWindow?: () => void
}) {
  const live = useLiveRemote(() => windowConsole(window.id), [window.id], POLL_MS)
  const [busy, setBusy] = useState(false)
  const c = live.data
  const current = c?.current ?? null
  const targets = allWindows.filter((w) => w.id !== window.id)

  /** Runs one console action, then reloads the console whatever happened: the queue moves on its own too. */
  const act = async <T,>(label: string, run: () => Promise<Result<T>>, done?: (data: T) => void) => {
    if (busy) return
    setBusy(true)
    Taro.showLoading({ title: label, mask: true })
    const r = await run()
    Taro.hideLoading()
    setBusy(false)
    if (r.ok) done?.(r.data)
    else await Taro.showModal({ title: `${label}未成功`, content: r.error.message, showCancel: false, confirmText: '知道了' })
    await live.refresh()
  }

  const next = () =>
    act(
      '叫号',
      () => callNext(window.id),
      (d) => {
        if (!d.ticket) Taro.showToast({ title: '没有等候的群众', icon: 'none' })
      },
    )

  const withCurrent = (label: string, run: (t: TicketView) => ReturnType<typeof finish>, confirm?: string) => async () => {
    if (!current) return
    if (confirm) {
      const ok = await Taro.showModal({ title: label, content: confirm, confirmText: label })
      if (!ok.confirm) return
    }
    await act(
      label,
      () => run(current),
      () => Taro.showToast({ title: `${current.label} ${label}`, icon: 'none' }),
    )
  }

  const transferTo = async (index: number) => {
    const to = targets[index]
    if (!current || !to) return
    const ok = await Taro.showModal({
      title: '转窗口',
      content: `把 ${current.label} 转到 ${windowName(to)}？该窗口将优先叫号。`,
      confirmText: '转过去',
    })
    if (!ok.confirm) return
    await act(
      '转窗口',
      () => transfer(current.ticketId, to.id),
      () => Taro.showToast({ title: `已转到${to.number}号窗口`, icon: 'none' }),
    )
  }

  return (
    <View>
      <View className="console__window">
        <View className="console__window-main">
          <Text className="console__window-name">{windowName(window)}</Text>
          <Text className="console__window-meta">{c ? `今日已办结 ${c.servedToday} 人 · 等候 ${c.waiting.length} 人` : ' '}</Text>
        </View>
        {onChangeWindow && (
          <View className="console__change" hoverClass="console__change--pressed" onClick={onChangeWindow}>
            更换窗口
          </View>
        )}
      </View>

      {!c && live.loading && <StatusView kind="loading" />}
      {!c && live.error && <StatusView kind="error" message={live.error.message} onRetry={live.refresh} />}
      {c && live.error && <Text className="staff__error">刷新失败：{live.error.message}</Text>}
      {c && (
        <View>
          <View className={`console__current${current ? ' console__current--on' : ''}`}>
            <Text className="console__current-title">当前叫号</Text>
            {current ? (
              <View className="console__current-body">
                <Text className="console__current-label">{current.label}</Text>
                <Text className="console__current-matter">
                  {current.matterName}（{current.kind === 'booked' ? '预约' : '现场'}）
                </Text>
              </View>
            ) : (
              <Text className="console__current-none">暂无，点「叫下一位」</Text>
            )}
          </View>

          <View className="staff__actions console__actions">
            <BigButton text="叫下一位" disabled={busy || Boolean(current)} onClick={next} />
            {current && (
              <View className="console__row">
                <View className="console__cell">
                  <BigButton kind="secondary" text="重呼" disabled={busy} onClick={withCurrent('重呼', (t) => recall(t.ticketId))} />
                </View>
                <View className="console__cell">
                  <BigButton
                    kind="secondary"
                    text="过号"
                    disabled={busy}
                    onClick={withCurrent('过号', (t) => skip(t.ticketId), '群众叫号未到，确定过号？过号后需重新取号。')}
                  />
                </View>
                <View className="console__cell">
                  <BigButton kind="secondary" text="办结" disabled={busy} onClick={withCurrent('办结', (t) => finish(t.ticketId))} />
                </View>
              </View>
            )}
            {current && targets.length > 0 && (
              <Picker mode="selector" range={targets.map(windowName)} onChange={(e) => transferTo(Number(e.detail.value))} disabled={busy}>
                <View className="console__transfer" hoverClass="console__transfer--pressed">
                  转窗口…
                </View>
              </Picker>
            )}
          </View>

          <Text className="console__list-title">等候队列（{c.waiting.length}人）</Text>
          {c.waiting.length === 0 ? (
            <StatusView kind="empty" message="目前没有等候的群众" />
          ) : (
            <View className="console__list">
              {c.waiting.map((t) => (
                <TicketCard key={t.ticketId} ticket={t} mode="staff" />
              ))}
            </View>
          )}
          <Text className="staff__note">队列每10秒自动刷新</Text>
        </View>
      )}
    </View>
  )
}

/** The window console: choose one of my windows, then call, recall, skip, finish or transfer. */
export default function StaffConsole() {
  const { rootClass } = useLargeText()
  const me = useStaffMe()
  const [windowId, setWindowId] = useState('')

  // Open on the window used last time, or on the only one.
  useEffect(() => {
    if (me.status !== 'ready') return
    const saved = readSavedWindow()
    const mine = me.me.windows
    if (mine.some((w) => w.id === saved)) setWindowId(saved)
    else if (mine.length === 1) setWindowId(mine[0].id)
  }, [me.status])

  const choose = (w: StaffWindow) => {
    setWindowId(w.id)
    try {
      Taro.setStorageSync(STORAGE_KEYS.staffWindow, w.id)
    } catch {
      // storage unavailable: the choice holds for this visit
    }
  }

  const win = me.status === 'ready' ? me.me.windows.find((w) => w.id === windowId) : undefined

  return (
    <View className={`${rootClass} staff console`}>
      {me.status === 'loading' && <StatusView kind="loading" />}
      {me.status === 'error' && <StatusView kind="error" message={me.error.message} onRetry={me.retry} />}
      {me.status === 'not-staff' && <StatusView kind="empty" message="叫号台仅限窗口工作人员使用" />}
      {me.status === 'ready' && !win && <WindowChooser windows={me.me.windows} onChoose={choose} />}
      {me.status === 'ready' && win && (
        <ConsolePanel
          key={win.id}
          window={win}
          allWindows={me.me.allWindows}
          onChangeWindow={me.me.windows.length > 1 ? () => setWindowId('') : undefined}
        />
      )}
    </View>
  )
}
