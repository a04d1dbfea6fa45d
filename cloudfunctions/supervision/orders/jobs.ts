import { createHash } from 'node:crypto'
import { ESCALATION_LABELS, orderDueDate, redLongEnough, type OrdersPolicy } from '../../../types/domain/supervision-orders'
import { getDepartment } from '../../_kit/catalog'
import { db } from '../../_kit/cloud'
import { COLLECTIONS } from '../../_kit/collections'
import { AppError } from '../../_kit/errors'
import { log } from '../../_kit/log'
import { workCalendar } from '../../_kit/work-calendar'
import { insertOrder, newOrder } from './actions'
import { runEffects } from './effects'
import { orders, ordersPolicy, today, writeStep } from './store'

/** What the orders part reads of a case's light (the lights part writes `case_lights`; nothing here writes it). */
export interface CaseLightRead {
  _id: string
  caseNo: string
  matterName: string
  departmentId: string
  light: 'green' | 'yellow' | 'red'
  reasons: Array<{ code: string; label: string; detail: string }>
  redSince?: Date
  open: boolean
}

/** The automatic order's id for a case: derived from the case, so the sweep writes it once however often it runs (one per case, ever). */
export const autoOrderId = (caseId: string) => `so-${createHash('sha256').update(`auto:${caseId}`).digest('hex').slice(0, 20)}`

const PAGE = 100
/** A bound on one run's reads; the next run goes on (red cases at county scale are a few dozen). */
const MAX_PAGES = 20
const DAY_MS = 86_400_000

/**
 * Issues the automatic 督办 for every open case red for the policy's working days (default 2):
 * one per case under a key derived from the case, never while another order about the case is
 * open (the open key's unique index refuses it in the same insert). Cases red for fewer calendar
 * days than that many working days cannot qualify, so they are not read.
 */
export async function autoOrders(now: Date): Promise<Record<string, number>> {
  const _ = db().command
  const policy = await ordersPolicy()
  const cal = workCalendar()
  const lights = db().collection<CaseLightRead>(COLLECTIONS.caseLights)
  let issued = 0
  let after = ''
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await lights
      .where({
        open: true,
        light: 'red',
        redSince: _.lt(new Date(now.getTime() - policy.autoAfterWorkingDays * DAY_MS)),
        ...(after ? { _id: _.gt(after) } : {}),
      })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()
    const due = data.filter((l) => l.redSince && redLongEnough(new Date(l.redSince), now, policy.autoAfterWorkingDays, cal))
    if (due.length) {
      const ids = due.map((l) => autoOrderId(l._id))
      const { data: existing } = await orders()
        .where({ _id: _.in(ids) })
        .field({ _id: true })
        .limit(PAGE)
        .get()
      const done = new Set(existing.map((o) => o._id))
      for (const l of due) {
        if (done.has(autoOrderId(l._id))) continue
        try {
          if (await issueAuto(l, now, policy)) issued++
        } catch (e) {
          log.error('supervision.orders.auto', e)
        }
      }
    }
    if (data.length < PAGE) break
    after = data[data.length - 1]._id
  }
  return { issued }
}

async function issueAuto(l: CaseLightRead, now: Date, policy: OrdersPolicy): Promise<boolean> {
  const department = await getDepartment(l.departmentId)
  const reasons = l.reasons.map((r) => r.label).join('、') || '红灯'
  const doc = newOrder({
    id: autoOrderId(l._id),
    object: { kind: 'case', id: l._id, title: `${l.matterName} · ${l.caseNo}`, caseNo: l.caseNo, matterName: l.matterName },
    department: { id: l.departmentId, name: department?.name ?? l.departmentId },
    reason: `办件亮红灯已超过${policy.autoAfterWorkingDays}个工作日：${reasons}`,
    requirement: '请查明原因，督促尽快办结，并回复整改情况',
    dueDate: orderDueDate(today(now), policy.replyWorkingDays, workCalendar()),
    now,
  })
  return insertOrder(doc)
}

/**
 * 通报: every order still waiting for its reply after its due date is escalated, once (the flag is
 * set in the same guarded write as the step; an order replied or escalated meanwhile is skipped).
 */
export async function escalateOrders(now: Date): Promise<Record<string, number>> {
  const _ = db().command
  const { data } = await orders()
    .where({ awaiting: true, escalated: false, dueDate: _.lt(today(now)) })
    .limit(100)
    .get()
  let escalated = 0
  for (const doc of data) {
    try {
      const next = await writeStep(
        doc,
        { escalated: true, escalation: { at: now, cause: 'no_reply', dueDate: doc.dueDate } },
        [{ kind: 'escalated', at: now, cause: 'no_reply', dueDate: doc.dueDate, text: ESCALATION_LABELS.no_reply }],
        now,
      )
      await runEffects(next)
      escalated++
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) log.error('supervision.orders.escalate', e)
    }
  }
  return { escalated }
}
