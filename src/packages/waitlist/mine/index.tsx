import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { WaitlistEntryView } from '../../../../types/contracts/appointment'
import { ROUTES } from '../../../../types/routes'
import { LoadStatus, StatusView } from '../../../components/status-view'
import { useLargeText } from '../../../hooks/useLargeText'
import { useLoad } from '../../../hooks/useLoad'
import { appointmentApi } from '../../../services/api/appointment'
import { alertError, confirm, toast } from '../../../utils/alert'
import { navigate, redirect, useQuery } from '../../../utils/nav'
import { newRequestId } from '../../../utils/request-id'
import { EntryCard, type EntryActions } from './entry-card'
import '../waitlist.scss'
import './index.scss'

/** 我的候补: each entry with its place in the queue; a seat held for one shows 确认预约 / 放弃. The offer push opens it. */
export default function MyWaitlist() {
  const { rootClass } = useLargeText()
  const { offer = '', fresh } = useQuery(ROUTES.waitlistMine)
  // Offers come and go while the page is open: re-read every half minute and on coming back.
  const list = useLoad(() => appointmentApi.myWaitlist({}), [], { intervalMs: 30_000 })
  const [busy, setBusy] = useState('')
  // One request id per offer: a retried confirm can only ever make one booking.
  const requestIds = useRef(new Map<string, string>())
  const entries = list.data?.entries ?? []

  const run = async (e: WaitlistEntryView, work: () => Promise<boolean>) => {
    if (busy) return
    setBusy(e.entryId)
    const done = await work()
    setBusy('')
    if (done) void list.refresh()
  }

  const actions: EntryActions = {
    busy,
    accept: (e) =>
      run(e, async () => {
        const o = e.offer!
        const requestId = requestIds.current.get(o.offerId) ?? newRequestId('wa')
        requestIds.current.set(o.offerId, requestId)
        const r = await appointmentApi.acceptOffer({ offerId: o.offerId, requestId })
        if (r.ok) {
          void redirect(ROUTES.bookingDetail, { id: r.data.bookingId, fresh: 1 })
          return false
        }
        requestIds.current.delete(o.offerId)
        await alertError('未能预约', r.error)
        return true
      }),
    decline: (e) =>
      run(e, async () => {
        const sure = await confirm({
          title: '放弃名额',
          content: '放弃后名额将顺延给下一位，您继续候补其他时段。',
          confirmText: '放弃',
          danger: true,
        })
        if (!sure) return false
        const r = await appointmentApi.declineOffer({ offerId: e.offer!.offerId })
        if (r.ok) toast('已放弃该名额')
        else await alertError('操作未成功', r.error)
        return true
      }),
    leave: (e) =>
      run(e, async () => {
        const sure = await confirm({ title: '退出候补', content: `退出「${e.matterName}」的候补？`, confirmText: '退出', danger: true })
        if (!sure) return false
        const r = await appointmentApi.leaveWaitlist({ entryId: e.entryId })
        if (r.ok) toast('已退出候补')
        else await alertError('操作未成功', r.error)
        return true
      }),
    openBooking: (bookingId) => void navigate(ROUTES.bookingDetail, { id: bookingId }),
  }

  return (
    <View className={`${rootClass} waitlist-page waitlist-mine`}>
      {fresh ? (
        <View className="waitlist-page__done">
          <Text className="waitlist-page__done-title">已加入候补</Text>
          <Text>有名额时我们会发消息通知您，请留意。</Text>
        </View>
      ) : null}
      <LoadStatus of={list} />
      {list.data && entries.length === 0 && (
        <StatusView
          kind="empty"
          message="您还没有候补"
          hint="时段约满时，可在选择时段页加入候补；有人取消，按先后通知您来约。"
          action={{ text: '去预约', onClick: () => navigate(ROUTES.bookingMatters) }}
        />
      )}
      {entries.map((e) => (
        <EntryCard key={e.entryId} e={e} highlight={!!offer && e.offer?.offerId === offer} actions={actions} />
      ))}
    </View>
  )
}
