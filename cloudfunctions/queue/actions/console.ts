import type { QueueInput } from '../../../types/contracts/queue'
import { REMIND_WHEN_AHEAD, TRANSFER_SORT_KEY } from '../../../types/domain/queue'
import { beijingDate } from '../../../types/domain/working-days'
import { getWindow } from '../../_kit/catalog'
import { AppError } from '../../_kit/errors'
import type { ActionContext } from '../../_kit/handler'
import { log } from '../../_kit/log'
import { deliverSoon, writeNotification } from '../../_kit/outbox'
import { assertActsAtWindow } from '../../_kit/staff-scope'
import type { ServiceWindow } from '../../../types/domain/catalog'
import { settleAt } from '../../_kit/settle-time'
import { releaseWaitingHold } from '../holds'
import { callableBy, calledNotice, getTicket, threeAheadNotice, tickets, toTicketView, windowsById, type TicketDoc } from '../tickets'

/** The window console: what is being served here now and who waits for this window. */
export async function console({ windowId }: QueueInput<'console'>, ctx: ActionContext) {
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

/**
 * Calls the next ticket for this window. Two windows calling at once never get the same ticket:
 * each call is a compare-and-set on `waiting`. The call carries who is to be told to get ready
 * and the time the sweeper checks the notices; right after it, 请到…办理 and 即将轮到您 are recorded
 * and the account's waiting-ticket hold goes back (queue/settle.ts does it should this invocation die).
 */
export async function callNext({ windowId }: QueueInput<'callNext'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const window = await staffWindow(windowId, ctx)
  const date = beijingDate(ctx.now)
  const busy = await currentTicket(window, date)
  if (busy) throw new AppError('CONFLICT', `请先办结或过号当前的${busy.label}`)
  for (let round = 0; round < 5; round++) {
    const { data } = await tickets().where(callableBy(window, date)).orderBy('sortKey', 'asc').limit(10).get()
    if (!data.length) return { ticket: null }
    for (const t of data) {
      // Whoever then has REMIND_WHEN_AHEAD tickets ahead in the group's line.
      const third = data.filter((d) => d._id !== t._id && d.prefix === window.queuePrefix && d.targetWindowId === '')[REMIND_WHEN_AHEAD]
      const call = {
        status: 'called' as const,
        windowId,
        targetWindowId: '',
        calledAt: ctx.now,
        calledBy: caller.staff?.staffNo ?? '',
        callCount: 1,
        settleBy: settleAt(ctx.now),
        ...(third ? { remind: third._id } : {}),
      }
      const { stats } = await tickets().where({ _id: t._id, status: 'waiting' }).update({ data: call })
      if (stats.updated !== 1) continue
      const called = { ...t, ...call }
      await afterCall(called, window.number, third)
      return { ticket: await toTicketView(called, await windowsById(), false) }
    }
  }
  throw new AppError('CONFLICT', '叫号冲突，请重试')
}

export async function recall({ ticketId }: QueueInput<'recall'>, ctx: ActionContext) {
  return moveCalled(ticketId, ctx, (t) => ({ calledAt: ctx.now, callCount: (t.callCount ?? 1) + 1 }))
}
export async function skip({ ticketId }: QueueInput<'skip'>, ctx: ActionContext) {
  return moveCalled(ticketId, ctx, () => ({ status: 'skipped', finishedAt: ctx.now }))
}
export async function finish({ ticketId }: QueueInput<'finish'>, ctx: ActionContext) {
  return moveCalled(ticketId, ctx, () => ({ status: 'done', finishedAt: ctx.now }))
}

/** Sends a called ticket to another window, where it is next: the citizen has already waited once. */
export async function transfer({ ticketId, toWindowId }: QueueInput<'transfer'>, ctx: ActionContext) {
  const target = await getWindow(toWindowId)
  return moveCalled(ticketId, ctx, (t) => {
    if (t.windowId === toWindowId)
      throw new AppError('INVALID_INPUT', '不能转到当前窗口', [{ path: 'toWindowId', message: '请选择其他窗口' }])
    return {
      status: 'waiting',
      windowId: '',
      targetWindowId: target.id,
      sortKey: `${TRANSFER_SORT_KEY}${t.sortKey}`,
      transferredFrom: t.windowId,
    }
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
  return {
    ticketId: t._id,
    label: t.label,
    kind: t.kind,
    status: t.status,
    matterName: t.matterName,
    ...(w ? { windowName: w.name, windowNumber: w.number } : {}),
    ahead: 0,
    waitMinutes: 0,
    createdAt: new Date(t.createdAt).toISOString(),
  }
}

/**
 * What a call implies, each step idempotent (the outbox key, the hold names its matter): the called
 * citizen is told to come, the one now REMIND_WHEN_AHEAD back to get ready, and a walk-in's
 * waiting-ticket hold goes back. Never throws (the call itself stands, and the sweeper repeats
 * this); answers whether every step went through.
 */
export async function afterCall(called: TicketDoc, windowNumber: number, third: TicketDoc | undefined): Promise<boolean> {
  const steps = await Promise.allSettled([
    called.openid ? writeNotification(calledNotice(called, windowNumber)) : undefined,
    third?.openid && third.status === 'waiting' ? writeNotification(threeAheadNotice(third, REMIND_WHEN_AHEAD)) : undefined,
    called.kind === 'walk_in' && called.openid ? releaseWaitingHold(called.date, called.openid, called.matterId) : undefined,
  ])
  const fresh: string[] = []
  for (const s of steps) {
    if (s.status === 'rejected') log.error('queue.afterCall', s.reason)
    else if (s.value && typeof s.value === 'object' && s.value.fresh) fresh.push(s.value.id)
  }
  await deliverSoon(fresh)
  return steps.every((s) => s.status === 'fulfilled')
}
