import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { TicketView } from '../../../../types/contracts/queue'
import type { Result } from '../../../../types/result'
import { BigButton } from '../../../components/big-button'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'
import { useLoad } from '../../../hooks/useLoad'
import { queueApi } from '../../../services/api/queue'
import { alert, confirm, toast } from '../../../utils/alert'
import { StaffLoadStatus } from '../load-status'
import { windowName, type StaffWindow } from '../staff'
import { windowNumberLabel } from '../../../../types/domain/catalog'

const POLL_MS = 10_000

interface ConsolePanelProps {
  window: StaffWindow
  allWindows: StaffWindow[]
  onChangeWindow?: () => void
}

/** One window's console: the ticket being served and its buttons, transfer, and the waiting queue (polled). */
export function ConsolePanel({ window, allWindows, onChangeWindow }: ConsolePanelProps) {
  const live = useLoad(() => queueApi.console({ windowId: window.id }), [window.id], { intervalMs: POLL_MS })
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
    else await alert(`${label}未成功`, r.error.message)
    await live.refresh()
  }

  const next = () =>
    act(
      '叫号',
      () => queueApi.callNext({ windowId: window.id }),
      (d) => {
        if (!d.ticket) toast('没有等候的群众')
      },
    )

  /** An action on the ticket being served, asked first when `question` is given (过号 cannot be undone). */
  const onCurrent = (label: string, run: (ticketId: string) => Promise<Result<unknown>>, question?: string) => async () => {
    if (!current) return
    if (question && !(await confirm({ title: label, content: question, confirmText: label }))) return
    await act(
      label,
      () => run(current.ticketId),
      () => toast(`${current.label} ${label}`),
    )
  }

  const transferTo = async (to: StaffWindow | undefined) => {
    if (!current || !to) return
    const content = `把 ${current.label} 转到 ${windowName(to)}？该窗口将优先叫号。`
    if (!(await confirm({ title: '转窗口', content, confirmText: '转过去' }))) return
    await act(
      '转窗口',
      () => queueApi.transfer({ ticketId: current.ticketId, toWindowId: to.id }),
      () => toast(`已转到${windowNumberLabel(to.number)}`),
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

      <StaffLoadStatus of={live} />
      {c && (
        <View>
          <CurrentTicket current={current} />
          <View className="staff__actions console__actions">
            <BigButton text="叫下一位" disabled={busy || Boolean(current)} onClick={next} />
            {current && (
              <View className="console__row">
                <View className="console__cell">
                  <BigButton
                    kind="secondary"
                    text="重呼"
                    disabled={busy}
                    onClick={onCurrent('重呼', (ticketId) => queueApi.recall({ ticketId }))}
                  />
                </View>
                <View className="console__cell">
                  <BigButton
                    kind="secondary"
                    text="过号"
                    disabled={busy}
                    onClick={onCurrent('过号', (ticketId) => queueApi.skip({ ticketId }), '群众叫号未到，确定过号？过号后需重新取号。')}
                  />
                </View>
                <View className="console__cell">
                  <BigButton
                    kind="secondary"
                    text="办结"
                    disabled={busy}
                    onClick={onCurrent('办结', (ticketId) => queueApi.finish({ ticketId }))}
                  />
                </View>
              </View>
            )}
            {current && targets.length > 0 && (
              <Picker
                mode="selector"
                range={targets.map(windowName)}
                onChange={(e) => transferTo(targets[Number(e.detail.value)])}
                disabled={busy}
              >
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

function CurrentTicket({ current }: { current: TicketView | null }) {
  return (
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
  )
}
