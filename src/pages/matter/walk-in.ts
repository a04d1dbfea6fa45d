import Taro from '@tarojs/taro'
import type { MatterDetail } from '../../../types/contracts/catalog'
import { ROUTES } from '../../../types/routes'
import { queueApi } from '../../services/api/queue'
import { askConsent, prefetchConsent } from '../../services/subscribe'
import { alert, confirm } from '../../utils/alert'
import { navigate } from '../../utils/nav'

/** 现场取号: for someone already in the hall without a booking. */
export async function takeWalkInTicket(m: MatterDetail) {
  prefetchConsent('queue')
  const inHall = await confirm({
    title: '现场取号',
    content: `您已在政务服务中心大厅吗？取号后请留意叫号。\n事项：${m.name}`,
    confirmText: '取号',
    cancelText: '还没到',
  })
  if (!inHall) return
  // 排队叫号提醒: asked from the modal's confirm tap (WeChat accepts that as the user's tap), before the ticket exists.
  await askConsent('queue')
  Taro.showLoading({ title: '正在取号', mask: true })
  const r = await queueApi.takeTicket({ matterId: m.id })
  Taro.hideLoading()
  if (r.ok) void navigate(ROUTES.queue)
  else void alert('未能取号', r.error.message)
}
