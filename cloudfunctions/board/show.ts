import type { BoardAnswer } from '../../types/contracts/board'
import { boardName, boardText, caseTail, NOW_CALLING_ROWS, OVERFLOW_MAX, RECENT_ROWS, TICKER_ROWS } from '../../types/domain/board'
import { CASE_STATE_LABELS, type CaseState } from '../../types/domain/case-machine'
import { beijingClock, beijingDate } from '../../types/domain/dates'
import { ratio } from '../../types/domain/rating'
import { beijingInstant, hhmmOf, minutesOf } from '../../types/domain/schedule'
import type { Department, ServiceWindow } from '../../types/domain/catalog'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { fetchAll } from '../_kit/fetchAll'
import type { ActionContext } from '../_kit/handler'
import { pinnedAnnouncements } from './announcements'
import { closingOf } from './hours'
import { memo } from './memo'

/**
 * The board's answer. Every row is built here from named fields of the stored documents, never by
 * passing a document on: tickets give their number, window and call time (a ticket stores its
 * holder's account, never shown); cases give the last 4 characters of their number, the
 * applicant's family name, the matter, the status and the promised date. Then every text of the
 * answer goes through boardText with the names of the applicants read, so an ID number, a mobile
 * number or an applicant's name typed into a matter's name or a title does not reach the screen.
 */

const SLOW_MS = 10_000
const HOURS_MS = 60_000

/** Cases the 办件公示 shows once they moved today: accepted or further, not drafts, not withdrawn. */
const PUBLIC_STATES: CaseState[] = ['accepted', 'in_process', 'approved', 'rejected', 'ready_for_pickup', 'mailed', 'completed']
const DECIDED_STATES: CaseState[] = ['approved', 'rejected', 'ready_for_pickup', 'mailed', 'completed']
/** The status as a hall reads it: the decision itself (准予/不予) is the applicant's business. */
const PUBLIC_STATUS: Partial<Record<CaseState, string>> = {
  approved: '已办结',
  rejected: '已办结',
}
const statusLabel = (s: CaseState) => PUBLIC_STATUS[s] ?? CASE_STATE_LABELS[s]

interface TicketRow {
  label: string
  windowId: string
  calledAt?: Date
  callCount?: number
  status: string
}
interface CaseRow {
  caseNo: string
  applicant?: { name?: string }
  matterName: string
  state: CaseState
  dueDate?: string
}
interface RatingRow {
  isDefault: boolean
  bad: boolean
  loop?: { state?: string }
}

const tickets = () => db().collection<TicketRow>(COLLECTIONS.tickets)
const cases = () => db().collection<CaseRow>(COLLECTIONS.cases)
const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : '')

export async function show(_input: object, ctx: ActionContext): Promise<BoardAnswer> {
  const date = beijingDate(ctx.now)
  const [closing, announcements] = await Promise.all([
    memo(`hours:${date}`, HOURS_MS, ctx.now, () => closingOf(date)),
    memo('announcements', HOURS_MS, ctx.now, pinnedAnnouncements),
  ])
  const open = closing !== null && minutesOf(beijingClock(ctx.now)) < closing
  const [rows, figures, ticker] = await Promise.all([
    open ? callRows(date, ctx.now) : Promise.resolve({ calling: [], overflow: [], recent: [], waiting: [] }),
    memo(`figures:${date}`, SLOW_MS, ctx.now, () => figuresOf(date)),
    open ? memo(`ticker:${date}`, SLOW_MS, ctx.now, () => tickerOf(date)) : Promise.resolve({ rows: [], names: [] }),
  ])
  const answer: BoardAnswer = {
    date,
    serverTime: ctx.now.toISOString(),
    open,
    closesAt: closing === null ? '' : hhmmOf(closing),
    ...rows,
    figures,
    ticker: ticker.rows,
    announcements: announcements.map((a) => ({ id: a.id, title: a.title, category: a.category })),
  }
  return scrubbed(answer, ticker.names)
}

