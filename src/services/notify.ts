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
