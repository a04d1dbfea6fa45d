import { queueContract } from '../../types/contracts/queue'
import { callAction } from './cloud'

export const takeTicket = (matterId: string) => callAction(queueContract, 'takeTicket', { matterId })

export const myTickets = () => callAction(queueContract, 'myTickets', {})

// Staff: check-in and the window console.
export const checkIn = (code: string) => callAction(queueContract, 'checkIn', { code })

export const windowConsole = (windowId: string) => callAction(queueContract, 'console', { windowId })

export const callNext = (windowId: string) => callAction(queueContract, 'callNext', { windowId })

export const recall = (ticketId: string) => callAction(queueContract, 'recall', { ticketId })

export const skip = (ticketId: string) => callAction(queueContract, 'skip', { ticketId })

export const finish = (ticketId: string) => callAction(queueContract, 'finish', { ticketId })

export const transfer = (ticketId: string, toWindowId: string) => callAction(queueContract, 'transfer', { ticketId, toWindowId })
