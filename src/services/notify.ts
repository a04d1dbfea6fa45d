import Taro from '@tarojs/taro'
import { notifyContract } from '../../types/contracts/notify'
import type { InputOf } from '../../types/contracts/contract'
import type { SubscribeMoment } from '../../types/domain/templates'
import { callAction } from './cloud'

type Actions = typeof notifyContract.actions

/** The templates to ask for at a moment (≤3), with this deployment's template ids. */
export const subscribeTemplates = (moment: SubscribeMoment) => callAction(notifyContract, 'subscribeTemplates', { moment })

export const reportGrants = (grants: InputOf<Actions['reportGrants']>['grants']) => callAction(notifyContract, 'reportGrants', { grants })

export const myMessages = (page: number, pageSize = 20) => callAction(notifyContract, 'myMessages', { page, pageSize })

export const unreadCount = () => callAction(notifyContract, 'unreadCount', {})

export const markRead = (messageIds: string[]) => callAction(notifyContract, 'markRead', { messageIds })

export const markAllRead = () => callAction(notifyContract, 'markRead', { all: true })

/** Staff: the delivery state of every notification of a case, booking or ticket. */
export const caseDeliveries = (subjectId: string) => callAction(notifyContract, 'caseDeliveries', { subjectId })

/** Index of 消息 in app.config's tabBar. */
const MESSAGES_TAB = 1

/** The unread count on the 消息 tab (WeChat shows at most a few characters: 99+ beyond that). */
export function showUnreadOnTabBar(unread: number): void {
  const done = () => undefined
  if (unread > 0) Taro.setTabBarBadge({ index: MESSAGES_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done)
  else Taro.removeTabBarBadge({ index: MESSAGES_TAB }).catch(done)
}
