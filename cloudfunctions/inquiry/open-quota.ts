import { db } from '../_kit/cloud'
import { COLLECTIONS } from '../_kit/collections'
import { AppError } from '../_kit/errors'
import { log } from '../_kit/log'
import { insertOnce } from '../_kit/db'
import { inquiries } from './inquiries'

/**
 * The per-account limit of unfinished inquiries (policy.maxOpenPerAsker). Counting the open ones
 * and then adding one lets every concurrent question see the same count, so the places are kept
 * in one document per OPENID listing its open inquiries, and a place is taken by ONE conditional
 * update: push this inquiry only while the list has no entry at index max-1. The database applies
 * a single-document update atomically, so of 20 questions at once exactly the free places succeed.
 *
 * The list heals itself: a place whose inquiry is closed (its release was lost) or was never
 * written (the function died between taking the place and adding the inquiry, after GRACE_MS) is
 * taken back when the list is full. The first question of an account that asked before the list
 * existed starts it from its open inquiries.
 */
interface QuotaDoc {
  _id: string
  open: Array<{ id: string; at: Date }>
}

const quota = () => db().collection<QuotaDoc>(COLLECTIONS.inquiryQuota)
/** Longer than any ask takes between its place and its inquiry. */
const GRACE_MS = 60_000

const full = (n: number) => new AppError('RATE_LIMITED', `您有${n}条咨询尚未结束，请等答复后或结束后再提问`)

export async function takeOpenPlace(openid: string, inquiryId: string, max: number, now: Date): Promise<void> {
  const _ = db().command
  for (let round = 0; round < 4; round++) {
    const { stats } = await quota()
      .where({ _id: openid, [`open.${max - 1}`]: _.exists(false) })
      .update({ data: { open: _.push([{ id: inquiryId, at: now }]) } })
    if (stats.updated === 1) return
    const doc = (await quota().where({ _id: openid }).limit(1).get()).data[0]
    if (!doc) {
      await startList(openid)
      continue
    }
    if (doc.open.length < max) continue // a place was freed meanwhile
    if (!(await reclaim(doc, now))) throw full(doc.open.length)
  }
  throw full(max)
}

/** Gives the place back: the inquiry ended, or it could not be written. */
export async function releaseOpenPlace(openid: string, inquiryId: string): Promise<void> {
  const _ = db().command
  await quota()
    .where({ _id: openid })
    .update({ data: { open: _.pull({ id: inquiryId }) } })
}

/** After an inquiry ended: its place is freed; a failure is logged and healed by the next full list. */
export const freePlace = (doc: { _id: string; openid: string }) =>
  releaseOpenPlace(doc.openid, doc._id).catch((e) => log.error('inquiry.quota.release', e))

async function startList(openid: string): Promise<void> {
  const _ = db().command
  const { data } = await inquiries()
    .where({ openid, state: _.neq('closed') })
    .field({ _id: true, askedAt: true })
    .limit(100)
    .get()
  await insertOnce(quota(), { _id: openid, open: data.map((d) => ({ id: d._id, at: new Date(d.askedAt) })) })
}

/** Takes back the places of inquiries that ended or never came to be; answers whether any was freed. */
async function reclaim(doc: QuotaDoc, now: Date): Promise<boolean> {
  const _ = db().command
  const ids = doc.open.map((o) => o.id)
  const { data } = await inquiries()
    .where({ _id: _.in(ids) })
    .field({ _id: true, state: true })
    .limit(ids.length)
    .get()
  const live = new Map(data.map((d) => [d._id, d.state]))
  const dead = doc.open.filter((o) => (live.has(o.id) ? live.get(o.id) === 'closed' : now.getTime() - new Date(o.at).getTime() > GRACE_MS))
  await Promise.all(dead.map((o) => releaseOpenPlace(doc._id, o.id)))
  return dead.length > 0
}
