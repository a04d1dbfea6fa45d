import {
  DEFAULT_LEVEL,
  lightOf,
  LIGHT_LABELS,
  monthOf,
  RATING_LEVEL_LABELS,
  RATING_SCORES,
  STAGE_LABELS,
  type RatingKind,
} from '../../types/domain/rating'
import { pageLink, ROUTES } from '../../types/routes'
import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { insertOnce } from '../_kit/db'
import { log } from '../_kit/log'
import { writeNotification } from '../_kit/outbox'
import { workCalendar } from '../_kit/work-calendar'
import {
  beijingMinute,
  caseObject,
  FINISHED_CASE_STATES,
  FINISHED_INQUIRY_STATES,
  inquiryObject,
  invitations,
  ratingIdOf,
  ratingPolicy,
  ratings,
  ticketObject,
  today,
  type InvitationDoc,
  type RatedObject,
  type RatingDoc,
} from './ratings'
import { writeReport } from './report'
import { complaintObject, recordComplaintRating } from './complaint-source'

const PAGE = 100
const DAY_MS = 86_400_000
/** A rating whose report is still missing after this long was cut short: the sweep writes it. */
const REPORT_AFTER_MS = 60_000

/* eslint-disable @typescript-eslint/no-explicit-any -- documents of other functions' collections, read field by field */
interface Source {
  kind: RatingKind
  collection: string
  where: (since: Date) => Record<string, unknown>
  timeField: string
  ready: (doc: any) => boolean
  object: (doc: any) => Promise<RatedObject>
  /** Instead of an invitation, records the rating the source already holds (a complaint's rated answer). */
  record?: (o: RatedObject, doc: any) => Promise<boolean>
}

const SOURCES = (): Source[] => {
  const _ = db().command
  return [
    {
      kind: 'case',
      collection: COLLECTIONS.cases,
      where: (since) => ({ state: _.in([...FINISHED_CASE_STATES]), updatedAt: _.gte(since) }),
      timeField: 'updatedAt',
      ready: (c) => !!c.openid,
      object: caseObject,
    },
    {
      kind: 'ticket',
      collection: COLLECTIONS.tickets,
      where: (since) => ({ status: 'done', finishedAt: _.gte(since) }),
      timeField: 'finishedAt',
      ready: (t) => !!t.openid && !!t.windowId,
      object: ticketObject,
    },
    {
      kind: 'inquiry',
      collection: COLLECTIONS.inquiries,
      where: (since) => ({ state: _.in([...FINISHED_INQUIRY_STATES]), updatedAt: _.gte(since) }),
      timeField: 'updatedAt',
      ready: (q) => !!q.openid && q.staffReplies > 0,
      object: inquiryObject,
    },
    {
      kind: 'complaint',
      collection: COLLECTIONS.complaints,
      where: (since) => ({ ratedAt: _.gte(since) }),
      timeField: 'ratedAt',
      ready: (c) => !!c.rating,
      object: complaintObject,
      record: recordComplaintRating,
    },
  ]
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Where the invitation opens: the rating form of that object. */
const inviteLink = (o: RatedObject) => pageLink(ROUTES.feedbackRate, { objectKind: o.objectKind, objectId: o.objectId })

/**
 * Every 5 minutes: one invitation per newly finished case, served ticket and answered inquiry,
 * found from a watermark per source, without touching the functions that own them. The
 * invitation's id is the rating's id and its notification has its own dedupe key, so a sweep cut
 * short anywhere is simply run again: the watermark moves only after the page is written, and a
 * rerun writes nothing twice.
 */
export async function inviteSweep(now: Date) {
  const policy = await ratingPolicy()
  const marks = db().collection(COLLECTIONS.ratingWatermarks)
  const out: Record<string, number> = {}
  for (const src of SOURCES()) {
    const { data: markDocs } = await marks.where({ _id: src.kind }).limit(1).get()
    // The first run looks back as far as a rating is still open; older services are past their window.
    const since = markDocs[0] ? new Date(markDocs[0].upTo) : new Date(now.getTime() - policy.defaultAfterDays * DAY_MS)
    let upTo = since
    let invited = 0
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await db()
        .collection(src.collection)
        .where(src.where(since))
        .orderBy(src.timeField, 'asc')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(PAGE)
        .get()
      for (const doc of data) {
        const at = new Date(doc[src.timeField])
        if (at > upTo) upTo = at
        if (!src.ready(doc)) continue
        try {
          const o = await src.object(doc)
          if (await (src.record ? src.record(o, doc) : invite(o, now))) invited++
        } catch (e) {
          log.error(`rating.inviteSweep.${src.kind}`, e)
        }
      }
      if (data.length < PAGE) break
    }
    await marks.doc(src.kind).set({ data: { upTo, at: now } })
    out[src.kind] = invited
  }
  return out
}

