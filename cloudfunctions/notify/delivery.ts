import { formatNotification, messageText, subjectKindOf, TemplateValueError } from '../../types/domain/template-format'
import { isMessageOnly, type PushEvent } from '../../types/domain/notification'
import { EVENT_TEMPLATE, type TemplateKey } from '../../types/domain/templates'
import { cloud, db } from '../_kit/cloud'
import { randomHex } from '../_kit/ids'
import { log } from '../_kit/log'
import { insertOnce } from '../_kit/db'
import { classifyTemplateError, DEDUP_WINDOW_MS, forgetFollower, oaRouteTo, sendTemplate, type OaRoute } from './official-account'
import { backoffMs, classify, LEASE_MS, MAX_ATTEMPTS, miniprogramState, pushPage, templates } from './policy'
import { grantId, messages, outbox, subscriptions, type Grant, type OutboxDoc } from './store'

/**
 * Delivering one outbox item, pushing it at most once:
 *  1. claim it with a conditional update (status and attempt count as read → `sending` with a
 *     lease), so of two drains, or a drain and a deliverSoon, only one goes on;
 *  2. make sure the message centre entry exists (the producer wrote it with the event, _kit/outbox.ts;
 *     items written straight to the outbox get it here; its `_id` is the item's, so it is written once);
 *  3. choose the channel: take one grant of the event's template (a conditional decrement;
 *     long-term grants are not used up), or else route it through the 服务号 when the user follows
 *     it (official-account.ts); neither → `no_consent`, nothing pushed;
 *  4. record the attempt and the route on the item (`sendAttemptAt`, conditional on the claim),
 *     send, then settle the item with its channel, conditional on still holding the claim.
 * The subscription send has no idempotency key, so a send whose outcome we did not hear is never repeated:
 * an item found with an attempt recorded and not settled (the function died after 4's record) and
 * a send that failed without an answer from WeChat (connection reset, timeout) end `failed` with
 * the reason, the message centre keeping the message. Sends WeChat answered with an error code it
 * did not deliver, so those are retried (policy.ts). What remains: a push can be lost (never twice)
 * when the function dies between recording the attempt and sending. A 服务号 template send carries
 * a client_msg_id WeChat deduplicates for ten minutes, so within that window both cases are sent
 * again instead.
 */

export type Result = 'sent' | 'failed' | 'no_consent' | 'retry' | 'skipped'

const _ = () => db().command

/** An outbox item with the attempt record kept here (store.ts has the fields the producer writes). */
type Item = OutboxDoc & { sendAttemptAt?: Date; oa?: OaRoute; firstAttemptAt?: Date }

const isPush = (doc: Item): doc is Item & OutboxDoc<PushEvent> => !isMessageOnly(doc.event)

const UNCERTAIN_REASON = '发送结果未知：微信可能已收到，为避免重复推送不再重试（消息中心已有该消息）'

export async function claim(doc: OutboxDoc, now: Date): Promise<OutboxDoc | null> {
  const attempts = doc.attempts ?? 0
  const patch = { status: 'sending' as const, claim: randomHex(16), leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: attempts + 1 }
  const { stats } = await outbox()
    .where({ _id: doc._id, status: doc.status, attempts: doc.attempts === undefined ? _().exists(false) : attempts })
    .update({ data: patch })
  return stats.updated === 1 ? { ...doc, ...patch } : null
}

async function settle(doc: OutboxDoc, data: Record<string, unknown>): Promise<boolean> {
  const { stats } = await outbox()
    .where({ _id: doc._id, claim: doc.claim })
    .update({ data: { ...data, leaseUntil: _().remove() } })
  if (stats.updated !== 1) log.error('notify.settle', new Error(`lost the claim on ${doc.event}`))
  return stats.updated === 1
}

async function writeMessage(doc: OutboxDoc, now: Date): Promise<void> {
  const { title, body } = messageText(doc.event, doc.data ?? {}, doc.createdAt ?? now)
  await insertOnce(messages(), {
    _id: doc._id,
    openid: doc.recipient,
    event: doc.event,
    kind: subjectKindOf(doc.event),
    subjectId: doc.subjectId,
    title,
    body,
    page: doc.page,
    read: false,
    createdAt: doc.createdAt ?? now,
  })
}

async function takeGrant(openid: string, key: TemplateKey, now: Date): Promise<Grant | null> {
  const id = grantId(openid, key)
  if (templates()[key].kind === 'long_term') {
    const { data } = await subscriptions().where({ _id: id, longTerm: true }).limit(1).get()
    if (data[0]) return { id, kind: 'long_term' }
  }
  const { stats } = await subscriptions()
    .where({ _id: id, remaining: _().gt(0) })
    .update({ data: { remaining: _().inc(-1), usedAt: now } })
  return stats.updated === 1 ? { id, kind: 'one_time' } : null
}

async function giveBack(grant: Grant | null | undefined): Promise<void> {
  if (grant?.kind !== 'one_time') return
  await subscriptions()
    .doc(grant.id)
    .update({ data: { remaining: _().inc(1) } })
    .catch((e) => log.error('notify.giveBack', e))
}

type Route = { channel: 'subscription'; grant: Grant } | { channel: 'official_account'; oa: OaRoute }
type Formatted = ReturnType<typeof formatNotification>

/**
 * The channel of a push: the subscription message when the user holds a grant of its template,
 * else the 服务号's template message when they follow it, else none (the message centre only).
 * A retry keeps the route its first attempt took.
 */
