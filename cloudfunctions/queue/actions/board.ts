import { beijingDate } from '../../../types/domain/working-days'
import { db } from '../../_kit/cloud'
import type { ActionContext } from '../../_kit/handler'
import { tickets, windowsById } from '../tickets'

/** What the hall display shows: the latest calls and how many wait in each queue. No personal data. */
export async function board(_input: object, ctx: ActionContext) {
  const date = beijingDate(ctx.now)
  const _ = db().command
  const $ = _.aggregate
  const [{ data: called }, { list }, windows] = await Promise.all([
    tickets().where({ date, status: 'called' }).orderBy('calledAt', 'desc').limit(10).get(),
    tickets()
      .aggregate()
      .match({ date, status: 'waiting' })
      .group({ _id: '$prefix', count: $.sum(1) })
      .sort({ _id: 1 })
      .end<{ _id: string; count: number }>(),
    windowsById(),
  ])
  return {
    called: called.map((t) => {
      const w = windows.get(t.windowId)
      return { label: t.label, windowNumber: w?.number ?? 0, windowName: w?.name ?? '', calledAt: new Date(t.calledAt!).toISOString() }
    }),
    waiting: list.map((g) => ({ prefix: g._id, count: g.count })),
  }
}