async function invite(o: RatedObject, now: Date): Promise<boolean> {
  const id = ratingIdOf(o.objectKind, o.objectId, o.openid)
  const { data: rated } = await ratings().where({ _id: id }).limit(1).get()
  const fresh = await insertOnce(invitations(), { _id: id, ...o, status: rated[0] ? 'rated' : 'open', reminded: false, invitedAt: now })
  const { data } = await invitations().where({ _id: id }).limit(1).get()
  if (data[0]?.status !== 'open') return false
  // Written whether or not the invitation is new: a sweep that died between the two writes finishes here.
  await writeNotification({
    event: 'rating.invited',
    subjectId: id,
    recipient: o.openid,
    data: { title: o.title, finishedAt: beijingMinute(o.finishedAt) },
    page: inviteLink(o),
  })
  return fresh
}

/**
 * Hourly: the unrated are reminded once after `remindAfterDays`; after `defaultAfterDays`
 * natural days 基本满意 is recorded for them, marked `isDefault` so that it never counts towards
 * 好评率 and shows in 主动评价率. The default and a late rating race for the same id: one wins.
 */
export async function reminderSweep(now: Date) {
  const _ = db().command
  const policy = await ratingPolicy()
  let defaulted = 0
  let reminded = 0
  for (;;) {
    const { data } = await invitations()
      .where({ status: 'open', finishedAt: _.lte(new Date(now.getTime() - policy.defaultAfterDays * DAY_MS)) })
      .orderBy('finishedAt', 'asc')
      .limit(PAGE)
      .get()
    for (const inv of data) if (await recordDefault(inv, now)) defaulted++
    if (data.length < PAGE) break
  }
  const { data: due } = await invitations()
    .where({ status: 'open', reminded: false, finishedAt: _.lte(new Date(now.getTime() - policy.remindAfterDays * DAY_MS)) })
    .orderBy('finishedAt', 'asc')
    .limit(PAGE)
    .get()
  for (const inv of due) {
    const defaultOn = today(new Date(new Date(inv.finishedAt).getTime() + policy.defaultAfterDays * DAY_MS))
    await writeNotification({
      event: 'rating.reminder',
      subjectId: inv._id,
      recipient: inv.openid,
      data: { title: inv.title, finishedAt: beijingMinute(inv.finishedAt), defaultOn },
      page: inviteLink(inv),
    })
    const { stats } = await invitations()
      .where({ _id: inv._id, reminded: false })
      .update({ data: { reminded: true, remindedAt: now } })
    if (stats.updated === 1) reminded++
  }
  return { defaulted, reminded }
}

/** The rated object an invitation was written for, without the invitation's own fields. */
const objectOf = (inv: InvitationDoc): RatedObject => ({
  objectKind: inv.objectKind,
  objectId: inv.objectId,
  channel: inv.channel,
  openid: inv.openid,
  title: inv.title,
  ...(inv.matterId ? { matterId: inv.matterId } : {}),
  departmentId: inv.departmentId,
  departmentName: inv.departmentName,
  ...(inv.windowId ? { windowId: inv.windowId } : {}),
  ...(inv.servedBy ? { servedBy: inv.servedBy } : {}),
  ...(inv.reference ? { reference: inv.reference } : {}),
  finishedAt: inv.finishedAt,
})