async function routeFor(doc: Item, key: TemplateKey, now: Date): Promise<Route | null> {
  if (doc.channel === 'official_account' && doc.oa) return { channel: 'official_account', oa: doc.oa }
  const grant = doc.grant ?? (await takeGrant(doc.recipient, key, now))
  if (grant) return { channel: 'subscription', grant }
  const oa = await oaRouteTo(doc.recipient, key)
  return oa ? { channel: 'official_account', oa } : null
}

/** A template send may go again with the same client_msg_id while WeChat still remembers it. */
const inDedupWindow = (doc: Item, now: Date) =>
  doc.channel === 'official_account' && !!doc.oa && now.getTime() - new Date(doc.firstAttemptAt ?? 0).getTime() < DEDUP_WINDOW_MS

async function send(doc: Item, route: Route, key: TemplateKey, formatted: Formatted, now: Date): Promise<number | undefined> {
  const page = pushPage(doc.page, doc._id)
  if (route.channel === 'official_account') return sendTemplate(route.oa, { itemId: doc._id, pagepath: page, data: formatted.data }, now)
  const res = (await cloud.openapi.subscribeMessage.send({
    touser: doc.recipient,
    templateId: templates()[key].templateId,
    page,
    data: formatted.data,
    miniprogramState: miniprogramState(),
  })) as { msgid?: number }
  return res?.msgid
}

/** What the item keeps of its route, so a retry or a stale claim takes the same one. */
const routeFields = (doc: Item, route: Route | null, now: Date) =>
  route?.channel === 'official_account'
    ? { channel: route.channel, oa: route.oa, grant: null, firstAttemptAt: doc.firstAttemptAt ?? now }
    : { grant: route?.grant ?? doc.grant ?? null }

/** Delivers a claimed item (see above) and answers how it ended. */
export async function deliver(doc: Item, now: Date): Promise<Result> {
  const attempts = doc.attempts ?? 1
  if (doc.sendAttemptAt && !inDedupWindow(doc, now)) {
    await settle(doc, { status: 'failed', lastError: { reason: UNCERTAIN_REASON } })
    return 'failed'
  }
  let route: Route | null = null
  try {
    await writeMessage(doc, now)
    if (!isPush(doc)) {
      await settle(doc, { status: 'sent', sentAt: now, channel: 'message_centre' })
      return 'sent'
    }
    const key = EVENT_TEMPLATE[doc.event]
    let formatted
    try {
      formatted = formatNotification(doc.event, doc.data ?? {}, doc.createdAt ?? now)
    } catch (e) {
      if (!(e instanceof TemplateValueError)) throw e
      await settle(doc, { status: 'failed', templateKey: key, lastError: { reason: `模板数据不合规：${e.message}` } })
      return 'failed'
    }
    route = await routeFor(doc, key, now)
    if (!route) {
      await settle(doc, { status: 'no_consent', templateKey: key, channel: 'message_centre' })
      return 'no_consent'
    }
    if (!(await settle(doc, { status: 'sending', ...routeFields(doc, route, now), sendAttemptAt: now }))) return 'skipped'
    const msgid = await send(doc, route, key, formatted, now)
    await settle(doc, {
      status: 'sent',
      sentAt: now,
      templateKey: key,
      channel: route.channel,
      ...routeFields(doc, route, now),
      ...(msgid !== undefined ? { msgid } : {}),
      lastError: _().remove(),
    })
    return 'sent'
  } catch (err) {
    return failed(doc, route, err, attempts, now)
  }
}

/** A send (or a step before it) failed: retry, or end the item with the reason (policy.ts, official-account.ts). */
async function failed(doc: Item, route: Route | null, err: unknown, attempts: number, now: Date): Promise<Result> {
  const viaOa = route?.channel === 'official_account'
  const outcome = viaOa ? classifyTemplateError(err) : classify(err)
  const lastError = { ...(outcome.errcode !== undefined ? { errcode: outcome.errcode } : {}), reason: outcome.reason }
  const kept = routeFields(doc, route, now)
  // A template send heard nothing back: the same client_msg_id may go again within WeChat's window.
  const retryable = outcome.kind === 'transient' || (outcome.kind === 'uncertain' && viaOa && inDedupWindow({ ...doc, ...kept }, now))
  if (retryable && attempts < MAX_ATTEMPTS) {
    await settle(doc, {
      status: 'retry',
      dueAt: new Date(now.getTime() + backoffMs(attempts)),
      ...kept,
      lastError,
      sendAttemptAt: _().remove(),
    })
    return 'retry'
  }
  if (outcome.kind === 'uncertain') {
    // Keep the grant as used: WeChat may have delivered with it.
    await settle(doc, { status: 'failed', ...kept, lastError: { reason: `${UNCERTAIN_REASON}：${outcome.reason}` } })
    return 'failed'
  }
  if (viaOa && outcome.errcode === 43004) await forgetFollower(route.oa.unionid)
  if (!viaOa && (outcome.kind === 'transient' || outcome.giveBack))
    await giveBack(route?.channel === 'subscription' ? route.grant : doc.grant)
  const reason = outcome.kind === 'transient' ? `多次重试仍失败：${outcome.reason}` : outcome.reason
  await settle(doc, { status: 'failed', ...kept, grant: null, lastError: { ...lastError, reason }, sendAttemptAt: _().remove() })
  return 'failed'
}

/** Claims and delivers; an item someone else holds is skipped. */
export async function claimAndDeliver(doc: OutboxDoc, now: Date): Promise<Result> {
  const mine = await claim(doc, now)
  return mine ? deliver(mine, now) : 'skipped'
}
