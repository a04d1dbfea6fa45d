import { REMIND_WHEN_AHEAD } from '../../../types/domain/queue'
import { beijingDate } from '../../../types/domain/working-days'
import { getWindow } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { log } from '../../_kit/log'
import { enqueueNotification } from '../../_kit/outbox'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import type { ServiceWindow } from '../../../types/domain/catalog'
import { callableBy, getTicket, tickets, toTicketView, windowsById, type TicketDoc } from '../tickets'

/** The window console: what is being served here now and who waits for this window. */
export async function console({ windowId }: { windowId: string }, ctx: ActionContext) {
  const window = await staffWindow(windowId, ctx)
  const date = beijingDate(ctx.now)
  const [current, waiting, served, windows] = await Promise.all([
    currentTicket(window, date),
    tickets().where(callableBy(window, date)).orderBy('sortKey', 'asc').limit(50).get(),
    tickets().where({ date, windowId, status: 'done' }).count(),
    windowsById(),
  ])
  return {
    window: { id: window.id, name: window.name, number: window.number, queuePrefix: window.queuePrefix },
    current: current ? await toTicketView(current, windows, false) : null,
    waiting: waiting.data.map((t, i) => ({ ...toViewSync(t, windows), ahead: i })),
    servedToday: served.total,
  }
}

/** Calls the next ticket for this window. Two windows calling at once never get the same ticket: each call is a compare-and-set on `waiting`. */
export async function callNext({ windowId }: { windowId: string }, ctx: ActionContext) {
  const caller = await ctx.caller()
  const window = await staffWindow(windowId, ctx)
  const date = beijingDate(ctx.now)
  const busy = await currentTicket(window, date)
  if (busy) throw new AppError('CONFLICT', `请先办结或过号当前的${busy.label}`)
  for (let round = 0; round < 5; round++) {
    const { data } = await tickets().where(callableBy(window, date)).orderBy('sortKey', 'asc').limit(10).get()
    if (!data.length) return { ticket: null }
    for (const t of data) {
      const { stats } = await tickets()
        .where({ _id: t._id, status: 'waiting' })
        .update({ data: { status: 'called', windowId, targetWindowId: '', calledAt: ctx.now, calledBy: caller.staff?.staffNo ?? '', callCount: 1 } })
      if (stats.updated !== 1) continue
      const called = { ...t, status: 'called' as const, windowId, calledAt: ctx.now }
      await notifyQueue(called, window, date).catch((e) => log.error('queue.notify', e))
      return { ticket: await toTicketView(called, await windowsById(), false) }
    }
  }
  throw new AppError('CONFLICT', '叫号冲突，请重试')
}

export async function recall({ ticketId }: { ticketId: string }, ctx: ActionContext) {
  return moveCalled(ticketId, ctx, (t) => ({ calledAt: ctx.now, callCount: (t.callCount ?? 1) + 1 }))
}
export async function skip({ ticketId }: { ticketId: string }, ctx: ActionContext) {
  return moveCalled(ticketId, ctx, () => ({ status: 'skipped', finishedAt: ctx.now }))
}
export async function finish({ ticketId }: { ticketId: string }, ctx: ActionContext) {
  return moveCalled(ticketId, ctx, () => ({ status: 'done', finishedAt: ctx.now }))
}

/** Sends a called ticket to another window, where it is next: the citizen has already waited once. */
export async function transfer({ ticketId, toWindowId }: { ticketId: string; toWindowId: string }, ctx: ActionContext) {
  const target = await getWindow(toWindowId)
  return moveCalled(ticketId, ctx, (t) => {
    if (t.windowId === toWindowId) throw new AppError('INVALID_INPUT', '不能转到当前窗口', [{ path: 'toWindowId', message: '请选择其他窗口' }])
    return { status: 'waiting', windowId: '', targetWindowId: target.id, sortKey: `00:00|${t.sortKey}`, transferredFrom: t.windowId }
  })
}

async function staffWindow(windowId: string, ctx: ActionContext): Promise<ServiceWindow> {
  const window = await getWindow(windowId)
  assertActsAtWindow(await ctx.caller(), window)
  return window
}

async function currentTicket(window: ServiceWindow, date: string): Promise<TicketDoc | undefined> {
  const { data } = await tickets().where({ date, windowId: window.id, status: 'called' }).orderBy('calledAt', 'desc').limit(1).get()
  return data[0]
}

/** Changes the ticket now called at one of the caller's windows, only if it is still called there. */
async function moveCalled(ticketId: string, ctx: ActionContext, change: (t: TicketDoc) => Record<string, unknown>) {
  const t = await getTicket(ticketId)
  if (t.status !== 'called') throw new AppError('CONFLICT', `${t.label}当前不在叫号中`)
  await staffWindow(t.windowId, ctx)
  const data = change(t)
  const { stats } = await tickets().where({ _id: t._id, status: 'called', windowId: t.windowId }).update({ data })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '排队票状态已变化，请刷新')
  return { ticket: await toTicketView({ ...t, ...data } as TicketDoc, await windowsById()) }
}

function toViewSync(t: TicketDoc, windows: Map<string, ServiceWindow>) {
  const w = windows.get(t.windowId || t.targetWindowId)
  return { ticketId: t._id, label: t.label, kind: t.kind, status: t.status, matterName: t.matterName, ...(w ? { windowName: w.name, windowNumber: w.number } : {}), ahead: 0, waitMinutes: 0, createdAt: new Date(t.createdAt).toISOString() }
}

/** The called citizen is told to come; whoever is now third in line is told to get ready. */
async function notifyQueue(called: TicketDoc, window: ServiceWindow, date: string): Promise<void> {
  const place = `${window.number}号窗口`
  if (called.openid) {
    await enqueueNotification({ event: 'queue.called', subjectId: called._id, recipient: called.openid, data: { ticket: called.label, place, matterName: called.matterName }, page: 'pages/queue/index' })
  }
  const { data } = await tickets().where({ date, prefix: called.prefix, status: 'waiting', targetWindowId: '' }).orderBy('sortKey', 'asc').skip(REMIND_WHEN_AHEAD).limit(1).get()
  const third = data[0]
  if (third?.openid) {
    await enqueueNotification({ event: 'queue.three_ahead', subjectId: third._id, recipient: third.openid, data: { ticket: third.label, ahead: REMIND_WHEN_AHEAD, matterName: third.matterName }, page: 'pages/queue/index' })
  }
}