async function recordDefault(inv: InvitationDoc, now: Date): Promise<boolean> {
  const { _id } = inv
  const doc: RatingDoc = {
    _id,
    ...objectOf(inv),
    level: DEFAULT_LEVEL,
    score: RATING_SCORES[DEFAULT_LEVEL],
    tags: [],
    text: '',
    isDefault: true,
    bad: false,
    ratedAt: now,
    month: monthOf(today(now)),
    loopOpen: false,
    timeline: [{ kind: 'rated', at: now, label: `逾期未评价，默认${RATING_LEVEL_LABELS[DEFAULT_LEVEL]}` }],
    reported: false,
    rev: 0,
  }
  const fresh = await insertOnce(ratings(), doc)
  if (fresh) await writeReport(doc)
  await invitations()
    .where({ _id, status: 'open' })
    .update({ data: { status: fresh ? 'defaulted' : 'rated' } })
  return fresh
}

/**
 * Every 15 minutes: each open 差评's stage turns yellow at `yellowPercent` of its working days and
 * red when late; each light is told once (the update is conditional on the previous light) to
 * the department's leads and the centre office, in the message centre only. A reply whose
 * follow-up window ended closes.
 */
export async function lightSweep(now: Date) {
  const _ = db().command
  const policy = await ratingPolicy()
  const day = today(now)
  let lit = 0
  let told = 0
  let closed = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await ratings()
      .where({ bad: true, loopOpen: true })
      .orderBy('ratedAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get()
    for (const d of data) {
      const loop = d.loop
      if (!loop) continue
      if (loop.state === 'replied' && loop.followUpUntil && day > loop.followUpUntil) {
        const { stats } = await ratings()
          .where({ _id: d._id, rev: d.rev })
          .update({
            data: {
              'loop.state': 'closed',
              loopOpen: false,
              rev: _.inc(1),
              timeline: _.push([{ kind: 'closed', at: now, label: '追评期满，差评办结' }]),
            },
          })
        if (stats.updated === 1) closed++
        continue
      }
      if (!loop.stage || !loop.startedOn || !loop.dueDate) continue
      const light = lightOf(loop.startedOn, loop.dueDate, day, policy, workCalendar())
      const key = `${loop.stage}:${loop.dueDate}:${light}`
      if (light === 'green' || loop.lightKey === key) continue
      const { stats } = await ratings()
        .where({ _id: d._id, 'loop.lightKey': loop.lightKey })
        .update({ data: { 'loop.lightKey': key, 'loop.light': light } })
      if (stats.updated !== 1) continue
      lit++
      told += await tellLight(d, loop.stage, loop.dueDate, light, key)
    }
    if (data.length < PAGE) break
  }
  return { lit, told, closed }
}

async function tellLight(d: RatingDoc, stage: keyof typeof STAGE_LABELS, dueDate: string, light: 'yellow' | 'red', key: string) {
  const staff = db().collection(COLLECTIONS.staff)
  const [{ data: leads }, { data: office }] = await Promise.all([
    staff.where({ role: 'dept_lead', active: true, departmentId: d.departmentId }).limit(50).get(),
    staff.where({ role: 'supervisor', active: true }).limit(50).get(),
  ])
  let n = 0
  for (const s of [...leads, ...office]) {
    try {
      const { fresh } = await writeNotification({
        event: 'rating.bad_light',
        subjectId: `${d._id}:${key.replace(/:/g, '-')}`,
        recipient: String(s.openid),
        data: { title: d.title, department: d.departmentName, stage: STAGE_LABELS[stage], light: LIGHT_LABELS[light], dueDate },
        page: pageLink(ROUTES.staffRating, { id: d._id }),
      })
      if (fresh) n++
    } catch (e) {
      log.error('rating.tellLight', e)
    }
  }
  return n
}

/** Every 5 minutes: the province report of a rating whose call was cut short before writing it. */
export async function reportSweep(now: Date) {
  const _ = db().command
  const { data } = await ratings()
    .where({ reported: false, ratedAt: _.lte(new Date(now.getTime() - REPORT_AFTER_MS)) })
    .orderBy('ratedAt', 'asc')
    .limit(PAGE)
    .get()
  for (const d of data) await writeReport(d)
  return { reported: data.length }
}
