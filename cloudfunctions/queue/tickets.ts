import type { TicketView } from '../../types/contracts/queue'
import { windowNumberLabel, type ServiceWindow } from '../../types/domain/catalog'
import type { NotificationRequest } from '../../types/domain/notification'
import { estimatedWaitMinutes, ticketLabel, type TicketStatus } from '../../types/domain/queue'
import { pageLink, ROUTES } from '../../types/routes'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError, notFound } from '../_kit/errors'
import { windowsById } from '../_kit/catalog'
import { insertOnce } from '../_kit/db'

export interface TicketDoc {
  _id: string
  date: string
  prefix: string
  number: number
  label: string
  kind: 'booked' | 'walk_in'
  status: TicketStatus
  sortKey: string
  matterId: string
  matterName: string
  openid: string
  bookingId?: string
  /** The window it was transferred to ('' for the whole group): only that window calls it. */
  targetWindowId: string
  windowId: string
  calledAt?: Date
  calledBy?: string
  callCount: number
  finishedAt?: Date
  /** Who was told to get ready when this ticket was called (queue.three_ahead). */
  remind?: string
  transferredFrom?: string
  /** When the sweeper checks the last call's notifications were written (settle.ts); absent once they were. */
  settleBy?: Date
  createdAt: Date
}

export const tickets = () => db().collection<TicketDoc>(COLLECTIONS.tickets)
export const ticketIdOf = (date: string, prefix: string, number: number) => `${date.replace(/-/g, '')}-${prefix}-${number}`

/**
 * The next ticket number of a window group today. The database has no fetch-and-increment, so the
 * counter moves by compare-and-set: read n, set n + 1 only where it is still n; a loser re-reads.
 */
export async function nextNumber(date: string, prefix: string): Promise<number> {
  const counters = db().collection(COLLECTIONS.queueCounters)
  const id = `${date}-${prefix}`
  for (let attempt = 0; attempt < 50; attempt++) {
    const { data } = await counters.where({ _id: id }).limit(1).get()
    if (!data[0]) {
      if (await insertOnce(counters, { _id: id, last: 1 })) return 1
      continue
    }
    const last = data[0].last as number
    const { stats } = await counters.where({ _id: id, last }).update({ data: { last: last + 1 } })
    if (stats.updated === 1) return last + 1
    await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)))
  }
  throw new AppError('CONFLICT', '取号人数较多，请稍后重试')
}

export async function issueTicket(
  t: Omit<TicketDoc, '_id' | 'number' | 'label' | 'status' | 'targetWindowId' | 'windowId' | 'callCount' | 'sortKey'> & {
    sortKeyOf: (n: number) => string
  },
): Promise<TicketDoc> {
  const number = await nextNumber(t.date, t.prefix)
  const { sortKeyOf, ...rest } = t
  const doc: TicketDoc = {
    ...rest,
    _id: ticketIdOf(t.date, t.prefix, number),
    number,
    label: ticketLabel(t.prefix, number),
    status: 'waiting',
    sortKey: sortKeyOf(number),
    targetWindowId: '',
    windowId: '',
    callCount: 0,
  }
  await tickets().add({ data: doc })
  return doc
}

export async function getTicket(ticketId: string): Promise<TicketDoc> {
  const { data } = await tickets().where({ _id: ticketId }).limit(1).get()
  if (!data[0]) throw notFound('未找到该排队票')
  return data[0]
}

/** Waiting tickets a window would call, in calling order: its group's, and those transferred to it. */
export function callableBy(window: ServiceWindow, date: string) {
  const _ = db().command
  return _.or([
    { date, prefix: window.queuePrefix, status: 'waiting', targetWindowId: '' },
    { date, status: 'waiting', targetWindowId: window.id },
  ])
}

/** How many tickets are ahead of a waiting ticket and the wait that suggests. */
export async function position(t: TicketDoc): Promise<{ ahead: number; waitMinutes: number }> {
  if (t.status !== 'waiting') return { ahead: 0, waitMinutes: 0 }
  const _ = db().command
  const sameQueue = t.targetWindowId ? { targetWindowId: t.targetWindowId } : { prefix: t.prefix, targetWindowId: '' }
  const [{ total: ahead }, recent] = await Promise.all([
    tickets()
      .where({ date: t.date, status: 'waiting', ...sameQueue, sortKey: _.lt(t.sortKey) })
      .count(),
    tickets().where({ date: t.date, prefix: t.prefix, status: 'done' }).orderBy('finishedAt', 'desc').limit(20).get(),
  ])
  const minutes = recent.data
    .filter((d) => d.calledAt && d.finishedAt)
    .map((d) => (+new Date(d.finishedAt!) - +new Date(d.calledAt!)) / 60_000)
  const windows = new Set(recent.data.map((d) => d.windowId)).size
  return { ahead, waitMinutes: estimatedWaitMinutes(ahead, minutes, t.targetWindowId ? 1 : windows) }
}

export { windowsById }

/** The account's waiting ticket of a matter today (walk-in or checked in), if any. */
export async function waitingTicket(date: string, openid: string, matterId: string): Promise<TicketDoc | undefined> {
  return (await tickets().where({ date, openid, matterId, status: 'waiting' }).limit(1).get()).data[0]
}

/** 请到…办理, for the account the called ticket belongs to. */
export const calledNotice = (t: TicketDoc, windowNumber: number): NotificationRequest<'queue.called'> => ({
  event: 'queue.called',
  subjectId: t._id,
  recipient: t.openid,
  data: { ticket: t.label, place: windowNumberLabel(windowNumber), matterName: t.matterName },
  page: pageLink(ROUTES.queue),
})

/** 即将轮到您, for the ticket with REMIND_WHEN_AHEAD ahead once another was called. */
export const threeAheadNotice = (t: TicketDoc, ahead: number): NotificationRequest<'queue.three_ahead'> => ({
  event: 'queue.three_ahead',
  subjectId: t._id,
  recipient: t.openid,
  data: { ticket: t.label, ahead, matterName: t.matterName },
  page: pageLink(ROUTES.queue),
})

export async function toTicketView(t: TicketDoc, windows: Map<string, ServiceWindow>, withPosition = true): Promise<TicketView> {
  const w = windows.get(t.windowId || t.targetWindowId)
  const pos = withPosition ? await position(t) : { ahead: 0, waitMinutes: 0 }
  return {
    ticketId: t._id,
    label: t.label,
    kind: t.kind,
    status: t.status,
    matterName: t.matterName,
    ...(w ? { windowName: w.name, windowNumber: w.number } : {}),
    ...pos,
    createdAt: new Date(t.createdAt).toISOString(),
  }
}