/** Calls now, the last calls that ended and the waiting count of each queue (one queue per hall zone). */
async function callRows(date: string, now: Date): Promise<Pick<BoardAnswer, 'calling' | 'overflow' | 'recent' | 'waiting'>> {
  const _ = db().command
  const $ = _.aggregate
  const [{ data: called }, { data: ended }, { list }, { windows, placeOf }] = await Promise.all([
    tickets()
      .where({ date, status: 'called' })
      .orderBy('calledAt', 'desc')
      .limit(NOW_CALLING_ROWS + OVERFLOW_MAX)
      .field({ label: true, windowId: true, calledAt: true, callCount: true, status: true })
      .get(),
    tickets()
      .where({ date, status: _.in(['done', 'skipped']) })
      .orderBy('calledAt', 'desc')
      .limit(RECENT_ROWS)
      .field({ label: true, windowId: true, calledAt: true, status: true })
      .get(),
    tickets()
      .aggregate()
      .match({ date, status: 'waiting' })
      .group({ _id: '$prefix', count: $.sum(1) })
      .sort({ _id: 1 })
      .end<{ _id: string; count: number }>(),
    memo('places', SLOW_MS, now, placesOf),
  ])
  const numberOf = (t: TicketRow) => windows.get(t.windowId)?.number ?? 0
  const calls = called.map((t) => ({
    ticket: t.label,
    windowNumber: numberOf(t),
    calledAt: iso(t.calledAt),
    callCount: Math.max(1, t.callCount ?? 1),
  }))
  return {
    calling: calls.slice(0, NOW_CALLING_ROWS),
    overflow: calls.slice(NOW_CALLING_ROWS).map((c) => ({ ticket: c.ticket, windowNumber: c.windowNumber })),
    recent: ended.map((t) => ({ ticket: t.label, windowNumber: numberOf(t), calledAt: iso(t.calledAt), skipped: t.status === 'skipped' })),
    waiting: list.map((g) => ({ prefix: g._id, place: placeOf.get(g._id) ?? `${g._id}区`, count: g.count })),
  }
}

/** Window numbers, and each queue's place in the hall: the location of the departments of its zone. */
async function placesOf(): Promise<{ windows: Map<string, Pick<ServiceWindow, 'number'>>; placeOf: Map<string, string> }> {
  const [windows, departments] = await Promise.all([
    fetchAll<ServiceWindow>(COLLECTIONS.windows, {}, { id: true, number: true, departmentId: true, queuePrefix: true }),
    fetchAll<Department>(COLLECTIONS.departments, {}, { id: true, location: true }),
  ])
  const placeOf = new Map<string, string>()
  for (const w of windows) {
    const location = departments.find((d) => d.id === w.departmentId)?.location
    if (location && !placeOf.has(w.queuePrefix)) placeOf.set(w.queuePrefix, location)
  }
  return { windows: new Map(windows.map((w) => [w.id, w])), placeOf }
}

/** Today's figures: tickets, served, average wait to the call, cases decided, 好评率 of active ratings. */
async function figuresOf(date: string): Promise<BoardAnswer['figures']> {
  const _ = db().command
  const $ = _.aggregate
  const from = beijingInstant(date, '00:00')
  const [{ list }, { total: casesFinished }, { data: rated }] = await Promise.all([
    tickets()
      .aggregate()
      .match({ date })
      .group({ _id: '$status', count: $.sum(1), waitMs: $.avg($.subtract(['$calledAt', '$createdAt'])) })
      .end<{ _id: string; count: number; waitMs: number | null }>(),
    cases()
      .where({ state: _.in(DECIDED_STATES), decidedOn: date })
      .count(),
    db()
      .collection<RatingRow>(COLLECTIONS.ratings)
      .where({ ratedAt: _.and([_.gte(from), _.lt(new Date(from.getTime() + 86_400_000))]) })
      .field({ isDefault: true, bad: true, 'loop.state': true })
      .limit(1000)
      .get(),
  ])
  let waitSum = 0
  let waitCount = 0
  for (const g of list) {
    if (g._id === 'waiting' || typeof g.waitMs !== 'number') continue
    waitSum += g.waitMs * g.count
    waitCount += g.count
  }
  const valid = rated.filter((r) => !r.isDefault && r.loop?.state !== 'invalid')
  return {
    tickets: list.reduce((s, g) => s + g.count, 0),
    served: list.find((g) => g._id === 'done')?.count ?? 0,
    averageWaitMinutes: waitCount ? Math.round(waitSum / waitCount / 60_000) : null,
    casesFinished,
    goodRate: valid.length ? ratio(valid.filter((r) => !r.bad).length, valid.length) : null,
    ratings: valid.length,
  }
}

/** 办件公示: the cases that moved today, newest first, and the applicants' names (for the scrub). */
async function tickerOf(date: string): Promise<{ rows: BoardAnswer['ticker']; names: string[] }> {
  const _ = db().command
  const { data } = await cases()
    .where({ updatedAt: _.gte(beijingInstant(date, '00:00')), state: _.in(PUBLIC_STATES) })
    .orderBy('updatedAt', 'desc')
    .limit(TICKER_ROWS)
    .field({ caseNo: true, 'applicant.name': true, matterName: true, state: true, dueDate: true })
    .get()
  const names = data.map((c) => c.applicant?.name ?? '').filter(Boolean)
  return {
    names,
    rows: data.map((c) => ({
      caseTail: caseTail(c.caseNo),
      applicant: boardName(c.applicant?.name ?? ''),
      matter: c.matterName,
      status: statusLabel(c.state),
      promisedDate: c.dueDate ?? '',
    })),
  }
}

/** Every string of the answer through boardText: the last line of defence, whatever a row was built from. */
function scrubbed<T>(value: T, names: string[]): T {
  if (typeof value === 'string') return boardText(value, names) as T
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, names)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubbed(v, names)])) as T
  return value
}
